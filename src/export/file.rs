//! One entry point for "export the org to a file", shared by the CLI's
//! `orgraph export` and the desktop app's export dialog: every format (the
//! charts of [`crate::render`] and the data formats of [`export_data`]),
//! one scope convention, and an atomic write.
//!
//! Scope: `depth` counts layers with the root (or each top-level root) as
//! layer 1, for charts and data alike; `Some(0)` is refused.
//!
//! The file is written to a temporary file beside the output and renamed
//! over it only once complete, so a failed export never leaves a
//! half-written (or truncated) file behind.

use super::{export_data, DataFormat, ExportOptions};
use crate::error::{OrgError, Result};
use crate::metrics::Metrics;
use crate::model::{Org, PersonId};
use crate::render::{render_pdf, render_png, render_svg, ChartOptions, ColourBy, PageSize};
use crate::scenario::person_label;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};

/// Every format a file export can have: three chart formats and the data
/// formats. Serialised as its name (`"pdf"`, `"csv"`, ...), as the CLI's
/// `--format` takes it.
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(
        type = "\"pdf\" | \"png\" | \"svg\" | \"csv\" | \"xlsx\" | \"json\" | \"dot\" | \"mermaid\""
    )
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileFormat {
    Pdf,
    Png,
    Svg,
    Data(DataFormat),
}

impl FileFormat {
    pub const ALL: [FileFormat; 8] = [
        FileFormat::Pdf,
        FileFormat::Png,
        FileFormat::Svg,
        FileFormat::Data(DataFormat::Csv),
        FileFormat::Data(DataFormat::Xlsx),
        FileFormat::Data(DataFormat::Json),
        FileFormat::Data(DataFormat::Dot),
        FileFormat::Data(DataFormat::Mermaid),
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FileFormat::Pdf => "pdf",
            FileFormat::Png => "png",
            FileFormat::Svg => "svg",
            FileFormat::Data(format) => format.as_str(),
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Data(format) => format.extension(),
            chart => chart.as_str(),
        }
    }

    /// A drawn chart (which never shows cost) rather than data.
    pub fn is_chart(self) -> bool {
        !matches!(self, FileFormat::Data(_))
    }
}

impl fmt::Display for FileFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for FileFormat {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for FileFormat {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl FromStr for FileFormat {
    type Err = OrgError;

    /// The format names case-insensitively, plus the data formats' aliases.
    fn from_str(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(FileFormat::Pdf),
            "png" => Ok(FileFormat::Png),
            "svg" => Ok(FileFormat::Svg),
            other => other.parse().map(FileFormat::Data).map_err(|_| {
                OrgError::InvalidInput(format!(
                    "'{}' is not an export format (expected pdf, png, svg, csv, xlsx, json, dot or mermaid)",
                    text.trim()
                ))
            }),
        }
    }
}

impl FromStr for ColourBy {
    type Err = OrgError;

    fn from_str(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "team" => Ok(ColourBy::Team),
            "verdict" => Ok(ColourBy::Verdict),
            "placement" => Ok(ColourBy::Placement),
            "status" => Ok(ColourBy::Status),
            _ => Err(OrgError::InvalidInput(format!(
                "'{}' is not a colouring (expected team, verdict, placement or status)",
                text.trim()
            ))),
        }
    }
}

impl FromStr for PageSize {
    type Err = OrgError;

    fn from_str(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(PageSize::A4),
            "letter" => Ok(PageSize::Letter),
            "a3" => Ok(PageSize::A3),
            _ => Err(OrgError::InvalidInput(format!(
                "'{}' is not a page size (expected a4, letter or a3)",
                text.trim()
            ))),
        }
    }
}

/// What to write.
#[derive(Debug, Clone, PartialEq)]
pub struct FileExport {
    pub format: FileFormat,
    /// Only this person and everyone below them.
    pub root: Option<PersonId>,
    /// Layers to include, the root being layer 1.
    pub depth: Option<u32>,
    /// Data formats: leave every cost value out. Charts never show cost.
    pub redact_cost: bool,
    /// Charts: header title and date (as shown).
    pub title: String,
    pub date: String,
    /// PDF page size and orientation.
    pub page: PageSize,
    pub landscape: bool,
    /// Charts: what the box colours say.
    pub colour_by: ColourBy,
    /// Replace a file already at the path (the CLI's way); without it such
    /// a file is refused with [`OrgError::FileExists`] before anything is
    /// rendered, so the app can ask first.
    pub replace: bool,
}

impl FileExport {
    /// An export of the whole org in `format`, costs kept, default chart
    /// options.
    pub fn new(format: FileFormat) -> FileExport {
        FileExport {
            format,
            root: None,
            depth: None,
            redact_cost: false,
            title: ChartOptions::default().title,
            date: String::new(),
            page: PageSize::default(),
            landscape: false,
            colour_by: ColourBy::default(),
            replace: true,
        }
    }

    fn chart_options(&self, org: &Org) -> ChartOptions {
        ChartOptions {
            colour_by: self.colour_by,
            root: self.root.clone(),
            // The renderer counts levels below the root (0: root alone).
            depth: self.depth.map(|layers| layers - 1),
            title: self.chart_header(org),
            date: self.date.clone(),
            page: self.page,
            landscape: self.landscape,
            ..ChartOptions::default()
        }
    }
}

impl FileExport {
    /// The header of a chart: the title, and for a part of the org whose
    /// part it is, named as people are everywhere (`Name (title)`), so a
    /// printed page says who it is about.
    fn chart_header(&self, org: &Org) -> String {
        let Some(root) = &self.root else {
            return self.title.clone();
        };
        let who = match org.person(root) {
            Some(person) => person_label(root, &person.name, &person.title),
            None => root.to_string(),
        };
        format!("{} — {who} and below", self.title)
    }
}

/// The chart title for a workspace's scenario: `<file stem> — <scenario>`.
pub fn chart_title(workspace: &Path, scenario: &str) -> String {
    let stem = workspace
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Org chart".to_string());
    format!("{stem} — {scenario}")
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub bytes: u64,
    /// Pages of a PDF; `None` for other formats.
    pub pages: Option<u32>,
}

/// Renders `org` as `export` says and writes it to `path` atomically.
///
/// Errors: [`OrgError::InvalidInput`] for a depth of 0,
/// [`OrgError::FileExists`] for a file at `path` when `export.replace` is
/// off, [`OrgError::PersonNotFound`] for an unknown root, the render and export
/// errors of the formats, and [`OrgError::Io`] naming `path` when the file
/// cannot be written (then no file, partial or not, is left at `path`).
pub fn export_file(
    org: &Org,
    metrics: &Metrics,
    export: &FileExport,
    path: &Path,
) -> Result<Written> {
    if export.depth == Some(0) {
        return Err(OrgError::InvalidInput(
            "the export depth must be at least 1 (1 is the root alone)".to_string(),
        ));
    }
    // `symlink_metadata`: a dangling link there would be replaced too.
    if !export.replace && path.symlink_metadata().is_ok() {
        return Err(OrgError::FileExists {
            path: path.to_path_buf(),
        });
    }
    let bytes = match export.format {
        FileFormat::Pdf => render_pdf(org, metrics, &export.chart_options(org))?,
        FileFormat::Png => render_png(org, metrics, &export.chart_options(org))?,
        FileFormat::Svg => render_svg(org, metrics, &export.chart_options(org))?.into_bytes(),
        FileFormat::Data(format) => {
            let options = ExportOptions {
                redact_cost: export.redact_cost,
                root: export.root.clone(),
                depth: export.depth,
            };
            let mut bytes = Vec::new();
            export_data(org, metrics, format, &options, &mut bytes)?;
            bytes
        }
    };
    write_atomically(path, &bytes)?;
    Ok(Written {
        bytes: bytes.len() as u64,
        pages: (export.format == FileFormat::Pdf).then(|| pdf_page_count(&bytes)),
    })
}

/// Pages in a PDF written by the renderer: its `/Type /Page` objects.
fn pdf_page_count(pdf: &[u8]) -> u32 {
    const PAGE: &[u8] = b"/Type /Page";
    let count = pdf
        .windows(PAGE.len() + 1)
        .filter(|w| w.starts_with(PAGE) && !w[PAGE.len()].is_ascii_alphanumeric())
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// Writes `bytes` to a temporary file in `path`'s folder, flushes it to
/// disk and renames it over `path`. On any failure the temporary file is
/// removed and `path` is left as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let io = |source| OrgError::Io {
        path: path.to_path_buf(),
        source,
    };
    let name = path.file_name().ok_or_else(|| {
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the output path names no file",
        ))
    })?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = dir.join(format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(error) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(io(error));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_and_name_their_extensions() {
        for format in FileFormat::ALL {
            assert_eq!(format.as_str().parse::<FileFormat>().ok(), Some(format));
        }
        assert_eq!(
            "MMD".parse::<FileFormat>().ok(),
            Some(FileFormat::Data(DataFormat::Mermaid))
        );
        assert_eq!(FileFormat::Data(DataFormat::Mermaid).extension(), "mmd");
        assert_eq!(FileFormat::Pdf.extension(), "pdf");
        assert!(FileFormat::Png.is_chart());
        assert!(!FileFormat::Data(DataFormat::Csv).is_chart());
        let error = "docx".parse::<FileFormat>().expect_err("unknown");
        assert!(error.to_string().contains("'docx'"), "{error}");
        assert_eq!("Letter".parse::<PageSize>().ok(), Some(PageSize::Letter));
        assert!("a5".parse::<PageSize>().is_err());
        assert_eq!("verdict".parse::<ColourBy>().ok(), Some(ColourBy::Verdict));
        assert!("cost".parse::<ColourBy>().is_err());
    }

    #[test]
    fn chart_depth_counts_layers_like_data_depth() {
        let mut export = FileExport::new(FileFormat::Svg);
        export.depth = Some(1);
        let org = Org::new();
        assert_eq!(export.chart_options(&org).depth, Some(0), "the root alone");
        export.depth = None;
        assert_eq!(export.chart_options(&org).depth, None);
    }

    #[test]
    fn a_part_of_the_org_is_named_in_the_header_as_people_are() {
        let mut org = Org::new();
        let mut ada = crate::model::Person::new("c1");
        ada.name = "Ada Lovelace".into();
        ada.title = "CTO".into();
        org.add_person(ada).expect("new person");
        let mut export = FileExport::new(FileFormat::Pdf);
        export.title = "acme — reorg".to_string();
        assert_eq!(export.chart_options(&org).title, "acme — reorg");
        export.root = Some("c1".into());
        assert_eq!(
            export.chart_options(&org).title,
            "acme — reorg — Ada Lovelace (CTO) and below"
        );
        export.root = Some("gone".into());
        assert_eq!(
            export.chart_options(&org).title,
            "acme — reorg — gone and below"
        );
    }

    #[test]
    fn the_title_names_the_workspace_and_scenario() {
        assert_eq!(
            chart_title(Path::new("/tmp/acme.orgraph"), "reorg"),
            "acme — reorg"
        );
    }

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temp_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").expect("write");
        write_atomically(&path, b"new").expect("written");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.csv")]);
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing-folder").join("out.csv");
        let error = write_atomically(&path, b"x").expect_err("no such folder");
        assert!(matches!(error, OrgError::Io { .. }), "{error}");
        assert!(error.to_string().contains("missing-folder"), "{error}");
        // A directory in the way: the rename fails after the temp file was
        // written, and the temp file is cleaned up.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).expect("mkdir");
        std::fs::write(blocked.join("keep"), "x").expect("write");
        assert!(write_atomically(&blocked, b"x").is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("blocked")]);
    }

    /// Without `replace`, a file already at the path is refused (typed, so
    /// the app can ask) and left as it was; with it, it is replaced.
    #[test]
    fn an_existing_file_is_replaced_only_when_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("org.csv");
        std::fs::write(&path, "old").expect("write");
        let org = Org::new();
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let mut export = FileExport::new(FileFormat::Data(DataFormat::Csv));
        export.replace = false;
        let error = export_file(&org, &metrics, &export, &path).expect_err("exists");
        assert!(matches!(error, OrgError::FileExists { .. }), "{error}");
        assert_eq!(error.code(), crate::ErrorCode::AlreadyExists);
        assert_eq!(std::fs::read(&path).expect("read"), b"old");
        let fresh = dir.path().join("new.csv");
        export_file(&org, &metrics, &export, &fresh).expect("a new file");
        export.replace = true;
        export_file(&org, &metrics, &export, &path).expect("replaced");
        assert_ne!(std::fs::read(&path).expect("read"), b"old");
    }

    #[test]
    fn pdf_pages_are_counted_from_the_page_objects() {
        let pdf = b"1 0 obj << /Type /Pages /Count 2 >> 2 0 obj << /Type /Page /Parent 1 0 R >> 3 0 obj <</Type /Page/Parent 1 0 R>>";
        assert_eq!(pdf_page_count(pdf), 2);
    }
}
