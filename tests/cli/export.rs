//! `orgraph export`: every format from a generated org's workspace, cost
//! redaction, scope, and failures that leave no file behind.

use super::{fixture, json_of, orgraph, path, run_ok};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const FORMATS: [(&str, &str); 8] = [
    ("pdf", "pdf"),
    ("png", "png"),
    ("svg", "svg"),
    ("csv", "csv"),
    ("xlsx", "xlsx"),
    ("json", "json"),
    ("dot", "dot"),
    ("mermaid", "mmd"),
];

/// A workspace holding a generated org of 60 people, and its CSV.
struct Fixture {
    dir: tempfile::TempDir,
    csv: PathBuf,
    ws: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let csv = dir.path().join("org.csv");
        let ws = dir.path().join("acme.orgraph");
        run_ok(&[
            "generate",
            "--people",
            "60",
            "--seed",
            "1",
            "-o",
            path(&csv),
        ]);
        run_ok(&["import", path(&csv), "--into", path(&ws)]);
        Fixture { dir, csv, ws }
    }

    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Exports with `extra` arguments and returns the file's bytes and
    /// the command's stderr.
    fn export(&self, format: &str, name: &str, extra: &[&str]) -> (Vec<u8>, String) {
        let out = self.out(name);
        let mut args = vec![
            "export",
            path(&self.ws),
            "--format",
            format,
            "--output",
            path(&out),
        ];
        args.extend_from_slice(extra);
        let (_, stderr) = run_ok(&args);
        (std::fs::read(&out).expect("the export exists"), stderr)
    }

    /// The generated CSV's rows as (id, manager_id, cost) triples.
    fn rows(&self) -> Vec<(String, String, String)> {
        let mut reader = csv::Reader::from_path(&self.csv).expect("read the generated CSV");
        let headers = reader.headers().expect("headers").clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("column {name}"))
        };
        let (id, manager, cost) = (column("id"), column("manager_id"), column("cost"));
        reader
            .records()
            .map(|record| {
                let record = record.expect("a row");
                (
                    record[id].to_string(),
                    record[manager].to_string(),
                    record[cost].to_string(),
                )
            })
            .collect()
    }

    /// Every cost in cents, and the total.
    fn costs_in_cents(&self) -> Vec<i64> {
        let mut cents: Vec<i64> = self
            .rows()
            .iter()
            .filter(|(_, _, cost)| !cost.is_empty())
            .map(|(_, _, cost)| {
                let (units, fraction) = cost.split_once('.').unwrap_or((cost, "0"));
                let fraction = format!("{fraction:0<2}");
                units.parse::<i64>().expect("units") * 100
                    + fraction[..2].parse::<i64>().expect("cents")
            })
            .collect();
        assert!(cents.len() > 40, "most generated people have a cost");
        cents.push(cents.iter().sum());
        cents
    }
}

/// The ways a cost can be spelled in a file: `131500.00` and `13150000`.
fn cost_strings(cents: &[i64]) -> Vec<String> {
    cents
        .iter()
        .flat_map(|&c| [format!("{}.{:02}", c / 100, c % 100), c.to_string()])
        .collect()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("a text format")
}

/// Every cell of every sheet of an XLSX file: numbers and strings.
fn xlsx_cells(bytes: &[u8]) -> (Vec<f64>, Vec<String>) {
    use calamine::{Data, Reader};
    let mut workbook =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("a valid XLSX");
    let (mut numbers, mut strings) = (Vec::new(), Vec::new());
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).expect("a sheet");
        for cell in range.used_cells() {
            match cell.2 {
                Data::Float(f) => numbers.push(*f),
                Data::Int(i) => numbers.push(*i as f64),
                Data::String(s) => strings.push(s.clone()),
                _ => {}
            }
        }
    }
    (numbers, strings)
}

/// Which cost strings (or, for XLSX, numeric cells) of `cents` a file
/// holds.
fn costs_found(format: &str, bytes: &[u8], cents: &[i64]) -> Vec<String> {
    let mut found: Vec<String> = cost_strings(cents)
        .into_iter()
        .filter(|s| contains(bytes, s))
        .collect();
    if format == "xlsx" {
        let (numbers, strings) = xlsx_cells(bytes);
        for &c in cents {
            let units = c as f64 / 100.0;
            if numbers.iter().any(|&n| (n - units).abs() < 0.005) {
                found.push(format!("number cell {units}"));
            }
            for s in cost_strings(&[c]) {
                if strings.iter().any(|cell| cell.contains(&s)) {
                    found.push(format!("string cell {s}"));
                }
            }
        }
    }
    found
}

fn people(input: &Path) -> u64 {
    let out = orgraph()
        .args(["metrics", "--json"])
        .arg(input)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_of(&out.stdout)["people"]
        .as_u64()
        .expect("people count")
}

#[test]
fn every_format_is_written_and_looks_like_its_format() {
    let fx = Fixture::new();
    for (format, ext) in FORMATS {
        let name = format!("chart.{ext}");
        let (bytes, stderr) = fx.export(format, &name, &[]);
        assert!(bytes.len() > 100, "{format}: {} bytes", bytes.len());
        assert!(
            stderr.contains(&format!("({} bytes", bytes.len())),
            "{format}: {stderr}"
        );
        match format {
            "pdf" => {
                assert!(bytes.starts_with(b"%PDF"), "PDF header");
                let doc = lopdf::Document::load_mem(&bytes).expect("lopdf parses the PDF");
                let pages = doc.get_pages().len();
                assert!(pages >= 1);
                let said = if pages == 1 {
                    "1 page)".to_string()
                } else {
                    format!("{pages} pages)")
                };
                assert!(stderr.contains(&said), "{stderr} vs {pages} pages");
            }
            "png" => assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "PNG signature"),
            "svg" => {
                let svg = text(&bytes);
                assert!(svg.contains("<svg"), "SVG root");
                assert!(svg.trim_end().ends_with("</svg>"), "SVG closed");
                assert!(svg.contains("acme — baseline"), "title in the header");
            }
            "csv" => {
                assert_eq!(
                    people(&fx.out(&name)),
                    people(&fx.ws),
                    "the CSV re-imports to the same people"
                );
                assert!(text(&bytes).starts_with("id,manager_id"));
            }
            "xlsx" => {
                assert!(bytes.starts_with(b"PK"), "XLSX is a zip");
                let (_, strings) = xlsx_cells(&bytes);
                assert!(strings.iter().any(|s| s == "manager_id"), "People header");
            }
            "json" => {
                let json = json_of(&bytes);
                assert_eq!(
                    json["people"].as_array().map(Vec::len),
                    Some(fx.rows().len())
                );
            }
            "dot" => assert!(text(&bytes).starts_with("digraph"), "DOT header"),
            "mermaid" => assert!(text(&bytes).starts_with("flowchart"), "Mermaid header"),
            other => unreachable!("{other}"),
        }
    }
}

#[test]
fn redact_cost_leaves_no_cost_value_in_any_format() {
    let fx = Fixture::new();
    let cents = fx.costs_in_cents();
    // Without redaction the data formats carry the costs: the check below
    // would notice them.
    for (format, ext) in [("csv", "csv"), ("xlsx", "xlsx"), ("json", "json")] {
        let (bytes, _) = fx.export(format, &format!("full.{ext}"), &[]);
        let found = costs_found(format, &bytes, &cents);
        assert!(
            found.len() > 10,
            "{format} without --redact-cost holds the costs: {found:?}"
        );
    }
    for (format, ext) in FORMATS {
        let (bytes, _) = fx.export(format, &format!("redacted.{ext}"), &["--redact-cost"]);
        let found = costs_found(format, &bytes, &cents);
        assert!(
            found.is_empty(),
            "{format} with --redact-cost holds costs: {found:?}"
        );
    }
    let (csv, _) = fx.export("csv", "redacted.csv", &["--redact-cost"]);
    let header = text(&csv).lines().next().expect("a header");
    assert!(!header.split(',').any(|h| h == "cost"), "{header}");
}

#[test]
fn root_and_depth_cut_the_output() {
    let fx = Fixture::new();
    let rows = fx.rows();
    let reports = |id: &str| -> Vec<String> {
        rows.iter()
            .filter(|(_, manager, _)| manager == id)
            .map(|(person, _, _)| person.clone())
            .collect()
    };
    let top = rows
        .iter()
        .find(|(_, manager, _)| manager.is_empty())
        .map(|(id, _, _)| id.clone())
        .expect("a root");
    // A manager below the top whose reports have reports of their own.
    let root = reports(&top)
        .into_iter()
        .find(|id| reports(id).iter().any(|r| !reports(r).is_empty()))
        .expect("a manager of managers under the top");
    let mut expected: BTreeSet<String> = reports(&root).into_iter().collect();
    expected.insert(root.clone());

    let (csv, _) = fx.export("csv", "cut.csv", &["--root", &root, "--depth", "2"]);
    let ids: BTreeSet<String> = text(&csv)
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().expect("an id").to_string())
        // Team rows (of teams the cut supports but has no one in) have
        // no id.
        .filter(|id| !id.is_empty())
        .collect();
    assert_eq!(ids, expected, "the root and their direct reports");

    let (full_svg, _) = fx.export("svg", "full.svg", &[]);
    let (cut_svg, _) = fx.export("svg", "cut.svg", &["--root", &root, "--depth", "2"]);
    let boxes = |svg: &[u8]| text(svg).matches("<rect").count();
    assert!(
        boxes(&cut_svg) < boxes(&full_svg),
        "{} boxes cut vs {} in all",
        boxes(&cut_svg),
        boxes(&full_svg)
    );

    let nodes = |dot: &[u8]| text(dot).matches("[label=").count();
    let (dot, _) = fx.export("dot", "cut.dot", &["--root", &root, "--depth", "2"]);
    assert_eq!(nodes(&dot), expected.len(), "{}", text(&dot));
    let (dot, _) = fx.export("dot", "cut.dot", &["--root", &root, "--depth", "1"]);
    assert_eq!(nodes(&dot), 1, "{}", text(&dot));
    assert!(!text(&dot).contains("->"), "one person, no edges");
}

#[test]
fn a_failed_export_names_the_problem_and_leaves_the_output_alone() {
    let fx = Fixture::new();
    let out = fx.out("keep.csv");
    std::fs::write(&out, "previous export").expect("write");
    let fail = |args: &[&str], code: i32| -> String {
        let result = orgraph().args(args).output().expect("runs");
        assert_eq!(result.status.code(), Some(code), "orgraph {args:?}");
        String::from_utf8(result.stderr).expect("UTF-8")
    };
    let ws = path(&fx.ws);
    let stderr = fail(
        &[
            "export",
            ws,
            "--format",
            "csv",
            "-o",
            path(&out),
            "--root",
            "nobody",
        ],
        1,
    );
    assert!(stderr.contains("no person with id 'nobody'"), "{stderr}");
    let stderr = fail(
        &[
            "export",
            ws,
            "--format",
            "pdf",
            "-o",
            path(&out),
            "--scenario",
            "nope",
        ],
        1,
    );
    assert!(stderr.contains("no scenario named 'nope'"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&out).expect("still there"),
        "previous export"
    );

    let missing = fx.out("no-such-folder").join("org.pdf");
    let stderr = fail(&["export", ws, "--format", "pdf", "-o", path(&missing)], 1);
    assert!(stderr.contains("no-such-folder"), "{stderr}");
    assert!(!missing.exists());

    fail(&["export", ws, "--format", "docx", "-o", path(&out)], 2);
    fail(
        &[
            "export",
            ws,
            "--format",
            "csv",
            "-o",
            path(&out),
            "--depth",
            "0",
        ],
        2,
    );
    fail(
        &[
            "export",
            ws,
            "--format",
            "pdf",
            "-o",
            path(&out),
            "--page",
            "a5",
        ],
        2,
    );
    let leftovers: Vec<_> = std::fs::read_dir(fx.dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// small.csv's arch1 supports Growth, which has no members; declared by a
/// team row, Growth survives `export --format csv` and `import`, into a
/// new workspace and onto the one it came from, with the support of it.
#[test]
fn a_csv_export_keeps_a_team_without_members_through_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("with-growth.csv");
    let mut csv = std::fs::read_to_string(fixture("small.csv")).expect("the fixture");
    csv.push_str(",,,,Growth,,,,,Product,\n");
    std::fs::write(&source, csv).expect("written");
    let (first, second) = (dir.path().join("a.orgraph"), dir.path().join("b.orgraph"));
    let exported = dir.path().join("export.csv");
    run_ok(&["import", path(&source), "--into", path(&first)]);
    run_ok(&[
        "export",
        path(&first),
        "--format",
        "csv",
        "-o",
        path(&exported),
    ]);
    let written = std::fs::read_to_string(&exported).expect("exported");
    let team_row = written.lines().last().expect("rows");
    assert_eq!(team_row, ",,,,Growth,,,,,,Product,stream-aligned,,,,,");

    run_ok(&["import", path(&exported), "--into", path(&second)]);
    let (_, report) = run_ok(&["import", path(&exported), "--into", path(&first)]);
    assert!(
        report.contains("0 joiner(s), 0 leaver(s), 0 move(s)") && !report.contains("kept as"),
        "the export is the workspace's org: {report}"
    );
    for workspace in [&first, &second] {
        let json = dir.path().join("org.json");
        run_ok(&[
            "export",
            path(workspace),
            "--format",
            "json",
            "-o",
            path(&json),
        ]);
        let org = json_of(&std::fs::read(&json).expect("exported"));
        let growth = org["teams"]
            .as_array()
            .and_then(|teams| teams.iter().find(|t| t["id"] == "Growth"))
            .unwrap_or_else(|| panic!("Growth is kept: {}", org["teams"]));
        assert_eq!(growth["department"], "Product");
        let supports_growth = org["support"].as_array().is_some_and(|s| {
            s.iter()
                .any(|a| a["person"] == "arch1" && a["team"] == "Growth")
        });
        assert!(supports_growth, "{}", org["support"]);
    }
}

#[test]
fn csv_export_guards_formula_cells_and_reads_back_to_the_same_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (source, ws) = (dir.path().join("in.csv"), dir.path().join("w.orgraph"));
    std::fs::write(
        &source,
        "id,manager_id,name,title\n\
         =boss,,\"=HYPERLINK(\"\"http://x.test\"\",\"\"Ada\"\")\",@SUM(A1:A2)\n\
         b,=boss,+cmd|' /C calc'!A0,-5\n",
    )
    .expect("writes");
    run_ok(&["import", path(&source), "--into", path(&ws)]);
    let exported = dir.path().join("out.csv");
    run_ok(&[
        "export",
        path(&ws),
        "--format",
        "csv",
        "-o",
        path(&exported),
    ]);
    let text = std::fs::read_to_string(&exported).expect("reads the export");
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert!(
        rows[0].starts_with(
            "'=boss,,\"'=HYPERLINK(\"\"http://x.test\"\",\"\"Ada\"\")\",'@SUM(A1:A2),"
        ),
        "{text}"
    );
    assert!(
        rows[1].starts_with("b,'=boss,'+cmd|' /C calc'!A0,-5,"),
        "{text}"
    );

    let again = dir.path().join("again.orgraph");
    run_ok(&["import", path(&exported), "--into", path(&again)]);
    let people = |ws: &Path| {
        let (org, _) = orgraph::store::Workspace::open(ws)
            .and_then(|w| w.load_org())
            .expect("loads");
        org.people()
            .map(|p| {
                let manager = org.manager_of(&p.id).map(|m| m.to_string());
                (p.id.to_string(), manager, p.name.to_string())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(people(&again), people(&ws));
    assert_eq!(
        people(&ws)[1],
        (
            "b".into(),
            Some("=boss".into()),
            "+cmd|' /C calc'!A0".into()
        )
    );
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && &bytes[12..16] == b"IHDR");
    let at = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (at(16), at(20))
}

/// Width and height of an SVG, from its root element.
fn svg_size(svg: &str) -> (f32, f32) {
    let attribute = |name: &str| -> f32 {
        let start = svg.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        let end = start + svg[start..].find('"').expect("closing quote");
        svg[start..end].parse().expect("a number")
    };
    (attribute("width"), attribute("height"))
}

/// The generated org's names, from its CSV.
fn names(csv: &Path) -> Vec<String> {
    let mut reader = csv::Reader::from_path(csv).expect("read the generated CSV");
    let column = reader
        .headers()
        .expect("headers")
        .iter()
        .position(|h| h == "name")
        .expect("a name column");
    reader
        .records()
        .map(|r| r.expect("a row")[column].to_string())
        .collect()
}

/// The 60-person org laid out as one tidy tree is 3,584 x 846 px (4.2:1);
/// its whole-org SVG and PNG are folded to about a screen's proportions,
/// with everyone in them, and a cut chart still has its legend.
#[test]
fn a_whole_org_chart_has_screen_proportions_and_everyone_in_it() {
    let fx = Fixture::new();
    let (svg, _) = fx.export("svg", "org.svg", &[]);
    let svg = text(&svg);
    let (width, height) = svg_size(svg);
    assert!(
        (1.0..=2.5).contains(&(width / height)),
        "{width} x {height}"
    );
    let everyone = names(&fx.csv);
    assert_eq!(everyone.len(), 60);
    for name in &everyone {
        assert!(
            svg.contains(&format!(">{name}</text>")),
            "{name} is missing"
        );
    }
    let (png, _) = fx.export("png", "org.png", &[]);
    // It fits at full scale: one image pixel per SVG pixel.
    assert_eq!(png_size(&png), (width.ceil() as u32, height.ceil() as u32));

    let root = &fx.rows()[0].0;
    let (cut, _) = fx.export("svg", "cut.svg", &["--root", root, "--depth", "2"]);
    let cut = text(&cut);
    assert!(cut.contains(">Colour: team</text>"), "the legend");
    assert!(cut.contains(" below</text>"), "the cut is marked");
    let (cut_png, _) = fx.export("png", "cut.png", &["--root", root, "--depth", "2"]);
    let (w, h) = png_size(&cut_png);
    assert!(w < width as u32 && h < height as u32, "{w} x {h}");
}

/// A 25,000-person org's PNG would need names under 3.5 px to fit 16,384
/// px a side and 64M px, so it is refused with the size it would have,
/// and nothing is written; its SVG, which has no pixel limit, is folded.
#[test]
fn a_png_whose_names_would_be_illegible_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("big.csv");
    let ws = dir.path().join("big.orgraph");
    run_ok(&["generate", "--people", "25000", "-o", path(&csv)]);
    run_ok(&["import", path(&csv), "--into", path(&ws)]);
    let png = dir.path().join("big.png");
    let result = orgraph()
        .args(["export", path(&ws), "--format", "png", "-o", path(&png)])
        .output()
        .expect("runs");
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8(result.stderr).expect("UTF-8");
    assert!(
        stderr.starts_with("error: the chart would be a ") && stderr.contains("--root"),
        "{stderr}"
    );
    assert!(!png.exists());

    let svg = dir.path().join("big.svg");
    run_ok(&["export", path(&ws), "--format", "svg", "-o", path(&svg)]);
    let (width, height) = svg_size(&std::fs::read_to_string(&svg).expect("written"));
    assert!(
        (1.0..=2.5).contains(&(width / height)),
        "{width} x {height}"
    );
}
