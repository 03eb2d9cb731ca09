//! Reading people from an HRIS export: CSV in any common encoding and
//! delimiter, or a spreadsheet (XLSX, XLS, ODS). Columns are mapped from
//! their headers (the common HRIS exports' spellings are known), manager
//! references are resolved whatever form they take, and every problem is
//! reported with file, row and column. Reading never panics on malformed
//! input, and nothing is written anywhere: the caller stores the org only
//! if the import succeeded.

mod columns;
mod decode;
mod extra;
mod fields;
mod groups;
mod into;
mod managers;
mod named;
mod parallel;
mod raw;
mod review;
mod rows;
mod segments;
mod signed;
mod spans;
mod spellings;
mod summary;
mod teams;
mod whole;
mod xlsx;
mod xlsx_cells;

pub use columns::ColumnChoice;
pub use decode::Encoding;
pub use fields::Field;
pub use groups::{group_findings, render_groups, FindingGroup};
pub use into::{import_into, store, ImportOutcome};
pub use managers::ManagerRef;
pub use named::{NamedMove, NamedPerson, NamedReport, NamedTitleChange};
pub use review::{
    in_app_words, ColumnOverride, ImportRequest, ImportReview, ReviewChoice, ReviewColumn,
    HIDDEN_COST,
};
pub use rows::{ColumnMapping, Keys};
#[cfg(test)]
pub(crate) use signed::load_signed_csv_text;
pub use summary::{ImportSummary, StaleChange, StaleChanges};

use crate::error::{OrgError, Result};
use crate::model::{Finding, Ladder, Location, Org, OrgBuilder, PersonRecord, Policy};
use raw::{CsvRows, RawRows};
use rows::RecordMapper;
use std::io::{Read, Seek};
use std::path::Path;

/// Choices a user can make about an import; the defaults detect everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The spreadsheet sheet to read (default: the first).
    pub sheet: Option<String>,
    /// Column header → field, overriding the detected mapping.
    pub overrides: Vec<(String, Field)>,
    /// How managers are referred to (default: detected).
    pub manager_ref: Option<ManagerRef>,
    /// Cost columns whose amounts may be negative, by header (or `cost`);
    /// a negative cost elsewhere is an error.
    pub signed: Vec<String>,
}

/// How far an import has got, for a progress bar.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    pub stage: Stage,
    /// Bytes of a CSV file, or records, read so far.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub done: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total: u64,
}

/// The parts of an import, in order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Reading,
    /// Checking the whole org: managers, cycles, dotted lines, support.
    Validating,
    /// Writing the org to the workspace; `done` and `total` count steps.
    Storing,
}

/// Receives progress; called from the reading thread.
pub type ProgressSink<'a> = &'a (dyn Fn(Progress) + Sync);

/// Rows between two progress reports.
const PROGRESS_EVERY: u64 = 16_384;

/// The kind of file.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Csv,
    Spreadsheet,
}

/// What an import would do with a file, shown for review before it runs.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Detection {
    pub format: SourceFormat,
    /// For CSV: the detected text encoding.
    pub encoding: Option<Encoding>,
    /// For CSV: the detected delimiter.
    pub delimiter: Option<char>,
    /// For spreadsheets: the sheet read and every sheet in the workbook.
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    pub columns: Vec<ColumnMapping>,
    pub manager_ref: ManagerRef,
    /// Data rows (sampled files count them all).
    pub rows: usize,
    /// The first few data rows as text, for the preview.
    pub preview: Vec<Vec<String>>,
    /// Why the id and manager columns were chosen (header, `--map`, or
    /// their values).
    pub choices: Vec<ColumnChoice>,
    /// Why managers are taken to be referred to as `manager_ref`.
    pub manager_ref_reason: String,
    /// What reading the file found before any row is mapped, for review
    /// before importing (warnings, and errors an import would refuse the
    /// file for): the encoding guessed (Windows-1252), characters
    /// the encoding does not allow, stray non-UTF-8 bytes in UTF-8 text,
    /// rows split by another delimiter.
    pub findings: Vec<Finding>,
}

/// Rows read to detect the manager reference kind of a large CSV.
const SAMPLE_ROWS: usize = 5000;
const PREVIEW_ROWS: usize = 5;

/// Spreadsheets by extension or by their zip / OLE signature.
fn format_of(path: &Path, head: &[u8]) -> SourceFormat {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let spreadsheet_extension = matches!(
        extension.as_deref(),
        Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods")
    );
    if spreadsheet_extension
        || head.starts_with(b"PK\x03\x04")
        || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
    {
        SourceFormat::Spreadsheet
    } else {
        SourceFormat::Csv
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> OrgError + '_ {
    move |source| OrgError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Below this, a file is read on one thread.
const PARALLEL_READ_BYTES: u64 = 8 << 20;

/// Reads a whole file, a large one in parts on every core. Most of reading
/// a large file is the kernel faulting in fresh pages to copy it into,
/// which goes in parallel; each part is read through its own handle.
fn read_file(path: &Path) -> Result<Vec<u8>> {
    let len = std::fs::metadata(path).map_err(io_error(path))?.len();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let Ok(size) = usize::try_from(len) else {
        return std::fs::read(path).map_err(io_error(path));
    };
    if len < PARALLEL_READ_BYTES || threads < 2 {
        return std::fs::read(path).map_err(io_error(path));
    }
    // Zeroed memory fresh from the OS is not written here: each part's
    // pages are first touched by the thread that reads into them.
    let mut bytes = vec![0u8; size];
    let part = size.div_ceil(threads);
    let read = std::thread::scope(|scope| {
        let readers: Vec<_> = bytes
            .chunks_mut(part)
            .enumerate()
            .map(|(index, chunk)| {
                scope.spawn(move || -> std::io::Result<()> {
                    let mut file = std::fs::File::open(path)?;
                    file.seek(std::io::SeekFrom::Start((index * part) as u64))?;
                    file.read_exact(chunk)
                })
            })
            .collect();
        readers.into_iter().try_for_each(|reader| {
            reader
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    });
    // A file that changed size while read is read again, whole.
    let resized = std::fs::metadata(path).map_err(io_error(path))?.len() != len;
    if read.is_err() || resized {
        return std::fs::read(path).map_err(io_error(path));
    }
    Ok(bytes)
}

fn first_bytes(path: &Path) -> Result<Vec<u8>> {
    let mut head = Vec::with_capacity(8);
    std::fs::File::open(path)
        .and_then(|file| file.take(8).read_to_end(&mut head))
        .map_err(io_error(path))?;
    Ok(head)
}

/// Reads, maps and validates a CSV or spreadsheet into an org with the
/// given ladder and policy. Errors carry every finding; warnings come back
/// with the org.
pub fn load(
    path: &Path,
    options: &ImportOptions,
    ladder: Ladder,
    policy: Policy,
) -> Result<(Org, Vec<Finding>)> {
    load_with_progress(path, options, ladder, policy, &|_| {})
}

/// [`load`], reporting progress to `progress` as it goes.
pub fn load_with_progress(
    path: &Path,
    options: &ImportOptions,
    ladder: Ladder,
    policy: Policy,
    progress: ProgressSink<'_>,
) -> Result<(Org, Vec<Finding>)> {
    let name = path.display().to_string();
    let head = first_bytes(path)?;
    whole::refuse_empty(&head, &name)?;
    match format_of(path, &head) {
        SourceFormat::Spreadsheet => {
            let sheet = xlsx::read(path, options.sheet.as_deref())?;
            let declared = teams::read(path, &sheet, &name)?;
            let chosen = columns::choose_sheet(&sheet, &name, &options.overrides);
            let options = &chosen.options(options);
            let (rows, findings, columns) = map_sheet(&sheet, &name, options)?;
            let read = (rows, findings, columns.as_slice());
            let built = build(read, declared, options, &name, (ladder, policy), progress);
            chosen.noted(built)
        }
        SourceFormat::Csv => {
            let bytes = read_file(path)?;
            let decoded = decode::decode(&bytes, &name)?;
            let (text, delimiter) = (&*decoded.text, decoded.delimiter);
            let chosen = columns::choose_csv(text, delimiter, &name, &options.overrides);
            let options = &chosen.options(options);
            let loaded = load_decoded(
                (text, delimiter),
                &name,
                options,
                (ladder, policy),
                progress,
            );
            decoded.report(chosen.noted(loaded))
        }
    }
}

/// Loads decoded CSV text split by `delimiter`, named `name` in findings.
fn load_decoded(
    (text, delimiter): (&[u8], u8),
    name: &str,
    options: &ImportOptions,
    (ladder, policy): (Ladder, Policy),
    progress: ProgressSink<'_>,
) -> Result<(Org, Vec<Finding>)> {
    let quiet: ProgressSink<'_> = &|_| {};
    let kind = match options.manager_ref {
        Some(kind) => kind,
        None => {
            let sample = Some(SAMPLE_ROWS);
            let (sample, _, _) = read_table(text, delimiter, name, options, sample, quiet)?;
            managers::detect(&sample)
        }
    };
    if kind == ManagerRef::Id {
        // The common case is read on every core, building as it goes.
        let source = parallel::CsvText {
            text,
            delimiter,
            file: name,
            overrides: &options.overrides,
            signed: &options.signed,
        };
        let expected_people = text.len() / 100;
        return parallel::load_text(source, (ladder, policy), expected_people, progress);
    }
    let (rows, findings, columns) = read_table(text, delimiter, name, options, None, progress)?;
    let options = ImportOptions {
        manager_ref: Some(kind),
        ..options.clone()
    };
    let read = (rows, findings, columns.as_slice());
    build(read, None, &options, name, (ladder, policy), progress)
}

/// What [`load`] would do with `path`: the format, encoding, delimiter or
/// sheet, the column mapping, the manager reference kind, and a preview.
pub fn detect(path: &Path, options: &ImportOptions) -> Result<Detection> {
    let name = path.display().to_string();
    let head = first_bytes(path)?;
    whole::refuse_empty(&head, &name)?;
    match format_of(path, &head) {
        SourceFormat::Spreadsheet => {
            let sheet = xlsx::read(path, options.sheet.as_deref())?;
            let chosen = columns::choose_sheet(&sheet, &name, &options.overrides);
            let (rows, _, mut columns) = map_sheet(&sheet, &name, &chosen.options(options))?;
            chosen.unmark(&mut columns);
            let (manager_ref, manager_ref_reason) =
                managers::chosen_or_detected(options.manager_ref, &rows);
            Ok(Detection {
                format: SourceFormat::Spreadsheet,
                encoding: None,
                delimiter: None,
                sheet: Some(sheet.sheet.clone()),
                sheets: sheet.sheets.clone(),
                columns,
                manager_ref,
                rows: sheet.rows.len(),
                preview: sheet
                    .rows
                    .iter()
                    .take(PREVIEW_ROWS)
                    .map(|(_, cells)| cells.clone())
                    .collect(),
                choices: chosen.choices,
                manager_ref_reason,
                findings: Vec::new(),
            })
        }
        SourceFormat::Csv => {
            let bytes = read_file(path)?;
            let decoded = decode::decode(&bytes, &name)?;
            let (text, encoding, delimiter) = (decoded.text, decoded.encoding, decoded.delimiter);
            let mut findings = decoded.findings;
            findings.extend(decode::stray_bytes_note(&text, encoding, &name));
            let chosen = columns::choose_csv(&text, delimiter, &name, &options.overrides);
            let mapped = chosen.options(options);
            let (sample, _, mut columns) =
                read_table(&text, delimiter, &name, &mapped, Some(SAMPLE_ROWS), &|_| {})?;
            chosen.unmark(&mut columns);
            let (manager_ref, manager_ref_reason) =
                managers::chosen_or_detected(options.manager_ref, &sample);
            let mut reader = csv_reader(&text, delimiter, true);
            let preview = reader
                .records()
                .take(PREVIEW_ROWS)
                .filter_map(|r| r.ok())
                .map(|r| r.iter().map(str::to_string).collect())
                .collect();
            let rows = csv_reader(&text, delimiter, true)
                .byte_records()
                .filter(|r| r.as_ref().map_or(true, |r| r.iter().any(|v| !v.is_empty())))
                .count();
            Ok(Detection {
                format: SourceFormat::Csv,
                encoding: Some(encoding),
                delimiter: Some(char::from(delimiter)),
                sheet: None,
                sheets: Vec::new(),
                columns,
                manager_ref,
                rows,
                preview,
                choices: chosen.choices,
                manager_ref_reason,
                findings,
            })
        }
    }
}

type Rows = Vec<(PersonRecord, Keys)>;

/// Every row of a sheet mapped to a record, with every finding; only a
/// header problem is an error here.
fn map_sheet(
    sheet: &xlsx::SheetRows,
    file: &str,
    options: &ImportOptions,
) -> std::result::Result<(Rows, Vec<Finding>, Vec<ColumnMapping>), OrgError> {
    let file = format!("{file} [{}]", sheet.sheet);
    if sheet.headers.is_empty() {
        return Err(whole::empty_sheet(&file, &sheet.sheet, &sheet.sheets));
    }
    let (mut mapper, columns) = RecordMapper::new(&file, &sheet.headers, &options.overrides)
        .map_err(OrgError::Validation)?;
    if signed::cost_is_signed(&file, &columns, &options.signed).map_err(OrgError::Validation)? {
        mapper.allow_negative_cost();
    }
    let mut rows = Vec::with_capacity(sheet.rows.len());
    let width = extra::sheet_width(&sheet.headers);
    for (row, cells) in &sheet.rows {
        let past = extra::first_value_past(width, |i| cells.get(i).map(String::as_bytes));
        if let Some(first) = past {
            mapper.push_finding(extra::finding(&file, *row, width, first));
        }
        let value = |i: usize| Ok(cells.get(i).map_or("", String::as_str));
        if let Some(mapped) = mapper.map(*row, value) {
            rows.push(mapped);
        }
    }
    // Rows with errors are reported with what building the rest finds.
    Ok((rows, mapper.take_findings(), columns))
}

/// Resolves manager references and builds the org from mapped rows, after
/// the teams a workbook's Teams sheet declares.
fn build(
    (mut rows, mut findings, columns): (Rows, Vec<Finding>, &[ColumnMapping]),
    declared: Option<teams::DeclaredTeams>,
    options: &ImportOptions,
    file: &str,
    (ladder, policy): (Ladder, Policy),
    progress: ProgressSink<'_>,
) -> Result<(Org, Vec<Finding>)> {
    let kind = options
        .manager_ref
        .unwrap_or_else(|| managers::detect(&rows));
    findings.extend(managers::resolve(kind, &mut rows, file, "manager_id"));
    let records: Vec<PersonRecord> = rows.into_iter().map(|(record, _)| record).collect();
    let total = records.len() as u64;
    let validating = |done| Progress {
        stage: Stage::Validating,
        done,
        total,
    };
    progress(validating(0));
    let mut builder = OrgBuilder::with_capacity(file, ladder, policy, records.len());
    if let Some(declared) = declared {
        findings.extend(declared.findings);
        for team in declared.teams {
            builder.declare_team(team, &declared.file);
        }
    }
    for record in records {
        builder.push(record);
    }
    let built = builder.finish();
    progress(validating(total));
    whole::refuse_no_people(merge(Ok(findings), built, columns), file)
}

/// Combines reading findings with building findings. Validation names
/// columns by field ("manager_id"); findings name them as the file does
/// ("Reports To").
fn merge(
    read: std::result::Result<Vec<Finding>, Vec<Finding>>,
    built: std::result::Result<(Org, Vec<Finding>), Vec<Finding>>,
    columns: &[ColumnMapping],
) -> Result<(Org, Vec<Finding>)> {
    let name_columns = |findings: &mut Vec<Finding>| {
        for finding in findings {
            let Some(column) = &finding.location.column else {
                continue;
            };
            let header = columns
                .iter()
                .find(|c| c.field.is_some_and(|f| f.name() == column))
                .map(|c| c.header.clone());
            if let Some(header) = header {
                finding.location.column = Some(header);
            }
        }
    };
    match (read, built) {
        (Ok(mut warnings), Ok((org, more))) if !warnings.iter().any(Finding::is_error) => {
            warnings.extend(more);
            name_columns(&mut warnings);
            Ok((org, warnings))
        }
        (Ok(first) | Err(first), Err(second) | Ok((_, second))) => {
            let mut findings = first;
            findings.extend(second);
            findings.sort_by_key(|f| f.location.row);
            name_columns(&mut findings);
            Err(OrgError::Validation(findings))
        }
    }
}

/// A reader of CSV text: rows may differ in length (HRIS exports drop
/// trailing empty cells); `has_headers` is false for a segment after the
/// header row.
fn csv_reader(text: &[u8], delimiter: u8, has_headers: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(has_headers)
        .delimiter(delimiter)
        .from_reader(text)
}

/// Reads (up to `limit`) mapped rows of CSV text into memory, with every
/// finding; only a header problem is an error here.
fn read_table(
    text: &[u8],
    delimiter: u8,
    file: &str,
    options: &ImportOptions,
    limit: Option<usize>,
    progress: ProgressSink<'_>,
) -> std::result::Result<(Rows, Vec<Finding>, Vec<ColumnMapping>), OrgError> {
    let mut rows = Vec::new();
    let mut reader = csv_reader(text, delimiter, true);
    let total = text.len() as u64;
    let reading = |done| {
        progress(Progress {
            stage: Stage::Reading,
            done,
            total,
        })
    };
    let (read, columns) = read_rows(
        &mut reader,
        (text, delimiter),
        file,
        (&options.overrides, &options.signed),
        limit,
        &reading,
        |record, keys| {
            rows.push((record, keys));
        },
    )
    .map_err(OrgError::Validation)?;
    // Rows with errors are reported with what building the rest finds.
    let findings = read.unwrap_or_else(|all| all);
    Ok((rows, findings, columns))
}

/// Errors stop after this many, so a wrong file does not flood the report.
const MAX_ERRORS: usize = 1000;

type ReadResult = std::result::Result<Vec<Finding>, Vec<Finding>>;

/// Maps the rows of `reader`, which reads `text` delimited by
/// `delimiter`, to records, handing each to `sink`. The outer error is a
/// header problem (nothing was read); the inner result holds the
/// warnings, or every finding if any is an error.
fn read_rows<'t>(
    reader: &mut csv::Reader<&'t [u8]>,
    (text, delimiter): (&'t [u8], u8),
    file: &str,
    choices: Choices<'_>,
    limit: Option<usize>,
    progress: &(dyn Fn(u64) + Sync),
    sink: impl FnMut(PersonRecord, Keys),
) -> std::result::Result<(ReadResult, Vec<ColumnMapping>), Vec<Finding>> {
    let (mut mapper, columns) = read_header(reader, file, choices)?;
    spans::check_header(text, reader.position().byte(), delimiter, file)?;
    read_body(
        CsvRows::new(reader, text, delimiter),
        (&mut mapper, columns.len()),
        limit,
        progress,
        sink,
    );
    Ok((mapper.finish(), columns))
}

/// The user's column choices: overrides (header → field) and the cost
/// columns declared signed.
type Choices<'a> = (&'a [(String, Field)], &'a [String]);

/// Reads the header row and maps its columns. Errors are the header's
/// problems: unreadable, lacking a required column, or a column declared
/// signed that is not a cost column.
fn read_header<R: Read>(
    reader: &mut csv::Reader<R>,
    file: &str,
    (overrides, signed): Choices<'_>,
) -> std::result::Result<(RecordMapper, Vec<ColumnMapping>), Vec<Finding>> {
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(headers) => headers
            .iter()
            .map(|h| String::from_utf8_lossy(h).into_owned())
            .collect(),
        Err(err) => {
            return Err(vec![Finding::error(
                "unreadable-header",
                format!("cannot read the header row: {err}"),
                Location {
                    file: file.to_string(),
                    row: Some(1),
                    column: None,
                },
            )])
        }
    };
    let blank = |h: &String| h.trim_start_matches('\u{feff}').trim().is_empty();
    if reader.is_done() && headers.iter().all(blank) {
        return Err(vec![whole::empty_file(file)]);
    }
    let (mapper, columns) = RecordMapper::new(file, &headers, overrides)?;
    let mut mapper = mapper.unguarding_formulas();
    if signed::cost_is_signed(file, &columns, signed)? {
        mapper.allow_negative_cost();
    }
    Ok((mapper, columns))
}

/// Maps the data rows of `rows` (up to `limit` records) to records,
/// handing each to `sink`; the mapper collects the findings, among them
/// values past the header's `width` columns. Rows are numbered by the
/// line they start on.
fn read_body(
    mut rows: impl RawRows,
    (mapper, width): (&mut RecordMapper, usize),
    limit: Option<usize>,
    progress: &(dyn Fn(u64) + Sync),
    mut sink: impl FnMut(PersonRecord, Keys),
) {
    let mut count = 0;
    loop {
        if limit.is_some_and(|limit| count >= limit) {
            break;
        }
        let advanced = rows.advance();
        if let Some(spanned) = rows.take_spanned() {
            let finding = spanned.finding(mapper.file(), |i| mapper.column_name(i));
            mapper.push_finding(finding);
        }
        match advanced {
            Ok(false) => break,
            Ok(true) => {}
            Err((row, why)) => {
                mapper.push_row_finding(
                    row,
                    "unreadable-row",
                    format!("cannot read this row: {why}"),
                );
                if mapper.error_count() > MAX_ERRORS {
                    break;
                }
                continue;
            }
        }
        // One UTF-8 check per row rather than per value: the values of a
        // valid row are cut from its checked text. The row's bytes are its
        // values without their delimiters, so a cut can still fall inside
        // a character (bytes that only form one across a delimiter): such
        // a value, and every value of a row with invalid bytes, is checked
        // alone, so the error can name its column.
        let text = std::str::from_utf8(rows.values()).ok();
        let value = |i: usize| {
            let cut = text.and_then(|text| text.get(rows.range(i)?));
            match cut {
                Some(value) => Ok(value),
                None => std::str::from_utf8(rows.value(i)),
            }
        };
        let past = extra::first_value_past(width, |i| rows.range(i).map(|r| &rows.values()[r]));
        if let Some(first) = past {
            let finding = extra::finding(mapper.file(), rows.line(), width, first);
            mapper.push_finding(finding);
        }
        if let Some((record, keys)) = mapper.map(rows.line(), value) {
            count += 1;
            sink(record, keys);
            if (count as u64).is_multiple_of(PROGRESS_EVERY) {
                progress(rows.bytes_read());
            }
        }
        if mapper.error_count() > MAX_ERRORS {
            break;
        }
    }
}

/// Reads person records from UTF-8, comma-separated CSV, handing each to
/// `sink` as it is read. `file` names the source in findings. Returns the
/// warnings, or every finding if any is an error.
pub fn read_csv(
    input: &[u8],
    file: &str,
    mut sink: impl FnMut(PersonRecord),
) -> std::result::Result<Vec<Finding>, Vec<Finding>> {
    let mut reader = csv_reader(input, b',', true);
    read_rows(
        &mut reader,
        (input, b','),
        file,
        (&[], &[]),
        None,
        &|_| {},
        |record, _| sink(record),
    )?
    .0
}

/// Reads every record into memory (for callers that need them all).
pub fn read_records(
    input: &[u8],
    file: &str,
) -> std::result::Result<(Vec<PersonRecord>, Vec<Finding>), Vec<Finding>> {
    let mut records = Vec::new();
    let warnings = read_csv(input, file, |record| records.push(record))?;
    Ok((records, warnings))
}

/// Reads and validates UTF-8, comma-separated CSV text into an org, on
/// every core. `expected_people` sizes the org up front. Errors carry every
/// finding (from reading and from validation).
pub fn load_csv_text(
    text: &[u8],
    file: &str,
    ladder: Ladder,
    policy: Policy,
    expected_people: usize,
) -> Result<(Org, Vec<Finding>)> {
    let source = parallel::CsvText {
        text,
        delimiter: b',',
        file,
        overrides: &[],
        signed: &[],
    };
    parallel::load_text(source, (ladder, policy), expected_people, &|_| {})
}

/// Reads and validates a UTF-8, comma-separated CSV file into an org.
/// Prefer [`load`], which also detects encodings, delimiters,
/// spreadsheets and manager reference kinds.
pub fn load_csv(path: &Path, ladder: Ladder, policy: Policy) -> Result<(Org, Vec<Finding>)> {
    load(path, &ImportOptions::default(), ladder, policy)
}

#[cfg(test)]
mod tests;
