//! The layer guidance setting (`health::LayerGuidance`): one JSON value
//! under the `layers` key of the `settings` table, beside the policy and
//! ladder. It is the workspace's, for every scenario (no change sets it),
//! and a re-import keeps it (`store_org` rewrites only the policy and
//! ladder). A workspace that has none reads the defaults.

use super::{corrupt, put_setting, Workspace};
use crate::error::Result;
use crate::health::LayerGuidance;
use rusqlite::OptionalExtension;

const KEY: &str = "layers";

impl Workspace {
    /// The stored layer guidance; the defaults when none is stored.
    pub fn layer_guidance(&self) -> Result<LayerGuidance> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |row| {
                row.get(0)
            })
            .optional()
            .map_err(self.map())?;
        match json {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| corrupt(&self.path, format!("layers setting: {e}"))),
            None => Ok(LayerGuidance::default()),
        }
    }

    /// Replaces the layer guidance. The caller checks it
    /// ([`LayerGuidance::problem`]).
    pub fn set_layer_guidance(&mut self, guidance: &LayerGuidance) -> Result<()> {
        let json = serde_json::to_string(guidance)
            .map_err(|e| crate::error::OrgError::InvalidInput(format!("layer guidance: {e}")))?;
        self.write(|tx| Ok(put_setting(tx, KEY, &json)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::health::LayerStep;
    use crate::model::Org;

    #[test]
    fn layer_guidance_round_trips_and_survives_a_new_baseline() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("w.orgraph");
        let mut ws = Workspace::create(&path).expect("create");
        assert_eq!(ws.layer_guidance().expect("read"), LayerGuidance::default());
        let guidance = LayerGuidance {
            steps: vec![LayerStep {
                up_to: 50,
                layers: 3,
            }],
            above: 4,
        };
        ws.set_layer_guidance(&guidance).expect("write");
        ws.save_org(&Org::new(), &[]).expect("save");
        drop(ws);
        let ws = Workspace::open(&path).expect("open");
        assert_eq!(ws.layer_guidance().expect("read"), guidance);
    }

    #[test]
    fn an_unreadable_setting_is_reported_as_corrupt() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::create(&dir.path().join("w.orgraph")).expect("create");
        ws.conn
            .execute(
                "INSERT INTO settings (key, value) VALUES ('layers', 'nonsense')",
                [],
            )
            .expect("insert");
        let err = ws.layer_guidance().expect_err("corrupt");
        assert!(err.to_string().contains("layers setting"), "{err}");
    }
}
