//! The staff+ view: the placement board and coverage matrix, as is or as a
//! what-if preview. Teams travel once; engineers name them by index, so a
//! matrix of thousands of teams and engineers stays a few hundred KB.

use orgraph::metrics::placement::{Board, HomeSupportOutcomes, PlacementSummary, Preview, WhatIf};
use orgraph::model::Placement;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::count;
use orgraph::TeamKind;

/// Which placement to show: the scenario as it is, or a preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum WhatIfDto {
    AsIs,
    /// Every staff+ engineer central, still supporting the team they leave.
    AllCentral,
    AllEmbedded,
    /// Every staff+ engineer central, the teams they leave losing them.
    AllCentralDropHomeSupport,
}

impl From<WhatIfDto> for WhatIf {
    fn from(what_if: WhatIfDto) -> Self {
        match what_if {
            WhatIfDto::AsIs => WhatIf::AsIs,
            WhatIfDto::AllCentral => WhatIf::AllCentral,
            WhatIfDto::AllEmbedded => WhatIf::AllEmbedded,
            WhatIfDto::AllCentralDropHomeSupport => WhatIf::AllCentralDropHomeSupport,
        }
    }
}

impl From<WhatIf> for WhatIfDto {
    fn from(what_if: WhatIf) -> Self {
        match what_if {
            WhatIf::AsIs => WhatIfDto::AsIs,
            WhatIf::AllCentral => WhatIfDto::AllCentral,
            WhatIf::AllEmbedded => WhatIfDto::AllEmbedded,
            WhatIf::AllCentralDropHomeSupport => WhatIfDto::AllCentralDropHomeSupport,
        }
    }
}

/// Where a staff+ engineer sits: by their home team's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PlacementDto {
    Embedded,
    Central,
    Unplaced,
}

impl From<Placement> for PlacementDto {
    fn from(placement: Placement) -> Self {
        match placement {
            Placement::Embedded => PlacementDto::Embedded,
            Placement::Central => PlacementDto::Central,
            Placement::Unplaced => PlacementDto::Unplaced,
        }
    }
}

/// One card of the board, one column of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StaffEngineerDto {
    pub id: String,
    pub name: String,
    pub title: String,
    pub level: String,
    pub placement: PlacementDto,
    /// Index into `teams` of the home team.
    pub home: Option<u32>,
    /// Indices into `teams` of the explicitly assigned teams, ascending.
    pub assigned: Vec<u32>,
    /// Distinct non-architecture teams supported, home team included.
    pub load: u32,
    pub overloaded: bool,
}

/// One row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamCoverageDto {
    pub id: String,
    pub name: String,
    pub kind: TeamKind,
    pub department: Option<String>,
    pub headcount: u32,
    /// Staff+ engineers supporting the team (home or assignment).
    pub supporters: u32,
    /// Never true for an architecture group.
    pub covered: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlacementSummaryDto {
    /// Teams that are not architecture groups.
    pub teams: u32,
    pub covered: u32,
    pub uncovered: u32,
    /// covered / teams; `null` when there are none.
    pub ratio: Option<f64>,
    pub staff_plus: u32,
    pub embedded: u32,
    pub central: u32,
    pub unplaced: u32,
    pub max_load: u32,
    pub overloaded: u32,
    /// `loadHistogram[k]`: engineers supporting exactly `k` teams.
    pub load_histogram: Vec<u32>,
}

/// The summaries of the all-central preview with and without keeping each
/// engineer's support of the team they leave.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HomeSupportOutcomesDto {
    pub kept: PlacementSummaryDto,
    pub dropped: PlacementSummaryDto,
}

impl From<&HomeSupportOutcomes> for HomeSupportOutcomesDto {
    fn from(outcomes: &HomeSupportOutcomes) -> Self {
        HomeSupportOutcomesDto {
            kept: (&outcomes.kept).into(),
            dropped: (&outcomes.dropped).into(),
        }
    }
}

/// The staff+ view's data for one what-if.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StaffPlusBoardDto {
    pub what_if: WhatIfDto,
    /// Counted staff+ engineers, in people order.
    pub engineers: Vec<StaffEngineerDto>,
    /// Every team, architecture groups included.
    pub teams: Vec<TeamCoverageDto>,
    pub summary: PlacementSummaryDto,
    /// How many changes saving the preview would store (0 as is).
    pub changes: u32,
    /// Ids of engineers the what-if rule could not place.
    pub left_in_place: Vec<String>,
    /// Both choices of the all-central preview; `null` for the others.
    /// Inlined, so the bindings need no file of their own for it.
    #[ts(inline)]
    pub home_support: Option<HomeSupportOutcomesDto>,
}

fn board_parts(
    board: &Board,
) -> (
    Vec<StaffEngineerDto>,
    Vec<TeamCoverageDto>,
    PlacementSummaryDto,
) {
    let engineers = board
        .engineers
        .iter()
        .map(|e| StaffEngineerDto {
            id: e.id.to_string(),
            name: e.name.clone(),
            title: e.title.clone(),
            level: e.level.clone(),
            placement: e.placement.into(),
            home: e.home,
            assigned: e.assigned.clone(),
            load: e.load,
            overloaded: e.overloaded,
        })
        .collect();
    let teams = board
        .teams
        .iter()
        .map(|t| TeamCoverageDto {
            id: t.id.to_string(),
            name: t.name.clone(),
            kind: t.kind,
            department: t.department.clone(),
            headcount: count(t.headcount),
            supporters: count(t.supporters),
            covered: t.covered,
        })
        .collect();
    (engineers, teams, (&board.summary).into())
}

impl From<&PlacementSummary> for PlacementSummaryDto {
    fn from(s: &PlacementSummary) -> Self {
        PlacementSummaryDto {
            teams: count(s.teams),
            covered: count(s.covered),
            uncovered: count(s.uncovered),
            ratio: s.coverage_ratio,
            staff_plus: count(s.staff_plus),
            embedded: count(s.embedded),
            central: count(s.central),
            unplaced: count(s.unplaced),
            max_load: s.max_load,
            overloaded: count(s.overloaded),
            load_histogram: s.load_histogram.iter().map(|&n| count(n)).collect(),
        }
    }
}

impl From<&Preview> for StaffPlusBoardDto {
    fn from(preview: &Preview) -> Self {
        let (engineers, teams, summary) = board_parts(&preview.board);
        StaffPlusBoardDto {
            what_if: preview.what_if.into(),
            engineers,
            teams,
            summary,
            changes: u32::try_from(preview.changes.len()).unwrap_or(u32::MAX),
            left_in_place: preview
                .left_in_place
                .iter()
                .map(ToString::to_string)
                .collect(),
            home_support: preview.home_support.as_ref().map(Into::into),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orgraph::session::Session;

    #[test]
    fn the_board_crosses_as_camel_case_with_team_indices_and_no_cost() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = Session::open_or_seed(&dir.path().join("t.orgraph")).expect("seeded");
        let dto = StaffPlusBoardDto::from(&session.staff_plus(WhatIf::AsIs).expect("board"));
        assert!(!dto.engineers.is_empty());
        assert_eq!(dto.summary.staff_plus as usize, dto.engineers.len());
        let teams = dto.teams.len() as u32;
        assert!(dto
            .engineers
            .iter()
            .all(|e| e.home.is_none_or(|h| h < teams) && e.assigned.iter().all(|&t| t < teams)));
        let json = serde_json::to_string(&dto).expect("serialise");
        assert!(json.contains("\"whatIf\":\"as-is\""));
        assert!(json.contains("\"loadHistogram\""));
        assert!(!json.to_lowercase().contains("cost"));
        let what_if: WhatIfDto = serde_json::from_str("\"all-central\"").expect("parses");
        assert_eq!(WhatIf::from(what_if), WhatIf::AllCentral);
        assert!(json.contains("\"homeSupport\":null"));
    }

    #[test]
    fn the_all_central_preview_carries_both_outcomes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = Session::open_or_seed(&dir.path().join("t.orgraph")).expect("seeded");
        let what_if: WhatIfDto =
            serde_json::from_str("\"all-central-drop-home-support\"").expect("parses");
        let dto = StaffPlusBoardDto::from(&session.staff_plus(what_if.into()).expect("board"));
        let outcomes = dto.home_support.as_ref().expect("both outcomes");
        assert_eq!(outcomes.dropped, dto.summary);
        assert!(outcomes.kept.covered > outcomes.dropped.covered);
        let json = serde_json::to_string(&dto).expect("serialise");
        assert!(json.contains("\"whatIf\":\"all-central-drop-home-support\""));
        assert!(json.contains("\"homeSupport\":{\"kept\":{"));
    }
}
