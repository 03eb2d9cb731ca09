//! Export tests: snapshots of a small fixed org, the CSV round trip through
//! the importer (fixed and random orgs), cost redaction and scope.

use super::*;
use crate::error::ErrorCode;
use crate::import::load_signed_csv_text;
use crate::metrics::{compute, View};
use crate::model::{Person, Status, Team, TeamId, TeamKind};
use crate::money::Money;
use chrono::NaiveDate;
use proptest::prelude::*;

const COST_TEXT: &str = "131999.92";
const COST_CENTS: &str = "13199992";
const COST_WHOLE: &str = "131999";

fn date(text: &str) -> NaiveDate {
    crate::date::parse(text).expect("valid test date")
}

fn team(id: &str, kind: TeamKind, department: Option<&str>) -> Team {
    Team {
        id: TeamId::from(id),
        name: id.to_string(),
        kind,
        lead: None,
        department: department.map(str::to_string),
    }
}

/// A CTO with no team; two managers; a dotted line; a principal engineer
/// in the architecture team supporting three teams at cost 131999.92; a
/// name with a comma and quotes; labels with `<`, `>`, `#` and `&`; id
/// `007`; a team without members, named apart from its id, led by em2.
fn sample_org() -> Org {
    let mut org = Org::new();
    org.add_team(team(
        "Payments",
        TeamKind::StreamAligned,
        Some("Engineering"),
    ))
    .expect("new team");
    org.add_team(team("Search", TeamKind::Platform, None))
        .expect("new team");
    org.add_team(team(
        "Central Architecture",
        TeamKind::Architecture,
        Some("Office of the CTO"),
    ))
    .expect("new team");
    org.add_team(Team {
        name: "Growth & Retention".to_string(),
        lead: Some("em2".into()),
        ..team("Growth", TeamKind::Enabling, Some("Product"))
    })
    .expect("new team");
    let people = [
        ("c1", "Ada Lovelace", "CTO", "M7", None, Some(25_000_000)),
        (
            "em1",
            "Bo \"Bobby\" Chen, Jr.",
            "Engineering Manager",
            "M4",
            Some("Payments"),
            Some(15_000_050),
        ),
        (
            "em2",
            "Cy",
            "Engineering Manager",
            "M4",
            Some("Search"),
            None,
        ),
        (
            "dev1",
            "Di",
            "Software Engineer",
            "IC2",
            Some("Payments"),
            Some(9_000_000),
        ),
        (
            "dev2",
            "Ed <Ops> #1 & co",
            "SRE",
            "IC3",
            Some("Search"),
            None,
        ),
        (
            "arch",
            "Fay",
            "Principal Engineer",
            "IC5",
            Some("Central Architecture"),
            Some(13_199_992),
        ),
        (
            "007",
            "Gus",
            "Staff Engineer",
            "IC4",
            Some("Payments"),
            Some(12_000_000),
        ),
    ];
    for (id, name, title, level, team, cost) in people {
        let mut person = Person::new(id);
        person.name = name.into();
        person.title = title.into();
        person.level = level.into();
        person.location = "London".into();
        person.team = team.map(TeamId::from);
        person.cost = cost.map(Money::from_cents);
        match id {
            "dev2" => {
                person.status = Status::Open;
                person.start_date = Some(date("2027-03-31"));
            }
            "007" => {
                person.status = Status::Departing;
                person.start_date = Some(date("2019-01-07"));
                person.end_date = Some(date("2026-12-31"));
            }
            _ => {}
        }
        org.add_person(person).expect("unique id");
    }
    for (id, manager) in [
        ("em1", "c1"),
        ("em2", "c1"),
        ("dev1", "em1"),
        ("dev2", "em2"),
        ("arch", "c1"),
        ("007", "em1"),
    ] {
        org.move_person(&id.into(), Some(&manager.into()))
            .expect("a tree");
    }
    org.add_dotted_line(&"em2".into(), &"dev1".into())
        .expect("both exist");
    org.add_support(&"arch".into(), &"Payments".into())
        .expect("team exists");
    org.add_support(&"arch".into(), &"Search".into())
        .expect("team exists");
    org.add_support(&"arch".into(), &"Growth".into())
        .expect("team exists");
    org
}

fn export(org: &Org, format: DataFormat, options: &ExportOptions) -> Result<Vec<u8>> {
    let metrics = compute(org, View::Current);
    let mut out = Vec::new();
    export_data(org, &metrics, format, options, &mut out)?;
    Ok(out)
}

fn export_text(org: &Org, format: DataFormat, options: &ExportOptions) -> String {
    let bytes = export(org, format, options).expect("exports");
    String::from_utf8(bytes).expect("text formats are UTF-8")
}

fn redacted() -> ExportOptions {
    ExportOptions {
        redact_cost: true,
        ..ExportOptions::default()
    }
}

fn import(csv: &str, like: &Org) -> (Org, Vec<crate::model::Finding>) {
    load_signed_csv_text(
        csv.as_bytes(),
        "export.csv",
        like.ladder.clone(),
        like.policy,
    )
    .expect("the export imports")
}

/// Everything CSV carries, in a comparable form: people in order with
/// their manager, teams by id, dotted lines and support sorted.
#[derive(Debug, PartialEq)]
struct Shape {
    people: Vec<(Person, Option<PersonId>)>,
    teams: Vec<Team>,
    dotted: Vec<(PersonId, PersonId)>,
    support: Vec<(PersonId, TeamId)>,
}

fn shape(org: &Org) -> Shape {
    let people = org
        .people()
        .map(|p| (p.clone(), org.manager_of(&p.id).cloned()))
        .collect();
    let mut teams = org.teams().to_vec();
    teams.sort_by(|a, b| a.id.cmp(&b.id));
    let mut dotted: Vec<(PersonId, PersonId)> = org
        .dotted_lines()
        .into_iter()
        .map(|(m, r)| (m.clone(), r.clone()))
        .collect();
    dotted.sort();
    Shape {
        people,
        teams,
        dotted,
        support: org.support_assignments().iter().cloned().collect(),
    }
}

fn ids(org: &Org) -> Vec<&str> {
    org.people().map(|p| p.id.as_str()).collect()
}

// ---- snapshots ----

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!(export_text(
        &sample_org(),
        DataFormat::Csv,
        &ExportOptions::default()
    ));
}

#[test]
fn dot_snapshot() {
    insta::assert_snapshot!(export_text(
        &sample_org(),
        DataFormat::Dot,
        &ExportOptions::default()
    ));
}

#[test]
fn mermaid_snapshot() {
    insta::assert_snapshot!(export_text(
        &sample_org(),
        DataFormat::Mermaid,
        &ExportOptions::default()
    ));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(export_text(
        &sample_org(),
        DataFormat::Json,
        &ExportOptions::default()
    ));
}

// ---- CSV round trip ----

#[test]
fn csv_round_trips_the_sample_org_without_warnings() {
    let org = sample_org();
    let csv = export_text(&org, DataFormat::Csv, &ExportOptions::default());
    let (back, warnings) = import(&csv, &org);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(shape(&back), shape(&org));
    let arch = back.person(&"arch".into()).expect("imported");
    assert_eq!(arch.cost, Some(Money::from_cents(13_199_992)));
    // Growth has no members: its team row carries it, and its lead and
    // the support of it ride on the rows of em2 and arch.
    let growth = back.team(&"Growth".into()).expect("the memberless team");
    assert_eq!(growth.lead, Some(PersonId::from("em2")));
    assert!(back
        .support_assignments()
        .contains(&("arch".into(), "Growth".into())));
}

#[test]
fn csv_refuses_list_items_the_importer_would_split() {
    let mut org = sample_org();
    org.add_team(team("R&D|Labs", TeamKind::Enabling, None))
        .expect("new team");
    org.add_support(&"arch".into(), &"R&D|Labs".into())
        .expect("team exists");
    let err = export(&org, DataFormat::Csv, &ExportOptions::default()).expect_err("ambiguous");
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("R&D|Labs"), "{err}");
}

/// Names and other text: any printable ASCII (commas, quotes, `;`, `|`,
/// markup), newlines and a non-ASCII letter; never leading or trailing
/// spaces (the importer trims them).
fn text() -> impl Strategy<Value = String> {
    "[\n -~é]{0,8}".prop_map(|s| s.trim().to_string())
}

fn id() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 ,\"'.-]{0,5}".prop_map(|s| s.trim_end().to_string())
}

const TEAM_IDS: [&str; 4] = ["Payments", "Core, \"Infra\"", "007", "Central Architecture"];
const KINDS: [TeamKind; 4] = [
    TeamKind::StreamAligned,
    TeamKind::Platform,
    TeamKind::Enabling,
    TeamKind::Architecture,
];

#[derive(Debug, Clone)]
struct PersonSpec {
    name: String,
    title: String,
    level: String,
    location: String,
    cost: Option<i64>,
    status: usize,
    team: Option<usize>,
    start: Option<i64>,
    end: Option<i64>,
    manager: Option<proptest::sample::Index>,
}

fn person_spec() -> impl Strategy<Value = PersonSpec> {
    (
        (
            text(),
            text(),
            prop_oneof![Just("IC4".to_string()), Just("M3".to_string()), text()],
            text(),
        ),
        proptest::option::of(-1_000_000_000_000i64..1_000_000_000_000),
        0..4usize,
        proptest::option::of(0..TEAM_IDS.len()),
        (
            proptest::option::of(0..20_000i64),
            proptest::option::of(0..20_000i64),
        ),
        proptest::option::of(any::<proptest::sample::Index>()),
    )
        .prop_map(
            |((name, title, level, location), cost, status, team, (start, end), manager)| {
                PersonSpec {
                    name,
                    title,
                    level,
                    location,
                    cost,
                    status,
                    team,
                    start,
                    end,
                    manager,
                }
            },
        )
}

type TeamSpec = (
    usize,
    Option<String>,
    Option<String>,
    Option<proptest::sample::Index>,
);

#[derive(Debug, Clone)]
struct OrgSpec {
    ids: Vec<String>,
    people: Vec<PersonSpec>,
    /// Person positions in the order managers are chosen: each person's
    /// manager comes earlier in this order, whatever their positions.
    order: Vec<usize>,
    /// Per team: kind, department, display name and lead.
    teams: Vec<TeamSpec>,
    dotted: Vec<(proptest::sample::Index, proptest::sample::Index)>,
    support: Vec<(proptest::sample::Index, usize)>,
}

fn org_spec() -> impl Strategy<Value = OrgSpec> {
    (1usize..20).prop_flat_map(|n| {
        (
            proptest::collection::btree_set(id(), n),
            proptest::collection::vec(person_spec(), n),
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            proptest::collection::vec(
                (
                    0..KINDS.len(),
                    proptest::option::of(text()),
                    proptest::option::of(text()),
                    proptest::option::of(any::<proptest::sample::Index>()),
                ),
                TEAM_IDS.len(),
            ),
            proptest::collection::vec(
                any::<(proptest::sample::Index, proptest::sample::Index)>(),
                0..6,
            ),
            proptest::collection::vec((any::<proptest::sample::Index>(), 0..TEAM_IDS.len()), 0..6),
        )
            .prop_map(|(ids, people, order, teams, dotted, support)| OrgSpec {
                ids: ids.into_iter().collect(),
                people,
                order,
                teams,
                dotted,
                support,
            })
    })
}

/// Every team of `TEAM_IDS`, whether or not anyone is in it.
fn build(spec: &OrgSpec) -> Org {
    let n = spec.ids.len();
    let epoch = date("2000-01-01");
    let day = |offset: Option<i64>| offset.map(|d| epoch + chrono::Duration::days(d));
    let mut org = Org::new();
    for (team_id, (kind, department, name, _)) in TEAM_IDS.iter().zip(&spec.teams) {
        let department = department.clone().filter(|d| !d.is_empty());
        let name = name.clone().filter(|n| !n.is_empty());
        org.add_team(Team {
            department,
            name: name.unwrap_or_else(|| team_id.to_string()),
            ..team(team_id, KINDS[*kind], None)
        })
        .expect("new team");
    }
    for (id, p) in spec.ids.iter().zip(&spec.people) {
        let mut person = Person::new(id.as_str());
        person.name = p.name.as_str().into();
        person.title = p.title.as_str().into();
        person.level = p.level.as_str().into();
        person.location = p.location.as_str().into();
        person.cost = p.cost.map(Money::from_cents);
        person.status = Status::ALL[p.status];
        person.team = p.team.map(|t| TeamId::from(TEAM_IDS[t]));
        person.start_date = day(p.start);
        person.end_date = day(p.end);
        org.add_person(person).expect("unique ids");
    }
    for (rank, &position) in spec.order.iter().enumerate().skip(1) {
        if let Some(manager) = &spec.people[position].manager {
            let manager = spec.order[manager.index(rank)];
            org.move_person(
                &spec.ids[position].as_str().into(),
                Some(&spec.ids[manager].as_str().into()),
            )
            .expect("managers come earlier in the order");
        }
    }
    for (manager, report) in &spec.dotted {
        let (manager, report) = (manager.index(n), report.index(n));
        // Dotted lines to oneself are refused by the model; skip them.
        let _ = org.add_dotted_line(
            &spec.ids[manager].as_str().into(),
            &spec.ids[report].as_str().into(),
        );
    }
    for (team_id, (_, _, _, lead)) in TEAM_IDS.iter().zip(&spec.teams) {
        if let Some(lead) = lead {
            org.team_by_id_mut(&TeamId::from(*team_id))
                .expect("every team was added")
                .lead = Some(spec.ids[lead.index(n)].as_str().into());
        }
    }
    for (person, team) in &spec.support {
        org.add_support(
            &spec.ids[person.index(n)].as_str().into(),
            &TeamId::from(TEAM_IDS[*team]),
        )
        .expect("both exist");
    }
    org
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn csv_round_trips_random_orgs(spec in org_spec()) {
        let org = build(&spec);
        let csv = export_text(&org, DataFormat::Csv, &ExportOptions::default());
        let (back, _) = import(&csv, &org);
        prop_assert_eq!(shape(&back), shape(&org), "CSV:\n{}", csv);
    }
}

proptest! {
    // Each case writes and reads a zip file: fewer cases than for CSV.
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn xlsx_round_trips_random_orgs(spec in org_spec()) {
        let org = build(&spec);
        let xlsx = export(&org, DataFormat::Xlsx, &ExportOptions::default()).expect("exports");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("people.xlsx");
        std::fs::write(&path, xlsx).expect("written");
        let signed = crate::import::ImportOptions {
            signed: vec!["cost".to_string()],
            ..crate::import::ImportOptions::default()
        };
        let (back, _) = crate::import::load(
            &path,
            &signed,
            org.ladder.clone(),
            org.policy,
        )
        .expect("the export imports");
        prop_assert_eq!(shape(&back), shape(&org));
    }
}

// ---- redaction ----

fn assert_no_cost(format: DataFormat, output: &str) {
    for cost in [COST_TEXT, COST_CENTS, COST_WHOLE] {
        assert!(
            !output.contains(cost),
            "{format} output contains {cost}:\n{output}"
        );
    }
}

#[test]
fn redacted_text_formats_hold_no_cost() {
    let org = sample_org();
    for format in [
        DataFormat::Csv,
        DataFormat::Json,
        DataFormat::Dot,
        DataFormat::Mermaid,
    ] {
        assert_no_cost(format, &export_text(&org, format, &redacted()));
    }
    let csv = export_text(&org, DataFormat::Csv, &redacted());
    let header = csv.lines().next().expect("a header row");
    assert!(!header.split(',').any(|h| h == "cost"), "{header}");
    let json: serde_json::Value =
        serde_json::from_str(&export_text(&org, DataFormat::Json, &redacted())).expect("JSON");
    assert!(json["people"][0].get("cost").is_none());
    assert_eq!(json["cost_redacted"], true);
}

#[test]
fn unredacted_csv_and_json_hold_the_exact_cost() {
    let org = sample_org();
    let options = ExportOptions::default();
    assert!(export_text(&org, DataFormat::Csv, &options).contains(COST_TEXT));
    assert!(export_text(&org, DataFormat::Json, &options).contains(COST_CENTS));
    // Charts never show cost, redacted or not.
    assert_no_cost(
        DataFormat::Dot,
        &export_text(&org, DataFormat::Dot, &options),
    );
    assert_no_cost(
        DataFormat::Mermaid,
        &export_text(&org, DataFormat::Mermaid, &options),
    );
}

#[test]
fn xlsx_is_a_zip_either_way() {
    let org = sample_org();
    for options in [ExportOptions::default(), redacted()] {
        let bytes = export(&org, DataFormat::Xlsx, &options).expect("exports");
        assert!(bytes.len() > 1000, "{} bytes", bytes.len());
        assert!(bytes.starts_with(b"PK"));
    }
}

/// The XLSX sheets are zipped, so their redaction is checked on the rows
/// the writer turns into cells.
#[test]
fn xlsx_rows_drop_every_cost_when_redacted() {
    let org = sample_org();
    let metrics = compute(&org, View::Current);
    let arch_cost = Money::from_cents(13_199_992);

    let mut people_costs = Vec::new();
    let mut collect = |redact| {
        people_costs.clear();
        rows::for_each_person_row(&org, redact, |row| {
            people_costs.extend(row.iter().filter_map(|cell| match cell {
                rows::Cell::Money(money) => Some(*money),
                _ => None,
            }));
            Ok(())
        })
        .expect("rows");
        people_costs.clone()
    };
    assert!(collect(false).contains(&arch_cost));
    assert!(collect(true).is_empty());
    assert!(!rows::people_headers(true).contains(&"cost"));
    assert_eq!(rows::people_headers(false).len(), 17);

    let has_money =
        |values: &[xlsx::Value]| values.iter().any(|v| matches!(v, xlsx::Value::Money(_)));
    let (headers, teams) = xlsx::team_rows(&org, &metrics, false);
    assert!(headers.contains(&"cost") && teams.iter().all(|row| has_money(row)));
    let (headers, teams) = xlsx::team_rows(&org, &metrics, true);
    assert!(!headers.contains(&"cost") && !teams.iter().any(|row| has_money(row)));

    let figures = xlsx::metric_rows(&metrics, false);
    assert!(figures.contains(&("cost", xlsx::Value::Money(metrics.cost))));
    let figures = xlsx::metric_rows(&metrics, true);
    assert!(!figures
        .iter()
        .any(|(name, value)| name.contains("cost") || matches!(value, xlsx::Value::Money(_))));
}

#[test]
fn xlsx_team_rows_count_members_in_the_view() {
    let org = sample_org();
    let metrics = compute(&org, View::Current);
    let (_, teams) = xlsx::team_rows(&org, &metrics, false);
    // Payments: em1, dev1 and 007, who is departing and so not counted.
    assert_eq!(teams[0][0], xlsx::Value::Text("Payments".into()));
    assert_eq!(teams[0][5], xlsx::Value::Count(2));
    assert_eq!(
        teams[0][6],
        xlsx::Value::Money(Money::from_cents(24_000_050))
    );
}

// ---- scope ----

fn scope(root: Option<&str>, depth: Option<u32>) -> ExportOptions {
    ExportOptions {
        root: root.map(PersonId::from),
        depth,
        ..ExportOptions::default()
    }
}

#[test]
fn scope_takes_the_subtree_and_its_manager_becomes_a_root() {
    let org = sample_org();
    let csv = export_text(&org, DataFormat::Csv, &scope(Some("em1"), None));
    let (back, warnings) = import(&csv, &org);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(ids(&back), ["em1", "dev1", "007"]);
    assert_eq!(back.manager_of(&"em1".into()), None);
    assert_eq!(back.manager_of(&"dev1".into()), Some(&"em1".into()));
    // dev1's dotted line to em2 leaves the scope, so it is cut.
    assert!(back.dotted_lines().is_empty());
    assert_eq!(back.teams().len(), 1);
}

#[test]
fn depth_counts_the_root_as_layer_one() {
    let org = sample_org();
    let scoped = |root: Option<&str>, depth| {
        let org = scoped_org(&org, root.map(PersonId::from).as_ref(), depth).expect("scope");
        ids(&org)
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(scoped(Some("c1"), Some(1)), ["c1"]);
    assert_eq!(scoped(Some("c1"), Some(2)), ["c1", "em1", "em2", "arch"]);
    assert_eq!(scoped(Some("em2"), Some(5)), ["em2", "dev2"]);
    // Without a root, every top-level root is layer 1.
    assert_eq!(scoped(None, Some(2)), ["c1", "em1", "em2", "arch"]);
    assert_eq!(scoped(None, None).len(), org.len());
}

#[test]
fn scope_keeps_supported_teams_and_recomputes_metrics() {
    let org = sample_org();
    let scoped = scoped_org(&org, Some(&"arch".into()), None).expect("scope");
    assert_eq!(ids(&scoped), ["arch"]);
    let mut teams: Vec<&str> = scoped.teams().iter().map(|t| t.id.as_str()).collect();
    teams.sort_unstable();
    assert_eq!(
        teams,
        ["Central Architecture", "Growth", "Payments", "Search"]
    );
    assert_eq!(scoped.support_assignments().len(), 3);
    // Only arch's own team has a member in the scope: the CSV carries the
    // supported teams as team rows, and the support of them with them.
    let csv = export_text(&org, DataFormat::Csv, &scope(Some("arch"), None));
    let (back, warnings) = import(&csv, &org);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(shape(&back), shape(&scoped));
    let bytes = export(&org, DataFormat::Xlsx, &scope(Some("arch"), Some(1))).expect("xlsx");
    assert!(bytes.starts_with(b"PK"));
}

#[test]
fn unknown_root_and_zero_depth_are_typed_errors() {
    let org = sample_org();
    let err = export(&org, DataFormat::Csv, &scope(Some("ghost"), None)).expect_err("unknown");
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert!(err.to_string().contains("'ghost'"), "{err}");
    let err = export(&org, DataFormat::Json, &scope(Some("c1"), Some(0))).expect_err("depth 0");
    assert_eq!(err.code(), ErrorCode::InvalidInput);
}

// ---- formats ----

#[test]
fn formats_parse_by_name_and_extension() {
    for format in DataFormat::ALL {
        assert_eq!(format.as_str().parse::<DataFormat>().ok(), Some(format));
        assert_eq!(format.extension().parse::<DataFormat>().ok(), Some(format));
    }
    assert_eq!("XLSX".parse::<DataFormat>().ok(), Some(DataFormat::Xlsx));
    let err = "pdf".parse::<DataFormat>().expect_err("not a data format");
    assert_eq!(err.code(), ErrorCode::InvalidInput);
}

#[test]
fn a_failing_writer_is_a_typed_export_error() {
    struct Refuses;
    impl std::io::Write for Refuses {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let org = sample_org();
    let metrics = compute(&org, View::Current);
    for format in DataFormat::ALL {
        let err = export_data(
            &org,
            &metrics,
            format,
            &ExportOptions::default(),
            &mut Refuses,
        )
        .expect_err("the writer refuses");
        assert_eq!(err.code(), ErrorCode::Io, "{format}");
        assert!(err.to_string().contains("disk full"), "{format}: {err}");
    }
}
