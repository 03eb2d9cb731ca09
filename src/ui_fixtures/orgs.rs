//! The orgs the UI tests run on, as HRIS CSV files, and the states after
//! the changes the tests make. Each state's changes are what the UI sends
//! (core `Change` JSON, or an `EnteredChange` for typed-in values); `{"kind": "saveWhatIf", "whatIf": …}` stands for
//! a `save_what_if` command, `{"kind": "saveSuggestion", "suggest": …}` for
//! a `save_suggestion` of the default suggestion.

use serde_json::{json, Value};

/// One org: its CSV (empty: nothing imported), department budgets (cents), workspace policy tweaks,
/// the dashboard requests asked, and its states.
pub struct OrgFixture {
    pub name: &'static str,
    pub csv: String,
    pub budgets: &'static [(&'static str, i64)],
    /// The codes of the warnings its import gives (most import cleanly).
    pub warnings: &'static [&'static str],
    /// A file re-imported over the org once every state's scenario holds
    /// its changes: the states are then written as the scenarios replay
    /// over it (changes it left without effect are skipped).
    pub reimport: Option<String>,
    /// The workspace's maximum staff+ load, when not the default.
    pub max_load: Option<u32>,
    pub dashboards: Vec<Value>,
    pub states: Vec<State>,
}

/// The baseline after `changes` (under the workspace's policy), and the answers a test reads there (by
/// key; `chartNodes` and `metrics` are always written; `health` is the
/// Health panel's findings). `staffPlus` is the
/// board as it is; `staffPlusPreviews` adds the what-if previews;
/// `suggestions` the placement and span suggestions (`super::suggestions`);
/// `comparison` makes it a column of the org's comparison.
#[derive(Clone)]
pub struct State {
    pub changes: Vec<Value>,
    pub answers: &'static [&'static str],
    /// The workspace policy (core `Policy` JSON) the state is written
    /// under, when a test changed the workspace's own; the writer sets it
    /// for this state alone.
    pub workspace_policy: Option<Value>,
    /// The workspace's layer guidance (its command-line form, parsed by
    /// the core) the state is written under, when not the default; the
    /// writer sets it for this state alone.
    pub layer_guidance: Option<&'static str>,
}

fn state(answers: &'static [&'static str], changes: Vec<Value>) -> State {
    State {
        changes,
        answers,
        workspace_policy: None,
        layer_guidance: None,
    }
}

/// The org of most UI tests: ceo -> (ann -> bob, cat), dan, everyone in
/// Core at L4; Payments has no one. Costs 100,000 + 1,000 per row.
const SMALL: &str = "\
id,name,manager_id,title,team,team_name,team_kind,department,level,cost,location
ceo,Casey Chief,,Manager,core,Core,stream-aligned,Engineering,L4,100000,Berlin
ann,Ann Archer,ceo,Manager,core,Core,stream-aligned,Engineering,L4,101000,Paris
bob,Bob Baker,ann,Engineer,core,Core,stream-aligned,Engineering,L4,102000,Berlin
cat,Cat Cooper,ann,Engineer,core,Core,stream-aligned,Engineering,L4,103000,Paris
dan,Dan Diaz,ceo,Engineer,core,Core,stream-aligned,Engineering,L4,104000,Berlin
,,,,payments,Payments,stream-aligned,Finance,,,
";

/// The chart golden's org: every status, verdicts narrow and in band, a
/// staff+ engineer, two teams, dotted lines, and dan's five leaf reports
/// stacked.
const CHART: &str = "\
id,name,manager_id,title,team,team_name,team_kind,department,level,cost,location,status,start_date,dotted_managers
ceo,Casey Chief,,Chief Executive,core,Core,stream-aligned,Engineering,M5,250000,Berlin,active,2019-04-01,
ann,Ann Archer,ceo,Engineering Manager,core,Core,stream-aligned,Engineering,M1,150000,Paris,active,2020-02-01,
bob,Bob Baker,ann,Engineer,core,Core,stream-aligned,Engineering,IC2,100000,Berlin,active,2021-06-14,dan
cat,Cat Cooper,ann,Staff Engineer,payments,Payments,stream-aligned,Finance,IC4,130000,Paris,active,2022-09-01,
dan,Dan Diaz,ceo,Engineering Manager,payments,Payments,stream-aligned,Finance,M1,120000,Berlin,active,2023-01-09,
eve,Eve Évora,dan,Engineer,payments,Payments,stream-aligned,Finance,IC2,95000,Lisbon,departing,2021-03-01,
fay,Fay Fürst,dan,Engineer,payments,Payments,stream-aligned,Finance,IC2,95000,Berlin,active,2024-07-01,
gus,Gus Grün 👩‍💻,dan,Engineer,,,,,IC1,85000,Berlin,active,2025-01-06,ann;ceo
req1,Open Engineer,dan,Engineer,payments,Payments,stream-aligned,Finance,IC2,95000,Berlin,open,2027-05-01,
hire1,Hana Hill,dan,Engineer,payments,Payments,stream-aligned,Finance,IC2,95000,Paris,planned,2027-08-15,
";

/// ceo (10 reports: wide) -> m1 (1 report), m2 (3 reports) and eight ICs;
/// teams Core (5 people) and Data (5), five people in no team; of two
/// staff+ engineers, ic4 supports Core too, over the maximum load of 1.
const DASHBOARD: &str = "\
id,name,manager_id,title,team,team_name,department,level,cost,supports
ceo,Casey Chief,,Chief Executive,core,Core,Engineering,M5,200000,
m1,Mo One,ceo,Engineering Manager,core,Core,Engineering,M1,120000,
m2,Mia Two,ceo,Engineering Manager,core,Core,Engineering,M1,120000,
ic0,Ic 0,ceo,Engineer,core,Core,Engineering,IC2,100000,
ic1,Ic 1,ceo,Staff Engineer,core,Core,Engineering,IC4,100000,
ic2,Ic 2,ceo,Engineer,data,Data,Engineering,IC2,100000,
ic3,Ic 3,ceo,Engineer,data,Data,Engineering,IC2,100000,
ic4,Ic 4,ceo,Staff Engineer,data,Data,Engineering,IC4,140000,core
ic5,Ic 5,ceo,Engineer,data,Data,Engineering,IC2,100000,
ic6,Ic 6,ceo,Engineer,data,Data,Engineering,IC2,100000,
ic7,Ic 7,ceo,Engineer,,,,IC2,100000,
r1,Ray One,m1,Engineer,,,,IC2,100000,
r20,Rae 0,m2,Engineer,,,,IC2,100000,
r21,Rae 1,m2,Engineer,,,,IC2,100000,
r22,Rae 2,m2,Engineer,,,,IC2,100000,
";

/// Five teams (one an architecture group) and three staff+ engineers: Sam
/// embedded in Payments, Pat central in Architecture, Una in no team.
const STAFF_PLUS: &str = "\
id,name,manager_id,title,team,team_name,team_kind,department,level,supports
cto,Cleo Chief,,CTO,arch,Architecture,architecture,,M5,
s1,Sam Staff,cto,Staff Engineer,pay,Payments,stream-aligned,Money,IC4,web
s2,Pat Principal,cto,Principal Engineer,arch,Architecture,architecture,,IC5,pay;infra;web
s3,Una Unplaced,cto,Staff Engineer,,,,,IC4,infra
p1,Pia Pay,cto,Engineer,pay,Payments,stream-aligned,Money,IC2,
w1,Wes Web,cto,Engineer,web,Web,stream-aligned,Product,IC2,
w2,Wyn Web,cto,Engineer,web,Web,stream-aligned,Product,IC2,
i1,Ira Infra,cto,Engineer,infra,Infrastructure,platform,Platform,IC2,
q1,Quin Search,cto,Engineer,search,Search,stream-aligned,Product,IC2,
";

/// The span suggestion's org, everyone in Core: under ceo (3 reports:
/// narrow), Mo One has 11 reports (wide), his sibling Mia Two 2
/// (narrow) and Max Three 1 (a single report).
fn spans_csv() -> String {
    let mut csv = String::from("id,name,manager_id,title,team,team_name,department,level\n");
    let mut row = |id: &str, name: &str, manager: &str, title: &str| {
        csv.push_str(&format!(
            "{id},{name},{manager},{title},core,Core,Engineering,L4\n"
        ));
    };
    row("ceo", "Casey Chief", "", "Chief Executive");
    row("m1", "Mo One", "ceo", "Engineering Manager");
    row("m2", "Mia Two", "ceo", "Engineering Manager");
    row("m3", "Max Three", "ceo", "Engineering Manager");
    for i in 0..11 {
        row(&format!("a{i}"), &format!("Ash {i}"), "m1", "Engineer");
    }
    for i in 0..2 {
        row(&format!("b{i}"), &format!("Bo {i}"), "m2", "Engineer");
    }
    row("c0", "Cy Zero", "m3", "Engineer");
    csv
}

/// An org too big to open whole: a root, 4 VPs, 4 directors each and 5
/// ICs per director (101 people).
fn big_csv() -> String {
    let mut csv = String::from("id,name,manager_id,title,team,team_name,department,level,cost\n");
    let mut row = |id: &str, name: &str, manager: &str, title: &str| {
        csv.push_str(&format!(
            "{id},{name},{manager},{title},core,Core,Engineering,L4,100000\n"
        ));
    };
    row("root", "Root", "", "Manager");
    for v in 0..4 {
        row(&format!("vp{v}"), &format!("VP {v}"), "root", "Manager");
        for d in 0..4 {
            let dir = format!("d{v}{d}");
            row(
                &dir,
                &format!("Director {v}{d}"),
                &format!("vp{v}"),
                "Manager",
            );
            for i in 0..5 {
                row(
                    &format!("ic{v}{d}{i}"),
                    &format!("IC {v}{d}{i}"),
                    &dir,
                    "Engineer",
                );
            }
        }
    }
    csv
}

impl OrgFixture {
    /// An org imported from `csv` as it is: no budgets, re-import, import
    /// warnings, dashboards or max-load setting.
    fn plain(name: &'static str, csv: impl Into<String>, states: Vec<State>) -> OrgFixture {
        OrgFixture {
            name,
            csv: csv.into(),
            budgets: &[],
            warnings: &[],
            reimport: None,
            max_load: None,
            dashboards: vec![],
            states,
        }
    }
}

pub fn all() -> Vec<OrgFixture> {
    let small_states = [
        small_states(),
        super::edits::small(),
        super::edits::small_under_workspace_settings(),
    ]
    .concat();
    let baseline = || vec![state(&[], vec![])];
    vec![
        OrgFixture::plain("small", SMALL, small_states),
        OrgFixture {
            budgets: &[("Engineering", 60_000_000), ("Finance", 40_000_000)],
            ..OrgFixture::plain("chart", CHART, vec![state(&["plan"], vec![])])
        },
        dashboard_org(),
        OrgFixture::plain("big", big_csv(), baseline()),
        OrgFixture {
            warnings: &["manager-not-found"],
            ..OrgFixture::plain(
                "placeholders",
                SMALL.replace("dan,Dan Diaz,ceo,", "dan,Dan Diaz,E900,"),
                vec![
                    state(&[], vec![]),
                    state(
                        &[],
                        vec![json!({"kind": "move", "person": "dan", "manager": "ann"})],
                    ),
                ],
            )
        },
        OrgFixture {
            reimport: Some(SMALL.replace(
                "dan,Dan Diaz,ceo,Engineer,core,Core,stream-aligned,Engineering,L4,104000,Berlin\n",
                "",
            )),
            ..OrgFixture::plain("dan-gone", SMALL, super::edits::dan_gone())
        },
        // A new workspace, before any import.
        OrgFixture::plain("empty", "", baseline()),
        OrgFixture::plain(
            "solo",
            "id,name,manager_id,title,level\nsolo,Solo Person,,Engineer,L4\n",
            // An org with no findings: the Health panel's empty state.
            vec![state(&["health", "teams"], vec![])],
        ),
        OrgFixture::plain(
            "spans",
            spans_csv(),
            vec![
                state(&["suggestions"], vec![]),
                // The default rebalancing, saved as a scenario, and what
                // is suggested there.
                state(
                    &["suggestions", "comparison"],
                    vec![json!({"kind": "saveSuggestion", "suggest": "spans"})],
                ),
            ],
        ),
        OrgFixture {
            max_load: Some(2),
            ..OrgFixture::plain(
                "staffplus",
                STAFF_PLUS,
                [staff_plus_states(), super::edits::staff_plus()].concat(),
            )
        },
    ]
}

/// The dashboard tests' org: one move, and the breakdowns they request.
fn dashboard_org() -> OrgFixture {
    let dashboard = |group_by: &str, rank_by: &str, top: u32| json!({"group_by": group_by, "rank_by": rank_by, "top": top, "out_of_band_limit": 100});
    OrgFixture {
        max_load: Some(1),
        dashboards: vec![
            dashboard("team", "headcount", 10),
            dashboard("team", "headcount", 2),
            dashboard("department", "headcount", 10),
            dashboard("department", "cost", 10),
            dashboard("department", "cost", 5),
        ],
        ..OrgFixture::plain(
            "dashboard",
            DASHBOARD,
            vec![
                state(&["dashboards", "health", "teams"], vec![]),
                state(
                    &["dashboards", "health", "teams"],
                    vec![json!({"kind": "move", "person": "r1", "manager": "m2"})],
                ),
                // Under a tight layer guidance: a deep-chain finding.
                State {
                    layer_guidance: Some("2"),
                    ..state(&["health", "teams"], vec![])
                },
            ],
        )
    }
}

/// The baseline, a move the scenario tests compare, the team edits of the
/// Teams view's tests, and edits whose metrics tests read.
fn small_states() -> Vec<State> {
    let create = |name: &str, kind: &str, department: Option<&str>| json!({"kind": "enter-team", "team": null, "name": name, "team_kind": kind, "department": department});
    let assign = |people: &[&str], team: &str| json!({"kind": "assign-team", "people": people, "team": team});
    let payments = create("Payments", "enabling", Some("Money"));
    let renamed = json!({"kind": "rename-team", "team": "team-payments", "name": "Payments Core"});
    let rekinded =
        json!({"kind": "set-team-kind", "team": "team-payments", "team_kind": "platform"});
    let dissolved = json!({"kind": "dissolve-team", "team": "team-payments"});
    let teams: &[&str] = &["teams"];
    vec![
        state(&["teams", "peopleTable", "plan"], vec![]),
        state(
            &["plan", "comparison"],
            vec![json!({"kind": "move", "person": "dan", "manager": "ann"})],
        ),
        state(teams, vec![payments.clone()]),
        state(teams, vec![payments.clone(), renamed.clone()]),
        state(
            teams,
            vec![payments.clone(), renamed.clone(), rekinded.clone()],
        ),
        state(teams, vec![payments, renamed, rekinded, dissolved]),
        state(teams, vec![assign(&["bob", "cat"], "payments")]),
        state(teams, vec![create("Payments", "platform", None)]),
        state(
            teams,
            vec![
                create("Payments", "platform", None),
                assign(&["bob"], "team-payments"),
            ],
        ),
        state(teams, vec![create("Core", "platform", None)]),
        // The metrics the chart and scenario tests read after an edit.
        state(
            &[],
            vec![json!({"kind": "move", "person": "bob", "manager": "dan"})],
        ),
        state(
            &["peopleTable"],
            vec![json!({"kind": "remove-person", "person": "cat"})],
        ),
        state(
            &[],
            vec![
                json!({"kind": "set-policy", "policy": {"band_min": 3, "band_max": 8, "max_load": 3, "team_min": 5, "team_max": 9}}),
            ],
        ),
    ]
}

fn staff_plus_states() -> Vec<State> {
    let support = |kind: &str, person: &str, team: &str| json!({"kind": kind, "person": person, "team": team});
    let board: &[&str] = &["staffPlus"];
    let previews: &[&str] = &["staffPlus", "staffPlusPreviews"];
    vec![
        // With the findings about teams the Health panel shows as members.
        state(
            &[
                "staffPlus",
                "staffPlusPreviews",
                "health",
                "teams",
                "suggestions",
            ],
            vec![],
        ),
        state(
            board,
            vec![
                json!({"kind": "edit-person", "person": "s3", "edit": {"field": "team", "value": "arch"}}),
            ],
        ),
        state(board, vec![support("add-support", "s3", "search")]),
        state(
            board,
            vec![
                support("add-support", "s3", "search"),
                support("remove-support", "s3", "search"),
            ],
        ),
        state(board, vec![support("add-support", "s1", "pay")]),
        state(
            previews,
            vec![json!({"kind": "saveWhatIf", "whatIf": "all-central"})],
        ),
        // The default placement suggestion, saved as a scenario, and
        // what is suggested there.
        state(
            &["staffPlus", "suggestions", "comparison"],
            vec![json!({"kind": "saveSuggestion", "suggest": "placement"})],
        ),
    ]
}
