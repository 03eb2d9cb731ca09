//! The catalogue of bad inputs (`tests/bad_inputs/`): one directory per
//! case, holding the input (unless the test generates it) and
//! `expect.json`, which says what a user running the command must see.
//!
//! Each case runs against a workspace holding a known org (or the broken
//! workspace the case names), twice: through the `orgraph` CLI (exit code,
//! stderr) and through `orgraph::import::import_into`, the call the CLI
//! and the app make (the error code and every finding with its code, row
//! and column). A refused case must leave every byte of the workspace
//! files (the `.orgraph` and anything beside it: `-wal`, `-shm`, journal)
//! as they were, and create none.
//!
//! `expect.json` fields (all optional except `about` and `exit`):
//! - `about`: what the case is and why the outcome is right.
//! - `input`: the input file in the case directory.
//! - `generate`: an input made at run time instead of committed:
//!   `cell-50mb` (one 50 MB name) or `columns-10000`.
//! - `non_utf8_name`: run on a copy of the input whose file name is not
//!   UTF-8.
//! - `args`: extra `import` arguments (`--sheet` and `--map` are mirrored
//!   in the library call).
//! - `workspace`: `known-org` (default), `newer-schema`, `text-file`,
//!   `other-sqlite`, `directory`, `damaged-image` (one byte of the stored
//!   image flipped), `truncated` (the file cut short) or `locked` (another
//!   connection holds the file exclusively while the import runs).
//! - `command`: run this instead of `import` (`{workspace}` is replaced);
//!   only the CLI side is checked.
//! - `exit`: the CLI's exit code (0 accepted, 1 refused).
//! - `error`: the library error's code (`validation`, `invalid-input`...).
//! - `findings`: every finding, `[severity, code, row, column]`, exactly
//!   (any order); each must also be printed by the CLI.
//! - `message`: text the CLI's stderr must contain.
//! - `people`, `names` (id -> name): what an accepted import stored.

use super::{fixture, orgraph};
use orgraph::import::{import_into, ImportOptions};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    about: String,
    input: Option<String>,
    generate: Option<String>,
    #[serde(default)]
    non_utf8_name: bool,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default = "known_org")]
    workspace: String,
    command: Option<Vec<String>>,
    exit: i32,
    error: Option<String>,
    #[serde(default)]
    findings: Vec<(String, String, Option<u64>, Option<String>)>,
    message: Option<String>,
    people: Option<usize>,
    #[serde(default)]
    names: BTreeMap<String, String>,
}

fn known_org() -> String {
    "known-org".to_string()
}

type Finding = (String, String, Option<u64>, Option<String>);

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs")
}

/// Every file and directory in `dir` whose name starts with `ws.orgraph`,
/// with its bytes (`None` for a directory).
fn workspace_files(dir: &Path) -> BTreeMap<OsString, Option<Vec<u8>>> {
    std::fs::read_dir(dir)
        .expect("lists the case directory")
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .as_encoded_bytes()
                .starts_with(b"ws.orgraph")
        })
        .map(|entry| {
            let bytes = entry
                .file_type()
                .expect("file type")
                .is_file()
                .then(|| std::fs::read(entry.path()).expect("reads a workspace file"));
            (entry.file_name(), bytes)
        })
        .collect()
}

/// Another process holding a workspace's write lock, as a second Orgraph
/// writing to it would, until dropped. A process of its own: POSIX locks
/// belong to a process, and this one reads the file's bytes, which would
/// drop a lock it held itself.
struct LockHolder(std::process::Child);

impl LockHolder {
    fn start(ws: &Path) -> LockHolder {
        use std::io::BufRead;
        let script = "import sqlite3, sys\n\
            c = sqlite3.connect(sys.argv[1], isolation_level=None)\n\
            c.execute('BEGIN EXCLUSIVE')\n\
            print('locked', flush=True)\n\
            sys.stdin.read()\n";
        let mut child = std::process::Command::new("python3")
            .args(["-c", script])
            .arg(ws)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 runs (make test installs it)");
        let stdout = child.stdout.take().expect("piped");
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .expect("reads the holder's word");
        assert_eq!(line.trim(), "locked", "the holder took the lock");
        LockHolder(child)
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Makes the target workspace `kind` at `ws`, from `template` (the known
/// org) where it starts from one. Returns the process holding a `locked`
/// workspace; the lock lasts as long as it does.
fn prepare_workspace(kind: &str, template: &Path, ws: &Path) -> Option<LockHolder> {
    match kind {
        "damaged-image" => {
            std::fs::copy(template, ws).expect("copies the known org");
            let conn = rusqlite::Connection::open(ws).expect("opens");
            let (chunk, mut data): (i64, Vec<u8>) = conn
                .query_row(
                    "SELECT chunk, data FROM baseline_image ORDER BY chunk LIMIT 1",
                    [],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .expect("the known org has an image");
            let middle = data.len() / 2;
            data[middle] ^= 0x20;
            conn.execute(
                "UPDATE baseline_image SET data = ?1 WHERE chunk = ?2",
                rusqlite::params![data, chunk],
            )
            .expect("flips a byte");
            conn.pragma_update(None, "journal_mode", "DELETE")
                .expect("folds the WAL into the file");
        }
        "truncated" => {
            let bytes = std::fs::read(template).expect("reads the known org");
            std::fs::write(ws, &bytes[..bytes.len() * 2 / 3]).expect("writes two thirds");
        }
        "locked" => {
            std::fs::copy(template, ws).expect("copies the known org");
            return Some(LockHolder::start(ws));
        }
        "known-org" => {
            std::fs::copy(template, ws).expect("copies the known org");
        }
        "newer-schema" => {
            std::fs::copy(template, ws).expect("copies the known org");
            let conn = rusqlite::Connection::open(ws).expect("opens");
            conn.pragma_update(None, "user_version", 99)
                .expect("sets the schema version");
        }
        "text-file" => std::fs::write(ws, "id,manager_id\nnot,a workspace\n").expect("writes"),
        "other-sqlite" => {
            let conn = rusqlite::Connection::open(ws).expect("creates");
            conn.execute_batch("CREATE TABLE notes(text); INSERT INTO notes VALUES ('hi');")
                .expect("another application's database");
        }
        "directory" => std::fs::create_dir(ws).expect("creates a directory"),
        other => panic!("unknown workspace kind '{other}'"),
    }
    None
}

/// The input file of a case, made or copied into `dir` where it needs to be.
fn prepare_input(case: &Path, expect: &Expect, dir: &Path) -> PathBuf {
    let input = match expect.generate.as_deref() {
        Some("cell-50mb") => {
            let path = dir.join("huge-cell.csv");
            let mut text = String::from("id,manager_id,name\na,,");
            text.push_str(&"x".repeat(50 * 1024 * 1024));
            text.push_str("\nb,a,Bob\n");
            std::fs::write(&path, text).expect("writes the 50 MB cell");
            path
        }
        Some("columns-10000") => {
            let path = dir.join("wide.csv");
            let header: Vec<String> = ["id".to_string(), "manager_id".to_string()]
                .into_iter()
                .chain((2..10_000).map(|i| format!("extra {i}")))
                .collect();
            let row = |id: &str, manager: &str| {
                let mut cells = vec![id.to_string(), manager.to_string()];
                cells.extend((2..10_000).map(|i| format!("{id}{i}")));
                cells.join(",")
            };
            let text = format!(
                "{}\n{}\n{}\n",
                header.join(","),
                row("a", ""),
                row("b", "a")
            );
            std::fs::write(&path, text).expect("writes 10,000 columns");
            path
        }
        Some(other) => panic!("unknown generator '{other}'"),
        None => case.join(expect.input.as_deref().expect("an input or a generator")),
    };
    if !expect.non_utf8_name {
        return input;
    }
    // "café-\xff.csv" in Latin-1: not UTF-8, as file names from old
    // Windows shares or archives often are.
    let name = OsString::from_vec(b"caf\xe9-\xff.csv".to_vec());
    let copy = dir.join(name);
    std::fs::copy(&input, &copy).expect("copies to a non-UTF-8 name");
    copy
}

fn findings_of(findings: &[orgraph::model::Finding]) -> Vec<Finding> {
    let mut tuples: Vec<Finding> = findings
        .iter()
        .map(|f| {
            let severity = if f.is_error() { "error" } else { "warning" };
            (
                severity.to_string(),
                f.code.clone(),
                f.location.row,
                f.location.column.clone(),
            )
        })
        .collect();
    tuples.sort();
    tuples
}

/// Runs one case; returns what did not match.
fn run_case(case: &Path, template: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(case.join("expect.json")).expect("reads expect.json");
    let expect: Expect = serde_json::from_str(&text).expect("expect.json parses");
    assert!(!expect.about.is_empty(), "say what the case is about");
    let mut problems = Vec::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let input = match expect.command {
        Some(_) => PathBuf::new(),
        None => prepare_input(case, &expect, dir.path()),
    };

    // The CLI, as a user runs it.
    let ws_dir = dir.path().join("cli");
    std::fs::create_dir(&ws_dir).expect("creates");
    let ws = ws_dir.join("ws.orgraph");
    let _lock = prepare_workspace(&expect.workspace, template, &ws);
    let before = workspace_files(&ws_dir);
    let mut cmd = orgraph();
    match &expect.command {
        Some(command) => {
            for arg in command {
                if arg == "{workspace}" {
                    cmd.arg(&ws);
                } else {
                    cmd.arg(arg);
                }
            }
        }
        None => {
            cmd.arg("import").arg(&input).arg("--into").arg(&ws);
            cmd.args(&expect.args);
        }
    }
    let out = cmd.output().expect("runs orgraph");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.code() != Some(expect.exit) {
        problems.push(format!(
            "exit {:?}, expected {}; stderr:\n{stderr}",
            out.status.code(),
            expect.exit
        ));
    }
    if let Some(message) = &expect.message {
        if !stderr.contains(message.as_str()) {
            problems.push(format!("stderr lacks {message:?}:\n{stderr}"));
        }
    }
    if expect.exit != 0 && workspace_files(&ws_dir) != before {
        problems.push("the CLI changed the workspace files".to_string());
    }
    if expect.command.is_some() {
        return problems;
    }

    // The library call behind the CLI and the app.
    let lib_dir = dir.path().join("lib");
    std::fs::create_dir(&lib_dir).expect("creates");
    let lib_ws = lib_dir.join("ws.orgraph");
    let _lib_lock = prepare_workspace(&expect.workspace, template, &lib_ws);
    let lib_before = workspace_files(&lib_dir);
    let mut options = ImportOptions::default();
    for pair in expect.args.windows(2) {
        match pair[0].as_str() {
            "--sheet" => options.sheet = Some(pair[1].clone()),
            "--map" => {
                let (column, field) = pair[1].rsplit_once('=').expect("--map COLUMN=FIELD");
                let field = field.parse().expect("a field name");
                options.overrides.push((column.to_string(), field));
            }
            _ => {}
        }
    }
    let result = import_into(&input, &lib_ws, &options, &|_| {});
    let (code, findings) = match &result {
        Ok(outcome) => {
            if expect.people.is_some_and(|people| people != outcome.people) {
                problems.push(format!("{} people imported", outcome.people));
            }
            ("ok".to_string(), outcome.warnings.as_slice())
        }
        Err(err) => {
            if workspace_files(&lib_dir) != lib_before {
                problems.push("the library changed the workspace files".to_string());
            }
            let code = serde_json::to_value(err.code()).expect("codes serialise");
            let findings = match err {
                orgraph::OrgError::Validation(findings) => findings.as_slice(),
                _ => &[],
            };
            (code.as_str().unwrap_or("?").to_string(), findings)
        }
    };
    let expected_code = expect.error.clone().unwrap_or_else(|| "ok".to_string());
    if code != expected_code {
        problems.push(format!("error code {code}, expected {expected_code}"));
    }
    let mut expected = expect.findings.clone();
    expected.sort();
    let got = findings_of(findings);
    if got != expected {
        problems.push(format!("findings {got:?}, expected {expected:?}"));
    }
    for finding in findings {
        if !stderr.contains(&finding.to_string()) {
            problems.push(format!("the CLI did not print {finding}"));
        }
    }
    if expect.exit == 0 {
        check_stored(&expect, &ws, &mut problems);
    }
    problems
}

/// What the CLI's accepted import stored: the people and their names.
fn check_stored(expect: &Expect, ws: &Path, problems: &mut Vec<String>) {
    let workspace = match orgraph::store::Workspace::open(ws) {
        Ok(workspace) => workspace,
        Err(err) => return problems.push(format!("the workspace does not open: {err}")),
    };
    let (org, _) = workspace.load_org().expect("the stored org loads");
    if expect.people.is_some_and(|people| people != org.len()) {
        problems.push(format!("{} people stored", org.len()));
    }
    for (id, name) in &expect.names {
        let stored = org.people().find(|p| p.id.as_str() == id);
        if stored.map(|p| p.name.as_str()) != Some(name.as_str()) {
            problems.push(format!(
                "{id}'s name is {:?}, expected {name:?}",
                stored.map(|p| p.name.as_str())
            ));
        }
    }
}

#[test]
fn every_bad_input_is_reported_where_it_is_and_leaves_the_workspace_as_it_was() {
    let template_dir = tempfile::tempdir().expect("temp dir");
    let template = template_dir.path().join("known.orgraph");
    import_into(
        &fixture("small.csv"),
        &template,
        &ImportOptions::default(),
        &|_| {},
    )
    .expect("the known org imports");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/bad_inputs exists")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.join("expect.json").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let problems = run_case(case, &template);
            let name = case.file_name().unwrap_or_default().to_string_lossy();
            (!problems.is_empty()).then(|| format!("{name}:\n  {}", problems.join("\n  ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
