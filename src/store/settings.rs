//! The workspace's settings: the span band, team-size target, max staff+
//! load (the `Policy`) and the career ladder. They live in the `settings`
//! table, one JSON value per key, beside the baseline they apply to: the
//! baseline and every scenario are computed with them, unless a scenario
//! overrides one with a `set-policy` / `set-ladder` change of its own.

use super::{corrupt, read_settings, write_settings, Snapshot, Workspace};
use crate::error::Result;
use crate::model::{Ladder, Policy};

impl Workspace {
    /// The stored settings; defaults for a workspace that has none yet.
    pub fn settings(&self) -> Result<(Policy, Ladder)> {
        let path = self.path.as_path();
        let (policy, ladder) = read_settings(&self.conn).map_err(self.map())?;
        let policy = match policy {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| corrupt(path, format!("policy setting: {e}")))?,
            None => Policy::default(),
        };
        let ladder = match ladder {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| corrupt(path, format!("ladder setting: {e}")))?,
            None => Ladder::default(),
        };
        Ok((policy, ladder))
    }

    /// Replaces the settings, with a metrics snapshot of the scenario on
    /// show, in one transaction. No scenario's change list is touched.
    pub fn set_settings(
        &mut self,
        policy: &Policy,
        ladder: &Ladder,
        snapshot: Option<&Snapshot<'_>>,
    ) -> Result<()> {
        self.write(|tx| {
            write_settings(tx, policy, ladder)?;
            if let Some(snapshot) = snapshot {
                super::insert_snapshot(tx, snapshot)?;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_default_when_absent() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut ws = Workspace::create(&dir.path().join("w.orgraph")).expect("create");
        assert_eq!(
            ws.settings().expect("read"),
            (Policy::default(), Ladder::default())
        );
        let policy = Policy {
            band_min: 3,
            band_max: 4,
            ..Policy::default()
        };
        ws.set_settings(&policy, &Ladder::default(), None)
            .expect("write");
        assert_eq!(ws.settings().expect("read").0, policy);
    }
}
