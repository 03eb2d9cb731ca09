//! The Teams view's rows and the Settings dialog's values, as they cross
//! IPC. A team's cost is its members' total, never one person's.

use orgraph::metrics::{SizeVerdict, TeamRow};
use orgraph::model::{Ladder, LadderLevel, Policy, Track};
use orgraph::scenario::Target;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{count, TeamKindDto};

/// Where a team's size falls against the workspace's team-size target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SizeVerdictDto {
    Below,
    Within,
    Above,
}

impl From<SizeVerdict> for SizeVerdictDto {
    fn from(verdict: SizeVerdict) -> Self {
        match verdict {
            SizeVerdict::Below => SizeVerdictDto::Below,
            SizeVerdict::Within => SizeVerdictDto::Within,
            SizeVerdict::Above => SizeVerdictDto::Above,
        }
    }
}

/// One team of the scenario on show (members counted in the current view).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamDto {
    pub id: String,
    pub name: String,
    pub kind: TeamKindDto,
    pub department: Option<String>,
    /// The lead's person id.
    pub lead: Option<String>,
    pub lead_name: Option<String>,
    pub members: u32,
    /// The members' total annual cost; `null` when the org has no costs.
    pub cost_total: Option<f64>,
    /// Staff+ engineers supporting the team.
    pub staff_plus: u32,
    pub verdict: SizeVerdictDto,
}

impl From<TeamRow> for TeamDto {
    fn from(row: TeamRow) -> Self {
        TeamDto {
            id: row.id.to_string(),
            name: row.name,
            kind: row.kind.into(),
            department: row.department,
            lead: row.lead.map(|p| p.to_string()),
            lead_name: row.lead_name,
            members: count(row.members),
            cost_total: row.cost.map(|cost| cost.cents() as f64 / 100.0),
            staff_plus: count(row.staff_plus_support),
            verdict: row.verdict.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum TrackDto {
    Ic,
    Management,
}

/// One rung of the career ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LadderLevelDto {
    pub code: String,
    pub track: TrackDto,
    pub rank: u8,
    pub staff_plus: bool,
}

impl From<&LadderLevel> for LadderLevelDto {
    fn from(level: &LadderLevel) -> Self {
        LadderLevelDto {
            code: level.code.clone(),
            track: match level.track {
                Track::Ic => TrackDto::Ic,
                Track::Management => TrackDto::Management,
            },
            rank: level.rank,
            staff_plus: level.staff_plus,
        }
    }
}

impl From<LadderLevelDto> for LadderLevel {
    fn from(level: LadderLevelDto) -> Self {
        LadderLevel {
            code: level.code.trim().to_string(),
            track: match level.track {
                TrackDto::Ic => Track::Ic,
                TrackDto::Management => Track::Management,
            },
            rank: level.rank,
            staff_plus: level.staff_plus,
        }
    }
}

/// The targets the metrics are checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyDto {
    pub band_min: u32,
    pub band_max: u32,
    pub max_load: u32,
    pub team_min: u32,
    pub team_max: u32,
}

impl From<Policy> for PolicyDto {
    fn from(p: Policy) -> Self {
        PolicyDto {
            band_min: p.band_min,
            band_max: p.band_max,
            max_load: p.max_load,
            team_min: p.team_min,
            team_max: p.team_max,
        }
    }
}

impl From<PolicyDto> for Policy {
    fn from(p: PolicyDto) -> Self {
        Policy {
            band_min: p.band_min,
            band_max: p.band_max,
            max_load: p.max_load,
            team_min: p.team_min,
            team_max: p.team_max,
        }
    }
}

/// One target of the policy, set in a scenario only (the others keep
/// following the workspace).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(
    tag = "setting",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum TargetDto {
    Band { min: u32, max: u32 },
    TeamSize { min: u32, max: u32 },
    MaxLoad { max_load: u32 },
}

impl From<TargetDto> for Target {
    fn from(target: TargetDto) -> Self {
        match target {
            TargetDto::Band { min, max } => Target::Band { min, max },
            TargetDto::TeamSize { min, max } => Target::TeamSize { min, max },
            TargetDto::MaxLoad { max_load } => Target::MaxLoad { max_load },
        }
    }
}

/// The settings the scenario on show uses: the workspace's, except where
/// it sets its own ("in this scenario only").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsDto {
    pub policy: PolicyDto,
    /// The workspace's own policy, which a workspace-wide save changes
    /// (it differs from `policy` where the scenario sets its own targets).
    pub workspace_policy: PolicyDto,
    pub ladder: Vec<LadderLevelDto>,
    /// Each of these is the scenario's own rather than the workspace's.
    pub own_band: bool,
    pub own_team_size: bool,
    pub own_max_load: bool,
    pub own_ladder: bool,
}

impl SettingsDto {
    pub fn of(policy: Policy, ladder: &Ladder) -> Self {
        SettingsDto {
            policy: policy.into(),
            workspace_policy: policy.into(),
            ladder: ladder.levels().iter().map(LadderLevelDto::from).collect(),
            own_band: false,
            own_team_size: false,
            own_max_load: false,
            own_ladder: false,
        }
    }

    /// The scenario on show's settings, with which of them are its own.
    pub fn of_session(session: &orgraph::session::Session) -> Result<Self, orgraph::OrgError> {
        let own = session.overrides();
        let (workspace, _) = session.workspace_settings()?;
        Ok(SettingsDto {
            workspace_policy: workspace.into(),
            own_band: own.band,
            own_team_size: own.team_size,
            own_max_load: own.max_load,
            own_ladder: own.ladder,
            ..SettingsDto::of(session.org().policy, &session.org().ladder)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_use_camel_case() {
        let settings = SettingsDto::of(Policy::default(), &Ladder::default());
        let json = serde_json::to_value(&settings).expect("serialises");
        assert_eq!(json["policy"]["teamMin"], 5);
        assert_eq!(json["policy"]["teamMax"], 9);
        assert_eq!(json["ladder"][3]["staffPlus"], true);
        assert_eq!(json["ladder"][7]["track"], "management");
        let levels: Vec<LadderLevel> = settings.ladder.into_iter().map(Into::into).collect();
        assert_eq!(Ladder::new(levels), Ladder::default());
        assert_eq!(Policy::from(settings.policy), Policy::default());
    }
}
