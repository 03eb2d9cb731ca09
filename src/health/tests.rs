//! Each check on a small hand-built org, asserting the exact people or
//! teams and the count; then the counts against the metrics' own figures
//! on a generated org.

use super::*;
use crate::model::{Ladder, Person, Policy, Status, Team, TeamKind};

/// People as (id, manager, level, status, team); managers are listed
/// before their reports.
fn org_of(people: &[(&str, &str, &str, Status, &str)], teams: &[(&str, TeamKind, &str)]) -> Org {
    let mut org = Org::new();
    for &(id, kind, lead) in teams {
        org.add_team(Team {
            id: TeamId::from(id),
            name: format!("Team {id}"),
            kind,
            lead: (!lead.is_empty()).then(|| PersonId::new(lead)),
            department: None,
        })
        .expect("unique team");
    }
    for &(id, _, level, status, team) in people {
        let mut person = Person::new(id);
        person.name = format!("Name {id}").as_str().into();
        person.level = level.into();
        person.status = status;
        person.team = (!team.is_empty()).then(|| TeamId::from(team));
        org.add_person(person).expect("unique person");
    }
    for &(id, manager, ..) in people {
        if !manager.is_empty() {
            org.move_person(&PersonId::new(id), Some(&PersonId::new(manager)))
                .expect("a forest");
        }
    }
    org
}

fn active<'a>(id: &'a str, manager: &'a str) -> (&'a str, &'a str, &'a str, Status, &'a str) {
    (id, manager, "", Status::Active, "")
}

fn ids(people: &[PersonId]) -> Vec<&str> {
    people.iter().map(PersonId::as_str).collect()
}

fn team_ids(teams: &[TeamId]) -> Vec<&str> {
    teams.iter().map(TeamId::as_str).collect()
}

/// The finding `id` of `org` with the default guidance: (people, teams,
/// count), or `None` when the check found nothing.
fn found(org: &Org, id: CheckId) -> Option<(Vec<String>, Vec<String>, u64)> {
    let health = check(org, &LayerGuidance::default());
    health.finding(id).map(|f| {
        (
            ids(&f.people).into_iter().map(String::from).collect(),
            team_ids(&f.teams).into_iter().map(String::from).collect(),
            f.count,
        )
    })
}

fn people_found(org: &Org, id: CheckId) -> (Vec<String>, u64) {
    let (people, teams, count) = found(org, id).expect("a finding");
    assert!(teams.is_empty(), "{id} lists people only");
    (people, count)
}

fn teams_found(org: &Org, id: CheckId) -> (Vec<String>, u64) {
    let (people, teams, count) = found(org, id).expect("a finding");
    assert!(people.is_empty(), "{id} lists teams only");
    (teams, count)
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Band 2-3. `a` has b, c, e and, through the departing d, x: span 4.
/// `b` has only f (a departing g does not count). `c` has h and i (and an
/// open req that does not count yet).
fn spans_org() -> Org {
    let mut org = org_of(
        &[
            active("a", ""),
            active("b", "a"),
            active("c", "a"),
            ("d", "a", "", Status::Departing, ""),
            active("e", "a"),
            active("x", "d"),
            active("f", "b"),
            ("g", "b", "", Status::Departing, ""),
            active("h", "c"),
            active("i", "c"),
            ("o", "c", "", Status::Open, ""),
        ],
        &[],
    );
    org.policy = Policy {
        band_min: 2,
        band_max: 3,
        ..Policy::default()
    };
    org
}

#[test]
fn span_wide_lists_managers_above_the_band_counting_effective_reports() {
    assert_eq!(
        people_found(&spans_org(), CheckId::SpanWide),
        (strings(&["a"]), 1)
    );
}

#[test]
fn span_narrow_lists_managers_below_the_band() {
    assert_eq!(
        people_found(&spans_org(), CheckId::SpanNarrow),
        (strings(&["b"]), 1)
    );
}

#[test]
fn single_report_manager_lists_managers_with_one_counted_report() {
    let org = spans_org();
    assert_eq!(
        people_found(&org, CheckId::SingleReportManager),
        (strings(&["b"]), 1)
    );
    let health = check(&org, &LayerGuidance::default());
    let finding = health.finding(CheckId::SingleReportManager).expect("found");
    assert_eq!(
        finding.message,
        "1 manager has one direct report: a layer that adds no span"
    );
}

#[test]
fn compression_compares_ranks_on_the_same_track_only() {
    let org = org_of(
        &[
            ("m", "", "M3", Status::Active, ""),
            // Same rank, same track.
            ("same", "m", "M3", Status::Active, ""),
            // Ranked above the manager.
            ("above", "m", "m4", Status::Active, ""),
            // Another track: not judged.
            ("ic", "m", "IC5", Status::Active, ""),
            ("peer", "ic", "IC5", Status::Active, ""),
            // A level the ladder lacks: not judged.
            ("odd", "peer", "X9", Status::Active, ""),
            ("junior", "same", "M2", Status::Active, ""),
            // Not counted today.
            ("req", "m", "M5", Status::Open, ""),
            // Under a departing IC4, the effective manager is `ic` (IC5).
            ("leaving", "ic", "IC4", Status::Departing, ""),
            ("under", "leaving", "IC6", Status::Active, ""),
        ],
        &[],
    );
    assert_eq!(
        people_found(&org, CheckId::Compression),
        (strings(&["same", "above", "peer", "under"]), 4)
    );
}

fn chain(length: usize, departing: Option<usize>) -> Org {
    let names: Vec<String> = (0..length).map(|i| format!("p{i}")).collect();
    let people: Vec<_> = (0..length)
        .map(|i| {
            let status = if Some(i) == departing {
                Status::Departing
            } else {
                Status::Active
            };
            let manager = if i == 0 { "" } else { names[i - 1].as_str() };
            (names[i].as_str(), manager, "", status, "")
        })
        .collect();
    org_of(&people, &[])
}

#[test]
fn deep_chain_lists_people_below_the_layers_the_guidance_allows() {
    // Seven people: the default guidance allows 5 layers.
    assert_eq!(
        people_found(&chain(7, None), CheckId::DeepChain),
        (strings(&["p5", "p6"]), 2)
    );
    // A departing person in the middle takes a layer out.
    assert_eq!(
        people_found(&chain(7, Some(2)), CheckId::DeepChain),
        (strings(&["p6"]), 1)
    );
    assert_eq!(found(&chain(5, None), CheckId::DeepChain), None);
    let tight = LayerGuidance {
        steps: vec![LayerStep {
            up_to: 3,
            layers: 1,
        }],
        above: 6,
    };
    let health = check(&chain(7, None), &tight);
    let finding = health.finding(CheckId::DeepChain).expect("found");
    assert_eq!(ids(&finding.people), ["p6"]);
    assert_eq!(
        finding.message,
        "1 person is more than 6 layers from the top (the guidance for 7 people): every layer slows decisions and dilutes context"
    );
}

/// Teams: pay and search (stream-aligned), billing (platform), growth
/// (stream-aligned), sales (non-engineering), arch (architecture).
/// Max load 1.
fn coverage_org() -> Org {
    let teams = [
        ("pay", TeamKind::StreamAligned, ""),
        ("search", TeamKind::StreamAligned, ""),
        ("billing", TeamKind::Platform, ""),
        ("growth", TeamKind::StreamAligned, ""),
        ("sales", TeamKind::NonEngineering, ""),
        ("arch", TeamKind::Architecture, ""),
    ];
    let mut org = org_of(
        &[
            ("cto", "", "M7", Status::Active, ""),
            ("central", "cto", "IC5", Status::Active, "arch"),
            ("embedded", "cto", "IC4", Status::Active, "billing"),
            ("leaving", "cto", "IC6", Status::Departing, "arch"),
            ("busy", "cto", "IC4", Status::Active, "pay"),
        ],
        &teams,
    );
    let support = |org: &mut Org, person: &str, team: &str| {
        org.add_support(&PersonId::new(person), &TeamId::from(team))
            .expect("known");
    };
    // central: pay and search, load 2 (the architecture group is not load).
    support(&mut org, "central", "pay");
    support(&mut org, "central", "search");
    support(&mut org, "central", "sales");
    // busy: home team pay plus billing, load 2.
    support(&mut org, "busy", "billing");
    // A departing engineer's support does not cover growth.
    support(&mut org, "leaving", "growth");
    org.policy.max_load = 1;
    org
}

#[test]
fn uncovered_team_lists_engineering_teams_nobody_counted_supports() {
    assert_eq!(
        teams_found(&coverage_org(), CheckId::UncoveredTeam),
        (strings(&["growth"]), 1)
    );
}

#[test]
fn overloaded_staff_plus_lists_engineers_above_the_max_load() {
    assert_eq!(
        people_found(&coverage_org(), CheckId::OverloadedStaffPlus),
        (strings(&["central", "busy"]), 2)
    );
}

#[test]
fn team_without_lead_lists_teams_without_a_counted_lead() {
    let org = org_of(
        &[
            active("lead", ""),
            ("req", "lead", "", Status::Open, ""),
            ("gone", "lead", "", Status::Departing, ""),
        ],
        &[
            ("led", TeamKind::StreamAligned, "lead"),
            ("none", TeamKind::Platform, ""),
            ("ghost", TeamKind::StreamAligned, "nobody"),
            ("open", TeamKind::Architecture, "req"),
            ("leaving", TeamKind::NonEngineering, "gone"),
        ],
    );
    assert_eq!(
        teams_found(&org, CheckId::TeamWithoutLead),
        (strings(&["none", "ghost", "open", "leaving"]), 4)
    );
}

#[test]
fn team_without_lead_is_one_finding_about_the_source_when_no_team_names_a_lead() {
    let org = org_of(
        &[("a", "", "", Status::Active, "one")],
        &[
            ("one", TeamKind::StreamAligned, ""),
            ("two", TeamKind::Platform, ""),
            ("three", TeamKind::Architecture, ""),
        ],
    );
    let health = check(&org, &LayerGuidance::default());
    let finding = health.finding(CheckId::TeamWithoutLead).expect("a finding");
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(finding.count, 3);
    assert!(finding.teams.is_empty() && finding.people.is_empty());
    assert_eq!(
        finding.message,
        "the source names no team leads (no `leads` column, or nobody listed in it): 3 teams are without one; add the leads to see who is accountable for each"
    );
    // One lead named anywhere, even one not in the org: the source does
    // name leads, so each team without a counted one is its own problem.
    let org = org_of(
        &[("a", "", "", Status::Active, "one")],
        &[
            ("one", TeamKind::StreamAligned, ""),
            ("two", TeamKind::Platform, "nobody"),
        ],
    );
    assert_eq!(
        teams_found(&org, CheckId::TeamWithoutLead),
        (strings(&["one", "two"]), 2)
    );
    // No teams: nothing to say.
    let org = org_of(&[active("a", "")], &[]);
    assert_eq!(found(&org, CheckId::TeamWithoutLead), None);
}

#[test]
fn team_size_out_of_target_lists_teams_below_and_above() {
    let mut org = org_of(
        &[
            ("a1", "", "", Status::Active, "small"),
            ("b1", "a1", "", Status::Active, "fine"),
            ("b2", "a1", "", Status::Active, "fine"),
            ("b3", "a1", "", Status::Open, "fine"),
            ("c1", "a1", "", Status::Active, "big"),
            ("c2", "a1", "", Status::Active, "big"),
            ("c3", "a1", "", Status::Active, "big"),
            ("c4", "a1", "", Status::Active, "big"),
        ],
        &[
            ("small", TeamKind::StreamAligned, "a1"),
            ("fine", TeamKind::StreamAligned, "b1"),
            ("big", TeamKind::Architecture, "c1"),
            ("empty", TeamKind::Platform, "a1"),
        ],
    );
    org.policy.team_min = 2;
    org.policy.team_max = 3;
    assert_eq!(
        teams_found(&org, CheckId::TeamSizeOutOfTarget),
        (strings(&["small", "big", "empty"]), 3)
    );
    let health = check(&org, &LayerGuidance::default());
    let message = &health
        .finding(CheckId::TeamSizeOutOfTarget)
        .expect("found")
        .message;
    assert!(message.starts_with("3 teams are outside the 2-3 member target (2 below, 1 above)"));
}

#[test]
fn open_req_under_wide_manager_lists_hires_widening_a_wide_span() {
    let mut org = org_of(
        &[
            active("top", ""),
            // m: 2 reports, in band; the open req would make it 3.
            active("m", "top"),
            active("m1", "m"),
            active("m2", "m"),
            ("o1", "m", "", Status::Open, ""),
            // n: 1 report plus a planned hire: 2, in band.
            active("n", "top"),
            active("n1", "n"),
            ("p1", "n", "", Status::Planned, ""),
            // w: already 3; a manager req under it, with a hire under
            // that req (the req's own span is 1).
            active("w", "m1"),
            active("w1", "w"),
            active("w2", "w"),
            active("w3", "w"),
            ("o2", "w", "", Status::Open, ""),
            ("p2", "o2", "", Status::Planned, ""),
            // Departing people are in neither view.
            ("d", "w", "", Status::Departing, ""),
        ],
        &[],
    );
    org.policy.band_min = 1;
    org.policy.band_max = 2;
    assert_eq!(
        people_found(&org, CheckId::OpenReqUnderWideManager),
        (strings(&["o1", "o2"]), 2)
    );
}

#[test]
fn findings_come_in_check_order_with_their_severity_and_nothing_empty() {
    let health = check(&spans_org(), &LayerGuidance::default());
    let listed: Vec<(&str, Severity)> = health
        .findings
        .iter()
        .map(|f| (f.id.as_str(), f.severity))
        .collect();
    assert_eq!(
        listed,
        [
            ("span-wide", Severity::Error),
            ("span-narrow", Severity::Warning),
            ("single-report-manager", Severity::Warning),
        ]
    );
    assert_eq!(health.worst(), Some(Severity::Error));
    assert!(health.findings.iter().all(|f| f.count > 0));
    assert_eq!(
        check(&Org::new(), &LayerGuidance::default()),
        Health {
            findings: Vec::new(),
            layers: LayerGuidance::default().limit(0),
        }
    );
}

#[test]
fn severities_follow_the_documented_rule() {
    let errors: Vec<&str> = CheckId::ALL
        .into_iter()
        .filter(|id| id.severity() == Severity::Error)
        .map(CheckId::as_str)
        .collect();
    assert_eq!(errors, ["span-wide", "deep-chain", "overloaded-staff-plus"]);
    for id in CheckId::ALL {
        let json = serde_json::to_string(&id).expect("json");
        assert_eq!(json, format!("\"{id}\""));
    }
}

#[test]
fn the_json_has_exactly_the_documented_shape() {
    let health = check(&spans_org(), &LayerGuidance::default());
    let json = serde_json::to_value(&health).expect("json");
    assert_eq!(
        json["findings"][0],
        serde_json::json!({
            "id": "span-wide",
            "severity": "error",
            "count": 1,
            "people": ["a"],
            "teams": [],
            "message": "1 manager has more than 3 direct reports (band 2-3): too many to support each one well",
        })
    );
}

#[test]
fn counts_equal_the_metrics_figures_on_a_generated_org() {
    let records = crate::generate::generate(3_000, 11);
    let org = Org::from_records(records, "gen", Ladder::default(), Policy::default())
        .expect("generated orgs validate")
        .0;
    let metrics = crate::metrics::compute(&org, View::Current);
    let health = check(&org, &LayerGuidance::default());
    let count = |id| health.finding(id).map_or(0, |f| f.count);
    assert_eq!(count(CheckId::SpanWide), metrics.band.wide);
    assert_eq!(count(CheckId::SpanNarrow), metrics.band.narrow);
    assert_eq!(
        count(CheckId::SingleReportManager),
        metrics.band.single_report
    );
    assert_eq!(count(CheckId::UncoveredTeam), metrics.coverage.uncovered);
    assert_eq!(
        count(CheckId::OverloadedStaffPlus),
        metrics.coverage.overloaded
    );
    assert_eq!(
        count(CheckId::TeamSizeOutOfTarget),
        metrics.team_size.below + metrics.team_size.above
    );
    let allowed = LayerGuidance::default().allowed(metrics.people);
    let deeper: u64 = metrics.people_per_layer.iter().skip(allowed as usize).sum();
    assert_eq!(count(CheckId::DeepChain), deeper);
    // The generator's file names no team leads: one finding about the
    // source, counting every team and listing none.
    let leads = health
        .finding(CheckId::TeamWithoutLead)
        .expect("no team has a lead");
    assert_eq!(leads.count, org.teams().len() as u64);
    assert!(
        leads.teams.is_empty(),
        "the teams are not listed one by one"
    );
    for finding in health
        .findings
        .iter()
        .filter(|f| f.id != CheckId::TeamWithoutLead)
    {
        assert_eq!(
            finding.count,
            (finding.people.len() + finding.teams.len()) as u64,
            "{}",
            finding.id
        );
    }
}

/// Counts reach TypeScript as numbers (JSON carries no bigint).
#[cfg(feature = "ts")]
#[test]
fn typescript_sees_counts_as_numbers() {
    use ts_rs::TS;
    let config = ts_rs::Config::default();
    let finding = HealthFinding::decl(&config);
    assert!(finding.contains("count: number"), "{finding}");
    let step = LayerStep::decl(&config);
    assert!(step.contains("up_to: number"), "{step}");
}
