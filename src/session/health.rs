//! Health checks of the scenario on show, and the layer guidance they
//! read: a workspace setting, the same for every scenario.

use super::Session;
use crate::error::{OrgError, Result};
use crate::health::{self, Health, LayerGuidance};
use crate::metrics::MetricsInput;

impl Session {
    /// The workspace's layer guidance (every scenario reads the same).
    pub fn layer_guidance(&self) -> Result<LayerGuidance> {
        self.workspace.layer_guidance()
    }

    /// Replaces the workspace's layer guidance. No metric depends on it,
    /// so nothing is recomputed.
    pub fn set_layer_guidance(&mut self, guidance: &LayerGuidance) -> Result<()> {
        self.refuse_in_time_travel()?;
        if let Some(problem) = guidance.problem() {
            return Err(OrgError::InvalidInput(problem));
        }
        self.workspace.set_layer_guidance(guidance)
    }

    /// Every finding about the scenario on show, from its full metrics
    /// report (built once per state) and the workspace's layer guidance.
    pub fn health(&self) -> Result<Health> {
        let guidance = self.layer_guidance()?;
        let input = MetricsInput::from_org(&self.org);
        Ok(health::check_with(
            &self.org,
            &input,
            self.metrics(),
            &guidance,
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::health::{CheckId, LayerGuidance};
    use crate::model::Severity;
    use crate::session::Session;

    const CSV: &str = "id,manager_id,name,level,status\n\
        a,,Ann,M3,active\n\
        b,a,Bo,M3,active\n\
        c,b,Cy,IC2,active\n\
        d,c,Di,IC1,active\n";

    #[test]
    fn a_scenario_reads_the_workspace_guidance_and_its_own_org() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("org.csv");
        std::fs::write(&file, CSV).expect("write");
        let path = dir.path().join("w.orgraph");
        crate::import::import_into(&file, &path, &Default::default(), &|_| {}).expect("import");
        let mut session = Session::open(&path).expect("open");
        session.create_scenario("flat", "baseline").expect("create");
        let deep = |session: &Session| {
            session
                .health()
                .expect("health")
                .finding(CheckId::DeepChain)
                .map(|f| f.count)
        };
        assert_eq!(deep(&session), None);
        let tight: LayerGuidance = "2".parse().expect("guidance");
        session.set_layer_guidance(&tight).expect("set");
        assert_eq!(deep(&session), Some(2));
        let mut other = Session::open_at(&path, "flat", None).expect("open");
        assert_eq!(other.layer_guidance().expect("read"), tight);
        assert_eq!(deep(&other), Some(2));
        let compression = other
            .health()
            .expect("health")
            .finding(CheckId::Compression)
            .cloned()
            .expect("b has a's rank");
        assert_eq!(compression.severity, Severity::Warning);
        assert_eq!(compression.people, [crate::model::PersonId::new("b")]);
        let bad = LayerGuidance {
            steps: Vec::new(),
            above: 0,
        };
        assert!(other.set_layer_guidance(&bad).is_err());
    }
}
