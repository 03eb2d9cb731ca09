//! The "Not in file" placeholders of the scenario on show: see
//! [`crate::model::placeholder_groups`].

use super::Session;
use crate::model::{placeholder_groups, PlaceholderGroup};

impl Session {
    /// One group per manager the imported file names but does not
    /// contain, with the people of the scenario on show who name them and
    /// are still roots. The metrics count those people as roots; only the
    /// chart and the exports draw them under a placeholder.
    pub fn placeholder_groups(&self) -> Vec<PlaceholderGroup> {
        placeholder_groups(self.org())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Ladder, Org, PersonRecord, Policy};
    use crate::store::{Workspace, BASELINE};
    use crate::Session;

    fn save(path: &std::path::Path, rows: &[(&str, &str)]) {
        let records = rows
            .iter()
            .enumerate()
            .map(|(i, (id, manager))| PersonRecord {
                row: i as u64 + 2,
                id: (*id).into(),
                manager_id: (*manager).into(),
                ..PersonRecord::default()
            })
            .collect();
        let (org, warnings) =
            Org::from_records(records, "t.csv", Ladder::default(), Policy::default())
                .expect("valid");
        let mut ws = Workspace::create(path).expect("created");
        ws.save_org(&org, &warnings).expect("saved");
    }

    fn groups(session: &Session) -> Vec<(String, usize)> {
        session
            .placeholder_groups()
            .into_iter()
            .map(|g| (g.label(), g.members.len()))
            .collect()
    }

    #[test]
    fn a_scenario_that_moves_someone_under_a_manager_takes_them_out_of_the_group() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("w.orgraph");
        save(
            &path,
            &[
                ("ceo", ""),
                ("a", "Jo Smith"),
                ("b", "Jo Smith"),
                ("c", "E9"),
            ],
        );
        let mut session = Session::open(&path).expect("opens");
        let baseline = [
            ("Not in file: Jo Smith".to_string(), 2),
            ("Not in file: E9".to_string(), 1),
        ];
        assert_eq!(groups(&session), baseline);
        assert_eq!(session.summary().roots, 4, "they are roots in the metrics");
        session.create_scenario("reorg", BASELINE).expect("created");
        session.switch_to("reorg").expect("switched");
        session
            .move_person(&"a".into(), Some(&"ceo".into()))
            .expect("moved");
        assert_eq!(
            groups(&session),
            [
                ("Not in file: Jo Smith".to_string(), 1),
                ("Not in file: E9".to_string(), 1)
            ]
        );
        drop(session);
        let reopened = Session::open_at(&path, "reorg", None).expect("reopens");
        assert_eq!(groups(&reopened)[0].1, 1, "the scenario's, after reopening");
        let baseline_again = Session::open(&path).expect("reopens");
        assert_eq!(groups(&baseline_again), baseline);
    }
}
