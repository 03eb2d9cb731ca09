//! Reading CSV text into an org on every core. The text is cut into
//! segments at record boundaries ([`super::segments`]); helper threads
//! parse and map segments while this thread builds the org from them in
//! file order, parsing segments itself whenever the next one is not ready.
//! Building in file order keeps positions, duplicate-id reports and row
//! numbers exactly as a sequential read gives them.

use super::raw::{self, CsvRows, SimdRows};
use super::rows::RecordMapper;
use super::{
    csv_reader, merge, read_body, read_header, segments, Field, Progress, ProgressSink, Stage,
    MAX_ERRORS,
};
use crate::error::Result;
use crate::model::{Finding, Ladder, Location, Org, OrgBuilder, PersonRecord, Policy};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

/// Bytes per segment: big enough that handing segments over costs
/// nothing, small enough that both cores stay busy to the end.
const SEGMENT_BYTES: usize = 2 << 20;

/// Helper threads at most, besides the building thread.
const MAX_HELPERS: usize = 3;

/// One parsed segment. Rows are numbered from the segment's first line
/// (1); the builder adds the lines before it.
struct Segment {
    records: Vec<PersonRecord>,
    findings: Vec<Finding>,
    /// Line ends in the segment, to number the next segment's rows.
    newlines: u64,
}

/// Segments parsed ahead of the builder, by index.
struct Parsed {
    /// Segments in the text.
    count: usize,
    slots: Mutex<Vec<Option<Segment>>>,
    filled: Condvar,
}

impl Parsed {
    fn put(&self, index: usize, segment: Segment) {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        slots[index] = Some(segment);
        self.filled.notify_all();
    }

    fn take(&self, index: usize) -> Option<Segment> {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        slots[index].take()
    }

    /// Waits until a helper has put segment `index`.
    fn wait_for(&self, index: usize) -> Segment {
        let slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        let mut slots = self
            .filled
            .wait_while(slots, |slots| slots[index].is_none())
            .unwrap_or_else(PoisonError::into_inner);
        slots[index].take().unwrap_or_else(|| Segment {
            records: Vec::new(),
            findings: Vec::new(),
            newlines: 0,
        })
    }
}

fn count_newlines(text: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', text).count() as u64
}

/// CSV text to read, and how.
pub(super) struct CsvText<'a> {
    pub text: &'a [u8],
    pub delimiter: u8,
    /// Names the source in findings.
    pub file: &'a str,
    /// Header → field, overriding the detected mapping.
    pub overrides: &'a [(String, Field)],
    /// Cost columns declared signed.
    pub signed: &'a [String],
}

/// Reads, maps and validates CSV text into an org (see the module
/// comment). Errors carry every finding, from reading and from building.
pub(super) fn load_text(
    source: CsvText<'_>,
    policies: (Ladder, Policy),
    expected_people: usize,
    progress: ProgressSink<'_>,
) -> Result<(Org, Vec<Finding>)> {
    load_in_segments(source, policies, expected_people, progress, SEGMENT_BYTES)
}

fn load_in_segments(
    CsvText {
        text,
        delimiter,
        file,
        overrides,
        signed,
    }: CsvText<'_>,
    (ladder, policy): (Ladder, Policy),
    expected_people: usize,
    progress: ProgressSink<'_>,
    segment_bytes: usize,
) -> Result<(Org, Vec<Finding>)> {
    let builder = OrgBuilder::with_capacity(file, ladder, policy, expected_people);
    let mut header = csv_reader(text, delimiter, true);
    let (mut template, columns) = match read_header(&mut header, file, (overrides, signed)) {
        Ok(mapped) => mapped,
        Err(findings) => return merge(Err(findings), builder.finish(), &[]),
    };
    // Findings about the header (a column mapped twice, say).
    let findings = template.take_findings();
    let header_end = (header.position().byte() as usize).min(text.len());
    if let Err(findings) = super::spans::check_header(text, header_end as u64, delimiter, file) {
        return merge(Err(findings), builder.finish(), &[]);
    }
    let cut = segments::cut(text, delimiter, header_end, segment_bytes);
    let width = columns.len();
    let bounds: Vec<(usize, usize)> = cut.starts.windows(2).map(|w| (w[0], w[1])).collect();
    let parse = |index: usize| -> Segment {
        let (start, end) = bounds[index];
        let layout = (delimiter, width, cut.regular_quoting);
        parse_segment(&text[start..end], &template, layout)
    };
    let parsed = Parsed {
        count: bounds.len(),
        slots: Mutex::new((0..bounds.len()).map(|_| None).collect()),
        filled: Condvar::new(),
    };
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let helpers = helper_count(bounds.len());
    let total = text.len() as u64;
    let mut building = Building {
        builder,
        findings,
        errors: 0,
        lines_before: count_newlines(&text[..header_end]),
    };
    std::thread::scope(|scope| {
        for _ in 0..helpers {
            let helper = std::thread::Builder::new().name("csv-reader".into());
            // Without a helper, this thread parses every segment itself.
            let _ = helper.spawn_scoped(scope, || help(&parse, &parsed, &next, &stop, file));
        }
        for (index, &(_, end)) in bounds.iter().enumerate() {
            let segment = match parsed.take(index) {
                Some(segment) => segment,
                None => claim_until(index, &parse, &parsed, &next),
            };
            let capped = building.absorb(segment);
            progress(Progress {
                stage: Stage::Reading,
                done: end as u64,
                total,
            });
            if capped {
                break;
            }
        }
        stop.store(true, Ordering::Relaxed);
    });
    let Building {
        builder, findings, ..
    } = building;
    let read = if findings.iter().any(Finding::is_error) {
        Err(findings)
    } else {
        Ok(findings)
    };
    let validating = |done| Progress {
        stage: Stage::Validating,
        done,
        total: 1,
    };
    progress(validating(0));
    let built = builder.finish();
    progress(validating(1));
    super::whole::refuse_no_people(merge(read, built, &columns), file)
}

/// Helper threads for `segments` segments: one per core besides this
/// thread, at most [`MAX_HELPERS`], and none that would have no segment.
fn helper_count(segments: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .saturating_sub(1)
        .min(MAX_HELPERS)
        .min(segments.saturating_sub(1))
}

/// Parses and maps one segment with a fork of the header's `template`
/// mapper; `(delimiter, width, regular_quoting)` as the cut found them.
/// Regular segments take the SIMD reader, others the `csv` crate's.
fn parse_segment(
    segment: &[u8],
    template: &RecordMapper,
    (delimiter, width, regular_quoting): (u8, usize, bool),
) -> Segment {
    let mut mapper = template.fork();
    let mut records = Vec::with_capacity(segment.len() / 64);
    let sink = |record, _| records.push(record);
    let quiet = &|_| {};
    if regular_quoting && raw::fast_readable(segment) {
        let ended = raw::with_final_line_end(segment);
        read_body(
            SimdRows::new(&ended, delimiter),
            (&mut mapper, width),
            None,
            quiet,
            sink,
        );
    } else {
        let mut reader = csv_reader(segment, delimiter, false);
        read_body(
            CsvRows::new(&mut reader, segment, delimiter),
            (&mut mapper, width),
            None,
            quiet,
            sink,
        );
    }
    Segment {
        records,
        findings: mapper.take_findings(),
        newlines: count_newlines(segment),
    }
}

/// The building thread's side: the org built so far from the segments, in
/// file order, and their findings.
struct Building {
    builder: OrgBuilder,
    findings: Vec<Finding>,
    /// Error findings so far.
    errors: usize,
    /// Lines before the next segment, header included.
    lines_before: u64,
}

impl Building {
    /// Renumbers `segment`'s rows from the file's start and takes its
    /// findings and records. As in a whole read, nothing from the row of
    /// the error past the cap on is reported or built; returns whether that
    /// cap was passed.
    fn absorb(&mut self, segment: Segment) -> bool {
        let lines_before = self.lines_before;
        let renumber = |row: &mut u64| *row += lines_before;
        let mut stop_at_row = u64::MAX;
        for mut finding in segment.findings {
            self.errors += usize::from(finding.is_error());
            if let Some(row) = finding.location.row.as_mut() {
                renumber(row);
            }
            if self.errors > MAX_ERRORS {
                stop_at_row = finding.location.row.unwrap_or(0);
                self.findings.push(finding);
                break;
            }
            self.findings.push(finding);
        }
        for mut record in segment.records {
            renumber(&mut record.row);
            if record.row >= stop_at_row {
                break;
            }
            self.builder.push(record);
        }
        self.lines_before += segment.newlines;
        self.errors > MAX_ERRORS
    }
}

/// The building thread's wait for segment `index`: it parses unclaimed
/// segments meanwhile (keeping any it parses ahead of their turn), and
/// sleeps only once a helper holds `index` and every segment is claimed.
fn claim_until(
    index: usize,
    parse: &(dyn Fn(usize) -> Segment + Sync),
    parsed: &Parsed,
    next: &AtomicUsize,
) -> Segment {
    loop {
        let claimed = next.fetch_add(1, Ordering::Relaxed);
        if claimed >= parsed.count {
            return parsed.wait_for(index);
        }
        let segment = parse(claimed);
        if claimed == index {
            return segment;
        }
        parsed.put(claimed, segment);
        if let Some(segment) = parsed.take(index) {
            return segment;
        }
    }
}

/// A helper thread: parses unclaimed segments until none are left or the
/// builder has stopped. A panic in parsing becomes an error finding, so
/// the builder, which waits for every segment in turn, is never left
/// waiting.
fn help(
    parse: &(dyn Fn(usize) -> Segment + Sync),
    parsed: &Parsed,
    next: &AtomicUsize,
    stop: &AtomicBool,
    file: &str,
) {
    while !stop.load(Ordering::Relaxed) {
        let index = next.fetch_add(1, Ordering::Relaxed);
        if index >= parsed.count {
            break;
        }
        let segment = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse(index)))
            .unwrap_or_else(|_| Segment {
                records: Vec::new(),
                findings: vec![Finding::error(
                    "internal",
                    "the CSV reader stopped unexpectedly",
                    Location {
                        file: file.to_string(),
                        row: None,
                        column: None,
                    },
                )],
                newlines: 0,
            });
        parsed.put(index, segment);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::OrgError;
    use crate::export::json_text;

    fn load(text: &str, segment_bytes: usize) -> Result<(Org, Vec<Finding>)> {
        let source = CsvText {
            text: text.as_bytes(),
            delimiter: b',',
            file: "people.csv",
            overrides: &[],
            signed: &[],
        };
        load_in_segments(source, Default::default(), 0, &|_| {}, segment_bytes)
    }

    fn generated(people: usize) -> String {
        let mut bytes = Vec::new();
        let records = crate::generate::generate(people, 7);
        crate::generate::write_csv(&records, &mut bytes).expect("in-memory write");
        String::from_utf8(bytes).expect("UTF-8")
    }

    type Found = Vec<(String, Option<u64>, Option<String>)>;

    fn found(findings: &[Finding]) -> Found {
        findings
            .iter()
            .map(|f| (f.code.clone(), f.location.row, f.location.column.clone()))
            .collect()
    }

    /// Each segment interns its own copies of repeated values, but a
    /// member ends up holding their team's own id string, wherever their
    /// row is, so later passes can know a person's team by its address.
    #[test]
    fn members_hold_their_teams_own_id_across_segments() {
        let (org, _) = load(&generated(3000), 4096).expect("valid");
        let mut members = 0;
        for person in org.people() {
            if let Some(team) = &person.team {
                let index = org.team_index(team).expect("a known team");
                assert!(std::sync::Arc::ptr_eq(&team.0, &org.teams()[index].id.0));
                members += 1;
            }
        }
        assert!(members > 2500, "{members} members");
    }

    #[test]
    fn segments_build_the_org_a_whole_read_builds() {
        let mut text = generated(3000);
        // A quoted name over two lines, so later rows' numbers depend on
        // counting it, and a manager nobody has, for a warning.
        let cto = text
            .lines()
            .nth(1)
            .and_then(|l| l.split(',').next())
            .expect("a person");
        text.push_str(&format!(
            "X1,{cto},\"Multi\nLine\",Engineer,,L3,1000,,active,,,\n"
        ));
        text.push_str("X2,ghost,Late,Engineer,,L3,1000,,active,,,\n");
        let (whole, whole_warnings) = load(&text, usize::MAX).expect("valid");
        for segment_bytes in [64, 4096, 50_000] {
            let (org, warnings) = load(&text, segment_bytes).expect("valid");
            assert_eq!(
                json_text(&org),
                json_text(&whole),
                "{segment_bytes}-byte segments"
            );
            assert_eq!(found(&warnings), found(&whole_warnings));
        }
        let ghost = whole_warnings
            .iter()
            .find(|w| w.code == "manager-not-found")
            .expect("warned");
        assert_eq!(
            ghost.location.row,
            Some(3000 + 4),
            "header, 3000 rows, two lines"
        );
    }

    #[test]
    fn findings_in_later_segments_name_their_rows() {
        let mut lines: Vec<String> = generated(2000).lines().map(str::to_string).collect();
        lines[1500] = lines[1500].replacen(",active,", ",retired,", 1);
        lines[1800] = lines[10].clone();
        let text = lines.join("\n") + "\n";
        let errors = |segment_bytes| match load(&text, segment_bytes) {
            Err(OrgError::Validation(findings)) => found(&findings),
            other => panic!("{:?}", other.map(|(_, warnings)| warnings)),
        };
        let whole = errors(usize::MAX);
        assert!(
            whole.contains(&("bad-status".into(), Some(1501), Some("status".into()))),
            "{whole:?}"
        );
        assert!(
            whole.contains(&("duplicate-id".into(), Some(1801), Some("id".into()))),
            "{whole:?}"
        );
        assert_eq!(errors(100), whole);
        assert_eq!(errors(10_000), whole);
    }

    /// Rows over many lines are warned of, and a quote never closed is
    /// refused, naming the same rows however the file is cut; the open
    /// quote also keeps the file from being cut at all.
    #[test]
    fn spanning_rows_are_found_in_any_segment() {
        let mut lines: Vec<String> = generated(3000).lines().map(str::to_string).collect();
        let long = "\"Long\nName\nOver\nFive\nLines\"";
        let with_name = |line: &str, name: &str| {
            let mut cells: Vec<&str> = line.split(',').collect();
            cells[2] = name;
            cells.join(",")
        };
        lines[2500] = with_name(&lines[2500], long);
        let text = lines.join("\n") + "\n";
        let spans = |findings: &[Finding]| -> Found {
            found(findings)
                .into_iter()
                .filter(|(code, _, _)| code == "multiline-field" || code == "unterminated-quote")
                .collect()
        };
        for segment_bytes in [64, 4096, 50_000, usize::MAX] {
            let (_, warnings) = load(&text, segment_bytes).expect("valid");
            assert_eq!(
                spans(&warnings),
                [("multiline-field".into(), Some(2501), None)],
                "{segment_bytes}-byte segments"
            );
        }

        // A quote closed a thousand lines later is a warning (above);
        // one never closed at all is refused.
        lines[2500] = with_name(&lines[2500], "Short");
        lines[1200] = with_name(&lines[1200], "\"Never Closed");
        let text = lines.join("\n") + "\n";
        let cut = segments::cut(text.as_bytes(), b',', 0, 64);
        assert_eq!(cut.starts.len(), 2, "not cut");
        let opened = 1201;
        for segment_bytes in [64, usize::MAX] {
            let Err(OrgError::Validation(findings)) = load(&text, segment_bytes) else {
                panic!("refused");
            };
            assert_eq!(
                spans(&findings),
                [(
                    "unterminated-quote".into(),
                    Some(opened),
                    Some("name".into())
                )],
                "{segment_bytes}-byte segments"
            );
        }
    }

    /// A badly broken file reports the same capped findings however it is
    /// cut: errors stop after the cap, not after the cap per segment.
    #[test]
    fn the_error_cap_holds_across_segments() {
        let text = generated(3000).replace(",active,", ",retired,");
        let errors = |segment_bytes| match load(&text, segment_bytes) {
            Err(OrgError::Validation(findings)) => found(&findings),
            other => panic!("{:?}", other.map(|(_, warnings)| warnings)),
        };
        let whole = errors(usize::MAX);
        let bad_statuses = whole.iter().filter(|f| f.0 == "bad-status").count();
        assert_eq!(bad_statuses, MAX_ERRORS + 1, "{whole:?}");
        for segment_bytes in [2_000, 50_000] {
            assert_eq!(
                errors(segment_bytes),
                whole,
                "{segment_bytes}-byte segments"
            );
        }
    }
}
