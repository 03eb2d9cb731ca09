//! The people table's extra columns. Unlike every other DTO this one carries
//! individual compensation (`costCents`): HR and directors see and edit cost
//! in the table. It is never logged.

use orgraph::people::PeopleTable;
use serde::Serialize;
use ts_rs::TS;

/// A team a person can be put in (the table's team select and filter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeopleTeamDto {
    pub id: String,
    pub name: String,
}

/// Columns the chart nodes do not carry, one entry per person in node index
/// order (the order of `chart_nodes`). Locations and teams are sent once and
/// referred to by position, which keeps 100k people to a few megabytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PeopleTableDto {
    pub teams: Vec<PeopleTeamDto>,
    pub locations: Vec<String>,
    /// Position in `teams` of each person's home team; null for none.
    pub team: Vec<Option<u32>>,
    /// Position in `locations` of each person's location.
    pub location: Vec<u32>,
    /// Annual cost in cents (exact in a JS number up to 2^53); null when unknown.
    #[ts(type = "Array<number | null>")]
    pub cost_cents: Vec<Option<i64>>,
    /// `YYYY-MM-DD`: the hire date, or the target date of an open req or
    /// planned hire; null when unknown.
    pub start_date: Vec<Option<String>>,
}

impl From<PeopleTable> for PeopleTableDto {
    fn from(table: PeopleTable) -> Self {
        PeopleTableDto {
            teams: table
                .teams
                .into_iter()
                .map(|t| PeopleTeamDto {
                    id: t.id.as_str().to_string(),
                    name: t.name,
                })
                .collect(),
            locations: table.locations,
            team: table.team,
            location: table.location,
            cost_cents: table.cost_cents,
            start_date: table
                .start_date
                .iter()
                .map(|d| d.map(|d| d.to_string()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orgraph::model::{Ladder, Policy};
    use orgraph::Org;

    #[test]
    fn the_table_lines_up_with_the_chart_nodes_in_camel_case() {
        let dir = tempfile::tempdir().expect("temp dir");
        let s = orgraph::Session::open_or_seed(&dir.path().join("t.orgraph")).expect("seeded");
        let nodes = crate::dto::ChartNode::all(s.org(), s.metrics());
        let table = PeopleTableDto::from(orgraph::people::people_table(s.org()));
        assert_eq!(table.location.len(), nodes.len());
        assert_eq!(table.cost_cents.len(), nodes.len());
        assert_eq!(table.start_date.len(), nodes.len());
        for (node, team) in nodes.iter().zip(&table.team) {
            let name = team.map(|t| table.teams[t as usize].name.clone());
            assert_eq!(name, node.team, "team of {}", node.id);
        }
        let json = serde_json::to_value(&table).expect("serialise");
        assert!(json["costCents"].is_array() && json["startDate"].is_array());
    }

    /// Measures what `people_table` costs at 100k people (query and JSON).
    #[test]
    fn a_hundred_thousand_people_serialise_well_under_a_second() {
        let records = orgraph::generate::generate(100_000, 11);
        let (org, _) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        let started = std::time::Instant::now();
        let dto = PeopleTableDto::from(orgraph::people::people_table(&org));
        let json = serde_json::to_vec(&dto).expect("serialise");
        let took = started.elapsed();
        eprintln!(
            "people_table at 100k: {took:?}, {} KiB of JSON",
            json.len() / 1024
        );
        // A debug build; the release app is several times faster.
        assert!(took.as_secs_f64() < 1.0, "took {took:?}");
    }
}
