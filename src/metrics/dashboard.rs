//! The dashboard's aggregates beyond the summary: the managers outside the
//! target band (worst first, capped), the staff+ load distribution, and
//! headcount and cost grouped by team or department (top N, the rest
//! folded into one row). Everything is O(n + teams log teams) over arrays
//! the metrics engine already holds, and the result is small whatever the
//! org's size: nothing per person beyond the capped out-of-band list.

use super::compute::LineState;
use super::coverage::TeamFigures;
use super::input::MetricsInput;
use super::Verdict;
use crate::model::Org;
use crate::money::Money;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// How the headcount and cost breakdown groups people.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    #[default]
    Team,
    Department,
}

/// Which figure ranks the breakdown's groups (largest first).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RankBy {
    #[default]
    Headcount,
    Cost,
}

/// What the dashboard asks for; the app's form sends it as it is, and
/// [`DashboardQuery::capped`] bounds what it may ask.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardQuery {
    pub group_by: GroupBy,
    pub rank_by: RankBy,
    /// Groups listed on their own; the rest are folded into one.
    pub top: usize,
    /// Out-of-band managers listed (the total is always given).
    pub out_of_band_limit: usize,
}

/// Groups a query may ask to list on their own.
pub const MAX_TOP: usize = 50;
/// Out-of-band managers a query may ask to list (the total is always given).
pub const MAX_OUT_OF_BAND: usize = 100;

impl DashboardQuery {
    /// This query with `top` and `out_of_band_limit` at most [`MAX_TOP`]
    /// and [`MAX_OUT_OF_BAND`]: the answer stays small whatever is asked.
    pub fn capped(self) -> DashboardQuery {
        DashboardQuery {
            top: self.top.min(MAX_TOP),
            out_of_band_limit: self.out_of_band_limit.min(MAX_OUT_OF_BAND),
            ..self
        }
    }
}

impl Default for DashboardQuery {
    fn default() -> Self {
        DashboardQuery {
            group_by: GroupBy::Team,
            rank_by: RankBy::Headcount,
            top: 10,
            out_of_band_limit: 100,
        }
    }
}

/// A manager whose span is outside the target band.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutOfBand {
    pub id: String,
    pub name: String,
    pub title: String,
    pub span: u32,
    /// `Narrow` or `Wide`.
    pub verdict: Verdict,
    /// How many reports below the band's minimum or above its maximum.
    pub distance: u32,
}

/// Headcount and cost of one group of counted people.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The team's or department's name; `None` for people with no team (or,
    /// by department, teams with no department).
    pub name: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub headcount: u64,
    pub cost: Money,
}

/// The groups beyond the top N, folded into one row.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rest {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub groups: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub headcount: u64,
    pub cost: Money,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    pub group_by: GroupBy,
    pub rank_by: RankBy,
    /// The top groups, largest first by `rank_by`.
    pub top: Vec<Group>,
    pub rest: Option<Rest>,
    /// Non-empty groups in all.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub groups: u64,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    /// Worst first: the largest distance from the band, then by id.
    pub out_of_band: Vec<OutOfBand>,
    /// Every manager outside the band (the list may be capped).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub out_of_band_total: u64,
    /// `load_histogram[k]` = counted staff+ engineers supporting k
    /// non-architecture teams; empty when there are none.
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub load_histogram: Vec<u64>,
    pub breakdown: Breakdown,
    /// False when no one has a cost: the breakdown's costs are then
    /// unknown, not zero (see [`super::cost_known`]).
    pub cost_known: bool,
}

/// Builds the dashboard from the engine's current state.
pub(crate) fn build(
    org: &Org,
    input: &MetricsInput,
    line: &LineState,
    teams: &TeamFigures,
    query: &DashboardQuery,
) -> Dashboard {
    let (out_of_band, out_of_band_total) = out_of_band(org, line, query.out_of_band_limit);
    Dashboard {
        out_of_band,
        out_of_band_total,
        load_histogram: load_histogram(input, line, teams),
        breakdown: breakdown(org, line, teams, query),
        cost_known: super::cost_known(org),
    }
}

fn out_of_band(org: &Org, line: &LineState, limit: usize) -> (Vec<OutOfBand>, u64) {
    let (min, max) = (org.policy.band_min, org.policy.band_max);
    // (distance, position) of every manager outside the band.
    let mut found: Vec<(u32, u32)> = line
        .span
        .iter()
        .zip(&line.included)
        .enumerate()
        .filter(|&(_, (&span, &counted))| counted && span > 0)
        .filter_map(|(position, (&span, _))| {
            let distance = match Verdict::of(span, min, max) {
                Verdict::Narrow => min - span,
                Verdict::Wide => span - max,
                Verdict::InBand => return None,
            };
            Some((distance, position as u32))
        })
        .collect();
    let total = found.len() as u64;
    let id_of = |position: u32| org.person_at(position).map(|p| p.id.as_str()).unwrap_or("");
    let worst_first =
        |a: &(u32, u32), b: &(u32, u32)| b.0.cmp(&a.0).then_with(|| id_of(a.1).cmp(id_of(b.1)));
    // Only the listed ones need sorting: at 100k people thousands may be out.
    if found.len() > limit && limit > 0 {
        found.select_nth_unstable_by(limit - 1, worst_first);
    }
    found.truncate(limit);
    found.sort_unstable_by(worst_first);
    let listed = found
        .into_iter()
        .filter_map(|(distance, position)| {
            let person = org.person_at(position)?;
            let span = line.span[position as usize];
            Some(OutOfBand {
                id: person.id.to_string(),
                name: person.name.to_string(),
                title: person.title.to_string(),
                span,
                verdict: Verdict::of(span, min, max),
                distance,
            })
        })
        .collect();
    (listed, total)
}

fn load_histogram(input: &MetricsInput, line: &LineState, teams: &TeamFigures) -> Vec<u64> {
    let mut histogram: Vec<u64> = Vec::new();
    for (person, &load) in teams.load.iter().enumerate() {
        if line.included[person] && input.staff_plus[person] {
            let load = load as usize;
            if histogram.len() <= load {
                histogram.resize(load + 1, 0);
            }
            histogram[load] += 1;
        }
    }
    histogram
}

fn breakdown(
    org: &Org,
    line: &LineState,
    teams: &TeamFigures,
    query: &DashboardQuery,
) -> Breakdown {
    let mut groups: Vec<Group> = match query.group_by {
        GroupBy::Team => org
            .teams()
            .iter()
            .enumerate()
            .map(|(t, team)| Group {
                name: Some(team.name.clone()),
                headcount: teams.headcount[t],
                cost: Money::from_cents(teams.cost[t]),
            })
            .collect(),
        GroupBy::Department => {
            let mut by_department: FxHashMap<Option<&str>, (u64, i64)> = FxHashMap::default();
            for (t, team) in org.teams().iter().enumerate() {
                let entry = by_department.entry(team.department.as_deref()).or_default();
                entry.0 += teams.headcount[t];
                entry.1 += teams.cost[t];
            }
            by_department
                .into_iter()
                .map(|(name, (headcount, cents))| Group {
                    name: name.map(str::to_string),
                    headcount,
                    cost: Money::from_cents(cents),
                })
                .collect()
        }
    };
    // People with no home team, so that the groups add up to the whole org.
    let in_teams: u64 = teams.headcount.iter().sum();
    let cents_in_teams: i64 = teams.cost.iter().sum();
    let no_team = Group {
        name: None,
        headcount: line.people - in_teams,
        cost: Money::from_cents(line.cost - cents_in_teams),
    };
    match groups.iter_mut().find(|g| g.name.is_none()) {
        Some(unnamed) => {
            unnamed.headcount += no_team.headcount;
            unnamed.cost = Money::from_cents(unnamed.cost.cents() + no_team.cost.cents());
        }
        None => groups.push(no_team),
    }
    groups.retain(|g| g.headcount > 0 || g.cost.cents() != 0);
    let key = |g: &Group| match query.rank_by {
        RankBy::Headcount => (g.headcount as i128, g.cost.cents() as i128),
        RankBy::Cost => (g.cost.cents() as i128, g.headcount as i128),
    };
    groups.sort_by(|a, b| key(b).cmp(&key(a)).then_with(|| a.name.cmp(&b.name)));
    let total = groups.len() as u64;
    let rest = (groups.len() > query.top).then(|| {
        let folded = groups.split_off(query.top);
        Rest {
            groups: folded.len() as u64,
            headcount: folded.iter().map(|g| g.headcount).sum(),
            cost: Money::from_cents(folded.iter().map(|g| g.cost.cents()).sum()),
        }
    });
    Breakdown {
        group_by: query.group_by,
        rank_by: query.rank_by,
        top: groups,
        rest,
        groups: total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    #[test]
    fn a_query_from_the_app_is_read_as_it_is_and_capped() {
        let query: DashboardQuery = serde_json::from_str(
            r#"{"group_by":"department","rank_by":"cost","top":1000,"out_of_band_limit":5000}"#,
        )
        .expect("parses");
        let capped = query.capped();
        assert_eq!(capped.group_by, GroupBy::Department);
        assert_eq!(capped.rank_by, RankBy::Cost);
        assert_eq!(
            (capped.top, capped.out_of_band_limit),
            (MAX_TOP, MAX_OUT_OF_BAND)
        );
        let small = DashboardQuery { top: 3, ..query }.capped();
        assert_eq!(small.top, 3);
    }
    use crate::metrics::{compute, MetricsEngine, View};
    use crate::model::{Ladder, Person, PersonId, Policy, Team, TeamId, TeamKind};
    use proptest::prelude::*;

    fn team(id: &str, department: Option<&str>, kind: TeamKind) -> Team {
        Team {
            id: TeamId::from(id),
            name: format!("{id} team"),
            kind,
            lead: None,
            department: department.map(str::to_string),
        }
    }

    /// `ceo` has 10 reports (wide by 2); `m1` has 1 (narrow by 4); `m2` and
    /// `m3` have 3 (narrow by 2); `m4` has 6 (in band). Teams: `a` (Eng),
    /// `b` (Eng), `c` (Sales), and people with no team.
    fn sample() -> Org {
        let mut org = Org::new();
        org.add_team(team("a", Some("Eng"), TeamKind::StreamAligned))
            .expect("present");
        org.add_team(team("b", Some("Eng"), TeamKind::StreamAligned))
            .expect("present");
        org.add_team(team("c", Some("Sales"), TeamKind::StreamAligned))
            .expect("present");
        org.add_team(team("arch", None, TeamKind::Architecture))
            .expect("present");
        let add =
            |org: &mut Org, id: String, manager: Option<&str>, team: Option<&str>, cents: i64| {
                let mut person = Person::new(id.as_str());
                person.name = format!("Name {id}").as_str().into();
                person.team = team.map(TeamId::from);
                person.cost = Some(Money::from_cents(cents));
                org.add_person(person).expect("present");
                if let Some(m) = manager {
                    org.move_person(&PersonId::new(id), Some(&PersonId::new(m)))
                        .expect("present");
                }
            };
        add(&mut org, "ceo".into(), None, None, 1000);
        for m in ["m1", "m2", "m3", "m4"] {
            add(&mut org, m.into(), Some("ceo"), Some("a"), 100);
        }
        for i in 0..6 {
            add(&mut org, format!("x{i}"), Some("ceo"), Some("c"), 10);
        }
        add(&mut org, "r1".into(), Some("m1"), Some("a"), 100);
        for m in ["m2", "m3"] {
            for i in 0..3 {
                add(&mut org, format!("{m}r{i}"), Some(m), Some("b"), 50);
            }
        }
        for i in 0..6 {
            add(&mut org, format!("m4r{i}"), Some("m4"), None, 1);
        }
        org
    }

    fn dashboard(org: &Org, query: &DashboardQuery) -> Dashboard {
        MetricsEngine::new(org, View::Current).dashboard(org, query)
    }

    #[test]
    fn the_cost_is_unknown_only_when_no_one_has_one() {
        let mut org = sample();
        assert!(dashboard(&org, &DashboardQuery::default()).cost_known);
        let no_cost = |org: &mut Org, id: &PersonId| {
            let change = crate::scenario::Change::EditPerson {
                person: id.clone(),
                edit: crate::scenario::PersonEdit::Cost(None),
                was: None,
            };
            crate::scenario::apply(org, &change).expect("applies");
        };
        let ids: Vec<PersonId> = org.people().map(|p| p.id.clone()).collect();
        for id in &ids[1..] {
            no_cost(&mut org, id);
        }
        assert!(dashboard(&org, &DashboardQuery::default()).cost_known);
        no_cost(&mut org, &ids[0]);
        assert!(!dashboard(&org, &DashboardQuery::default()).cost_known);
    }

    #[test]
    fn out_of_band_managers_come_worst_first_then_by_id() {
        let org = sample();
        let d = dashboard(&org, &DashboardQuery::default());
        let listed: Vec<(&str, u32, Verdict, u32)> = d
            .out_of_band
            .iter()
            .map(|m| (m.id.as_str(), m.span, m.verdict, m.distance))
            .collect();
        assert_eq!(
            listed,
            vec![
                ("m1", 1, Verdict::Narrow, 4),
                ("ceo", 10, Verdict::Wide, 2),
                ("m2", 3, Verdict::Narrow, 2),
                ("m3", 3, Verdict::Narrow, 2),
            ]
        );
        assert_eq!(d.out_of_band_total, 4);
        assert_eq!(d.out_of_band[0].name, "Name m1");
    }

    #[test]
    fn the_out_of_band_list_is_capped_but_the_total_is_not() {
        let org = sample();
        let query = DashboardQuery {
            out_of_band_limit: 2,
            ..DashboardQuery::default()
        };
        let d = dashboard(&org, &query);
        let ids: Vec<&str> = d.out_of_band.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["m1", "ceo"]);
        assert_eq!(d.out_of_band_total, 4);
        let none = dashboard(
            &org,
            &DashboardQuery {
                out_of_band_limit: 0,
                ..query
            },
        );
        assert!(none.out_of_band.is_empty());
        assert_eq!(none.out_of_band_total, 4);
    }

    #[test]
    fn teams_rank_by_headcount_with_the_rest_folded() {
        let org = sample();
        let query = DashboardQuery {
            top: 2,
            ..DashboardQuery::default()
        };
        let b = dashboard(&org, &query).breakdown;
        let top: Vec<(Option<&str>, u64, i64)> = b
            .top
            .iter()
            .map(|g| (g.name.as_deref(), g.headcount, g.cost.cents()))
            .collect();
        // a: m1..m4 + r1 = 5; b: 6; c: 6; no team: ceo + m4's 6 = 7.
        assert_eq!(top, vec![(None, 7, 1006), (Some("b team"), 6, 300)]);
        assert_eq!(
            b.rest,
            Some(Rest {
                groups: 2,
                headcount: 11,
                cost: Money::from_cents(560)
            })
        );
        // Empty teams (the architecture group here) are left out.
        assert_eq!(b.groups, 4);
    }

    #[test]
    fn departments_rank_by_cost_and_add_up_to_the_org() {
        let org = sample();
        let query = DashboardQuery {
            group_by: GroupBy::Department,
            rank_by: RankBy::Cost,
            top: 10,
            ..DashboardQuery::default()
        };
        let b = dashboard(&org, &query).breakdown;
        let top: Vec<(Option<&str>, u64, i64)> = b
            .top
            .iter()
            .map(|g| (g.name.as_deref(), g.headcount, g.cost.cents()))
            .collect();
        // Eng = a + b = 11 people, 800; Sales = 6, 60; the no-team people
        // and the architecture team (no department) share the unnamed row.
        assert_eq!(
            top,
            vec![
                (None, 7, 1006),
                (Some("Eng"), 11, 800),
                (Some("Sales"), 6, 60)
            ]
        );
        assert_eq!(b.rest, None);
        let summary = compute(&org, View::Current);
        assert_eq!(
            b.top.iter().map(|g| g.headcount).sum::<u64>(),
            summary.people
        );
        assert_eq!(
            b.top.iter().map(|g| g.cost.cents()).sum::<i64>(),
            summary.cost.cents()
        );
    }

    #[test]
    fn load_histogram_counts_staff_plus_engineers_by_teams_supported() {
        let mut org = sample();
        for (id, level, team) in [
            ("s1", "IC4", "a"),
            ("s2", "IC5", "arch"),
            ("s3", "IC4", "b"),
        ] {
            let mut person = Person::new(id);
            person.level = level.into();
            person.team = Some(TeamId::from(team));
            org.add_person(person).expect("present");
        }
        // s1 supports a (home) + b + c; s2 (central) supports b; s3 only b.
        for (who, t) in [("s1", "b"), ("s1", "c"), ("s2", "b")] {
            org.add_support(&PersonId::new(who), &TeamId::from(t))
                .expect("present");
        }
        let d = dashboard(&org, &DashboardQuery::default());
        assert_eq!(d.load_histogram, vec![0, 2, 0, 1]);
        let without = dashboard(&sample(), &DashboardQuery::default());
        assert!(without.load_histogram.is_empty());
    }

    fn generated(people: usize, seed: u64) -> Org {
        let records = generate::generate(people, seed);
        Org::from_records(records, "gen", Ladder::default(), Policy::default())
            .expect("generated orgs validate")
            .0
    }

    /// The dashboard agrees with the full report's per-manager, per-team
    /// and per-engineer lists.
    #[test]
    fn a_generated_org_agrees_with_the_full_report() {
        let org = generated(2_000, 3);
        let report = compute(&org, View::Current);
        let query = DashboardQuery {
            top: usize::MAX,
            out_of_band_limit: usize::MAX,
            ..DashboardQuery::default()
        };
        let d = dashboard(&org, &query);
        assert_eq!(d.out_of_band_total, report.band.narrow + report.band.wide);
        let mut expected: Vec<(u32, &str)> = report
            .span_by_manager
            .iter()
            .filter(|m| m.verdict != Verdict::InBand)
            .map(|m| {
                let distance = if m.verdict == Verdict::Narrow {
                    report.band.min - m.span
                } else {
                    m.span - report.band.max
                };
                (distance, m.id.as_str())
            })
            .collect();
        expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let got: Vec<(u32, &str)> = d
            .out_of_band
            .iter()
            .map(|m| (m.distance, m.id.as_str()))
            .collect();
        assert_eq!(got, expected);

        let mut loads = vec![0u64; d.load_histogram.len()];
        for s in &report.coverage.load {
            loads[s.load as usize] += 1;
        }
        assert_eq!(d.load_histogram, loads);
        assert_eq!(
            d.load_histogram.iter().sum::<u64>(),
            report.coverage.staff_plus
        );

        for group in &d.breakdown.top {
            if let Some(name) = &group.name {
                let team = report
                    .teams
                    .iter()
                    .find(|t| &t.name == name)
                    .expect("present");
                assert_eq!((group.headcount, group.cost), (team.headcount, team.cost));
            }
        }
        assert_eq!(
            d.breakdown.top.iter().map(|g| g.headcount).sum::<u64>(),
            report.people
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// After moves, the engine's incremental state gives the same
        /// dashboard as a fresh computation, and its figures agree with the
        /// full report.
        #[test]
        fn moves_keep_the_dashboard_equal_to_a_recompute(
            seed in 0u64..1000,
            moves in proptest::collection::vec((any::<proptest::sample::Index>(), any::<proptest::sample::Index>()), 1..12),
        ) {
            let mut org = generated(300, seed);
            let mut engine = MetricsEngine::new(&org, View::Current);
            let ids: Vec<PersonId> = org.people().map(|p| p.id.clone()).collect();
            for (who, to) in moves {
                let (person, manager) = (&ids[who.index(ids.len())], &ids[to.index(ids.len())]);
                if org.move_person(person, Some(manager)).is_ok() {
                    let at = org.position_of(person).expect("present");
                    let manager_at = org.position_of(manager);
                    engine.apply_move(at, manager_at);
                }
            }
            let query = DashboardQuery { top: 5, out_of_band_limit: 20, ..DashboardQuery::default() };
            let d = engine.dashboard(&org, &query);
            prop_assert_eq!(&d, &dashboard(&org, &query));
            // The definitions of docs/METRICS.md against the full report.
            let report = compute(&org, View::Current);
            prop_assert_eq!(d.out_of_band_total, report.band.narrow + report.band.wide);
            prop_assert!(d.out_of_band.windows(2).all(|w| w[0].distance >= w[1].distance));
            prop_assert_eq!(d.load_histogram.iter().sum::<u64>(), report.coverage.staff_plus);
            let b = &d.breakdown;
            let rest = b.rest.as_ref();
            prop_assert_eq!(
                b.top.iter().map(|g| g.headcount).sum::<u64>() + rest.map_or(0, |r| r.headcount),
                report.people
            );
            prop_assert_eq!(
                b.top.iter().map(|g| g.cost.cents()).sum::<i64>() + rest.map_or(0, |r| r.cost.cents()),
                report.cost.cents()
            );
            prop_assert_eq!(b.top.len() as u64 + rest.map_or(0, |r| r.groups), b.groups);
        }
    }
}
