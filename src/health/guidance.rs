//! The layer guidance: how many layers an org of a given size should need
//! at most. A workspace setting (key `layers`), the same for every
//! scenario; `orgraph settings --layers 500:5,5000:7,9` sets it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One step of the guidance: an org of at most `up_to` people needs at
/// most `layers` layers.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerStep {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub up_to: u64,
    pub layers: u32,
}

/// Most layers allowed by org size: the first step whose `up_to` the
/// org's people do not exceed, else `above`. Steps are in increasing
/// `up_to` order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerGuidance {
    pub steps: Vec<LayerStep>,
    pub above: u32,
}

impl Default for LayerGuidance {
    /// Up to 500 people, 5 layers; up to 5,000, 7; above, 9.
    fn default() -> Self {
        LayerGuidance {
            steps: vec![
                LayerStep {
                    up_to: 500,
                    layers: 5,
                },
                LayerStep {
                    up_to: 5000,
                    layers: 7,
                },
            ],
            above: 9,
        }
    }
}

/// The step of the guidance an org of a given size falls in: what the
/// `deep-chain` check holds it to, with the sizes that step covers so the
/// UI can say it in words ("at most 7 layers for 501–5,000 people").
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerLimit {
    /// The org's counted people (the metrics' current view).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people: u64,
    /// The most layers an org of that size should have.
    pub layers: u32,
    /// The smallest org size of the step (0 for the first).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub from: u64,
    /// The largest org size of the step; `None` for "above".
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub up_to: Option<u64>,
}

impl LayerGuidance {
    /// The most layers an org of `people` counted people should have.
    pub fn allowed(&self, people: u64) -> u32 {
        self.limit(people).layers
    }

    /// The step an org of `people` counted people falls in.
    pub fn limit(&self, people: u64) -> LayerLimit {
        let index = self.steps.iter().position(|step| people <= step.up_to);
        let from = match index {
            Some(0) => 0,
            Some(i) => self.steps[i - 1].up_to + 1,
            None => self.steps.last().map_or(0, |step| step.up_to + 1),
        };
        let step = index.map(|i| self.steps[i]);
        LayerLimit {
            people,
            layers: step.map_or(self.above, |step| step.layers),
            from,
            up_to: step.map(|step| step.up_to),
        }
    }

    /// Why this guidance cannot be used, if it cannot: every layer count
    /// is at least 1 and the sizes strictly increase.
    pub fn problem(&self) -> Option<String> {
        if self.above == 0 || self.steps.iter().any(|step| step.layers == 0) {
            return Some("the layer guidance needs at least 1 layer at every size".into());
        }
        if self.steps.windows(2).any(|w| w[0].up_to >= w[1].up_to) {
            return Some(format!(
                "the layer guidance {self} is not valid: the sizes must increase"
            ));
        }
        None
    }
}

/// The command-line form: `500:5,5000:7,9`.
impl fmt::Display for LayerGuidance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for step in &self.steps {
            write!(f, "{}:{},", step.up_to, step.layers)?;
        }
        write!(f, "{}", self.above)
    }
}

/// Parses the command-line form `SIZE:LAYERS,...,LAYERS` and checks it
/// with [`LayerGuidance::problem`].
impl std::str::FromStr for LayerGuidance {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!(
                "'{text}' is not a layer guidance (expected SIZE:LAYERS,...,LAYERS, e.g. 500:5,5000:7,9)"
            )
        };
        let mut parts: Vec<&str> = text.split(',').map(str::trim).collect();
        let above = parts.pop().ok_or_else(bad)?;
        let above: u32 = above.parse().map_err(|_| bad())?;
        let steps = parts
            .into_iter()
            .map(|part| {
                let (up_to, layers) = part.split_once(':').ok_or_else(bad)?;
                Ok(LayerStep {
                    up_to: up_to.trim().parse().map_err(|_| bad())?,
                    layers: layers.trim().parse().map_err(|_| bad())?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let guidance = LayerGuidance { steps, above };
        match guidance.problem() {
            Some(problem) => Err(problem),
            None => Ok(guidance),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_org_size() {
        let guidance = LayerGuidance::default();
        assert_eq!(guidance.allowed(0), 5);
        assert_eq!(guidance.allowed(500), 5);
        assert_eq!(guidance.allowed(501), 7);
        assert_eq!(guidance.allowed(5000), 7);
        assert_eq!(guidance.allowed(5001), 9);
        assert_eq!(guidance.to_string(), "500:5,5000:7,9");
    }

    #[test]
    fn the_limit_names_the_sizes_of_its_step() {
        let guidance = LayerGuidance::default();
        let limit = |people| {
            let l = guidance.limit(people);
            (l.people, l.layers, l.from, l.up_to)
        };
        assert_eq!(limit(0), (0, 5, 0, Some(500)));
        assert_eq!(limit(500), (500, 5, 0, Some(500)));
        assert_eq!(limit(501), (501, 7, 501, Some(5000)));
        assert_eq!(limit(5000), (5000, 7, 501, Some(5000)));
        assert_eq!(limit(5001), (5001, 9, 5001, None));
        let flat: LayerGuidance = "2".parse().expect("guidance");
        assert_eq!(
            flat.limit(7),
            LayerLimit {
                people: 7,
                layers: 2,
                from: 0,
                up_to: None
            }
        );
    }

    #[test]
    fn parses_its_own_form_and_refuses_nonsense() {
        assert_eq!("500:5,5000:7,9".parse(), Ok(LayerGuidance::default()));
        assert_eq!(
            " 4 ".parse(),
            Ok(LayerGuidance {
                steps: Vec::new(),
                above: 4
            })
        );
        for bad in [
            "",
            "5:",
            "500:5",
            "x",
            "500:5,100:4,9",
            "500:0,9",
            "0",
            "5,6",
        ] {
            assert!(bad.parse::<LayerGuidance>().is_err(), "{bad}");
        }
    }
}
