//! A scenario's own settings against the baseline's: which metrics they
//! change, and how to say so.

use super::Capture;
use serde::Serialize;

/// How one scenario's settings differ from the baseline's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SettingsDiffer {
    pub band: bool,
    pub max_load: bool,
    pub team_size: bool,
    pub ladder: bool,
}

impl SettingsDiffer {
    pub(super) fn between(base: &Capture, other: &Capture) -> SettingsDiffer {
        let (b, o) = (&base.policy, &other.policy);
        SettingsDiffer {
            band: (b.band_min, b.band_max) != (o.band_min, o.band_max),
            max_load: b.max_load != o.max_load,
            team_size: (b.team_min, b.team_max) != (o.team_min, o.team_max),
            ladder: base.ladder != other.ladder,
        }
    }

    pub fn any(&self) -> bool {
        self.band || self.max_load || self.team_size || self.ladder
    }

    /// Whether `metric` (a [`Summary::figures`] name) depends on a
    /// setting that differs.
    pub fn affects(&self, metric: &str) -> bool {
        match metric {
            "band_narrow" | "band_in_band" | "band_wide" => self.band,
            "staff_plus_overloaded" => self.max_load || self.ladder,
            "staff_plus" | "teams_covered" | "teams_uncovered" | "coverage_ratio" => self.ladder,
            _ => false,
        }
    }

    /// e.g. `span band 4-6 (baseline 5-8), ladder`; empty when none differ.
    pub(super) fn describe(&self, base: &Capture, other: &Capture) -> String {
        let (b, o) = (&base.policy, &other.policy);
        let mut parts = Vec::new();
        if self.band {
            parts.push(format!(
                "span band {}-{} (baseline {}-{})",
                o.band_min, o.band_max, b.band_min, b.band_max
            ));
        }
        if self.max_load {
            parts.push(format!("max load {} (baseline {})", o.max_load, b.max_load));
        }
        if self.team_size {
            parts.push(format!(
                "team size {}-{} (baseline {}-{})",
                o.team_min, o.team_max, b.team_min, b.team_max
            ));
        }
        if self.ladder {
            parts.push("its own career ladder".to_string());
        }
        parts.join(", ")
    }
}
