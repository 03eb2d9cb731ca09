//! What the people table needs beyond the chart's node records: location,
//! annual cost, start date and home team of everyone, in node index order
//! (the order of [`Org::people`], the same as [`crate::chart::nodes`]), plus
//! the teams a person can be put in.
//!
//! Columnar on purpose: at 100k people a struct per person would repeat every
//! field name in the JSON, and locations and teams repeat across thousands of
//! people, so each is sent once and referred to by position.

mod details;

pub use details::{person_details, PersonDetails, PersonRef};

use crate::date::NaiveDate;
use crate::model::{Org, TeamId};
use serde::Serialize;
use std::collections::HashMap;

/// One team a person can belong to.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamEntry {
    pub id: TeamId,
    pub name: String,
}

/// The table's extra columns, one entry per person in node index order.
/// Unlike the app's other views it carries individual compensation
/// (`cost_cents`): HR and directors see and edit cost in the table. Never
/// log it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PeopleTable {
    /// Every team: the org's teams in their order, then any team id people
    /// carry that the org does not define (named by its id, as the chart does).
    pub teams: Vec<TeamEntry>,
    /// The distinct locations, first use first.
    pub locations: Vec<String>,
    /// Position in `teams` of each person's home team, `None` for no team.
    pub team: Vec<Option<u32>>,
    /// Position in `locations` of each person's location.
    pub location: Vec<u32>,
    /// Annual cost in cents, `None` when unknown (exact in a JS number up
    /// to 2^53).
    #[cfg_attr(feature = "ts", ts(type = "Array<number | null>"))]
    pub cost_cents: Vec<Option<i64>>,
    /// Start date: hire date, or the target date of an open req or planned hire.
    pub start_date: Vec<Option<NaiveDate>>,
}

impl PeopleTable {
    pub fn len(&self) -> usize {
        self.location.len()
    }

    pub fn is_empty(&self) -> bool {
        self.location.is_empty()
    }
}

/// The people table's columns for everyone in `org`. O(n): locations and
/// teams are looked up in hash maps keyed by the shared strings.
pub fn people_table(org: &Org) -> PeopleTable {
    let mut teams: Vec<TeamEntry> = org
        .teams()
        .iter()
        .map(|t| TeamEntry {
            id: t.id.clone(),
            name: t.name.clone(),
        })
        .collect();
    let mut team_index: HashMap<TeamId, u32> = teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i as u32))
        .collect();
    let mut location_index: HashMap<&str, u32> = HashMap::new();
    let mut table = PeopleTable {
        location: Vec::with_capacity(org.len()),
        team: Vec::with_capacity(org.len()),
        cost_cents: Vec::with_capacity(org.len()),
        start_date: Vec::with_capacity(org.len()),
        ..PeopleTable::default()
    };
    for person in org.people() {
        let next = table.locations.len() as u32;
        let location = *location_index
            .entry(person.location.as_ref())
            .or_insert_with(|| {
                table.locations.push(person.location.to_string());
                next
            });
        table.location.push(location);
        table.team.push(person.team.as_ref().map(|id| {
            *team_index.entry(id.clone()).or_insert_with(|| {
                teams.push(TeamEntry {
                    id: id.clone(),
                    name: id.as_str().to_string(),
                });
                (teams.len() - 1) as u32
            })
        }));
        table.cost_cents.push(person.cost.map(|c| c.cents()));
        table.start_date.push(person.start_date);
    }
    table.teams = teams;
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Person, Policy, Team, TeamKind};
    use crate::money::Money;
    use std::sync::Arc;

    fn person(id: &str, location: &str, team: Option<&str>, cost: Option<i64>) -> Person {
        let mut p = Person::new(id);
        p.location = Arc::from(location);
        p.team = team.map(TeamId::from);
        p.cost = cost.map(Money::from_cents);
        p
    }

    fn org() -> Org {
        let mut org = Org::new();
        org.add_team(Team {
            id: TeamId::from("t1"),
            name: "Payments".into(),
            kind: TeamKind::StreamAligned,
            lead: None,
            department: None,
        })
        .expect("team");
        org.add_person(person("a", "Berlin", Some("t1"), Some(12_000_050)))
            .expect("a");
        org.add_person(person("b", "Paris", None, None)).expect("b");
        let mut c = person("c", "Berlin", Some("ghost"), Some(1));
        c.start_date = NaiveDate::from_ymd_opt(2027, 2, 1);
        org.add_person(c).expect("c");
        org
    }

    #[test]
    fn columns_follow_node_order_and_share_locations_and_teams() {
        let org = org();
        let table = people_table(&org);
        assert_eq!(table.len(), 3);
        assert_eq!(table.locations, ["Berlin", "Paris"]);
        assert_eq!(table.location, [0, 1, 0]);
        assert_eq!(table.cost_cents, [Some(12_000_050), None, Some(1)]);
        assert_eq!(table.start_date[2], NaiveDate::from_ymd_opt(2027, 2, 1));
        assert_eq!(table.start_date[0], None);
        // A team no one defined is still offered, named by its id.
        let names: Vec<&str> = table.teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Payments", "ghost"]);
        assert_eq!(table.team, [Some(0), None, Some(1)]);
    }

    #[test]
    fn rows_line_up_with_the_chart_nodes_after_a_removal() {
        let mut org = org();
        org.remove_person(&"a".into()).expect("removed");
        let table = people_table(&org);
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let nodes = crate::chart::nodes(&org, &metrics);
        assert_eq!(table.len(), nodes.len());
        for (i, node) in nodes.iter().enumerate() {
            let person = org.person(&node.id.as_str().into()).expect("exists");
            assert_eq!(table.cost_cents[i], person.cost.map(Money::cents));
            assert_eq!(
                table.locations[table.location[i] as usize],
                person.location.as_ref()
            );
            let team = table.team[i].map(|t| table.teams[t as usize].name.clone());
            assert_eq!(team, node.team, "team of {}", node.id);
        }
    }

    #[test]
    fn a_generated_org_is_tabled_in_linear_time() {
        let records = crate::generate::generate(20_000, 3);
        let (org, _) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        let started = std::time::Instant::now();
        let table = people_table(&org);
        // What the app sends: the table's JSON.
        let json = serde_json::to_vec(&table).expect("serialises");
        let took = started.elapsed();
        assert!(json.len() < 64 * org.len(), "{} bytes", json.len());
        assert_eq!(table.len(), org.len());
        assert!(table.locations.len() < 1_000, "locations are shared");
        assert!(table.cost_cents.iter().any(Option::is_some));
        // Generous: a debug build on a busy machine; release is ~100x faster.
        assert!(took.as_secs_f64() < 2.0, "took {took:?}");
    }
}
