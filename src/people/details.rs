//! Everything the app's details panel shows about one person: their fields,
//! manager, direct reports and chain of command. No cost: compensation is
//! the people table's alone.

use crate::error::OrgError;
use crate::metrics::{Metrics, Verdict};
use crate::model::{Org, PersonId, Status};
use serde::Serialize;

/// A person named in someone else's details.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
    pub title: String,
    /// Direct reports of this person.
    pub reports: u32,
}

/// One person with their manager, reports and chain of command.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonDetails {
    pub id: String,
    pub name: String,
    pub title: String,
    pub level: String,
    pub location: String,
    /// The home team's name (its id when the org does not define it).
    pub team: Option<String>,
    pub status: Status,
    pub staff_plus: bool,
    pub manager: Option<PersonRef>,
    /// Direct reports, by name then id.
    pub reports: Vec<PersonRef>,
    /// Everyone below, at any depth.
    pub total_reports: u32,
    /// Only for managers the metrics count (open reqs, for one, have none).
    pub verdict: Option<Verdict>,
    /// From the direct manager up to the root.
    pub chain: Vec<PersonRef>,
}

fn count(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

fn person_ref(org: &Org, id: &PersonId) -> Option<PersonRef> {
    let person = org.person(id)?;
    Some(PersonRef {
        id: person.id.to_string(),
        name: person.name.to_string(),
        title: person.title.to_string(),
        reports: count(org.reports_of(id).len()),
    })
}

fn subtree_size(org: &Org, id: &PersonId) -> u32 {
    let mut total = 0u32;
    let mut stack = org.reports_of(id);
    while let Some(next) = stack.pop() {
        total = total.saturating_add(1);
        stack.extend(org.reports_of(next));
    }
    total
}

/// The details of `id` in `org`; the verdict comes from `metrics`.
pub fn person_details(
    org: &Org,
    metrics: &Metrics,
    id: &PersonId,
) -> Result<PersonDetails, OrgError> {
    let person = org
        .person(id)
        .ok_or_else(|| OrgError::PersonNotFound(id.to_string()))?;
    let manager = org.manager_of(id).and_then(|m| person_ref(org, m));
    let mut reports: Vec<PersonRef> = org
        .reports_of(id)
        .into_iter()
        .filter_map(|r| person_ref(org, r))
        .collect();
    reports.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    let chain = org
        .chain_of_command(id)?
        .into_iter()
        .skip(1)
        .filter_map(|m| person_ref(org, m))
        .collect();
    let verdict = metrics
        .span_by_manager
        .iter()
        .find(|s| s.id == id.as_str())
        .map(|s| s.verdict);
    Ok(PersonDetails {
        id: person.id.to_string(),
        name: person.name.to_string(),
        title: person.title.to_string(),
        level: person.level.to_string(),
        location: person.location.to_string(),
        team: person.team.as_ref().map(|t| {
            org.team(t)
                .map_or_else(|| t.to_string(), |team| team.name.clone())
        }),
        status: person.status,
        staff_plus: org.is_staff_plus(person),
        manager,
        reports,
        total_reports: subtree_size(org, id),
        verdict,
        chain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::model::{Ladder, Policy};

    fn keys(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    out.push(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }

    fn generated() -> (Org, Metrics) {
        let records = crate::generate::generate(300, 2);
        let (org, _) =
            Org::from_records(records, "gen", Ladder::default(), Policy::default()).expect("valid");
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        (org, metrics)
    }

    #[test]
    fn details_name_the_manager_reports_and_chain() {
        let (org, metrics) = generated();
        let person = org
            .people()
            .find(|p| org.manager_of(&p.id).is_some() && !org.reports_of(&p.id).is_empty())
            .expect("a middle manager");
        let details = person_details(&org, &metrics, &person.id).expect("details");
        assert_eq!(details.id, person.id.as_str());
        let manager = org.manager_of(&person.id).expect("has a manager");
        assert_eq!(
            details.manager.as_ref().map(|m| m.id.as_str()),
            Some(manager.as_str())
        );
        assert_eq!(
            details.chain.first().map(|m| m.id.as_str()),
            Some(manager.as_str())
        );
        assert_eq!(details.reports.len(), org.reports_of(&person.id).len());
        assert!(details.total_reports as usize >= details.reports.len());
        assert!(details.verdict.is_some());
        let missing = person_details(&org, &metrics, &PersonId::new("nobody"));
        assert_eq!(missing.map_err(|e| e.code()), Err(ErrorCode::NotFound));
    }

    #[test]
    fn details_carry_no_compensation() {
        let (org, metrics) = generated();
        let someone = org.people().next().map(|p| p.id.clone()).expect("someone");
        let details = person_details(&org, &metrics, &someone).expect("details");
        let mut all = Vec::new();
        keys(&serde_json::to_value(&details).expect("json"), &mut all);
        assert!(all.iter().all(|k| !k.contains("cost")), "{all:?}");
    }
}
