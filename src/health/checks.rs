//! One function per check. People are listed in the org's order (person
//! position), teams in the org's team order, so the same org always gives
//! the same lists.

use super::{CheckId, HealthFinding, LayerGuidance};
use crate::metrics::LineState;
use crate::metrics::{Metrics, MetricsInput, SizeVerdict, Verdict, View};
use crate::model::{Org, Person, PersonId, Status, TeamId, Track, NO_PARENT};

/// What every check reads, computed once.
pub(super) struct Found<'a> {
    org: &'a Org,
    input: &'a MetricsInput,
    metrics: &'a Metrics,
    guidance: &'a LayerGuidance,
    people: Vec<&'a Person>,
    lines: LineState,
}

/// `1 manager has` / `3 managers have`.
fn counted(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn finding(
    id: CheckId,
    people: Vec<PersonId>,
    teams: Vec<TeamId>,
    count: u64,
    message: String,
) -> Option<HealthFinding> {
    (count > 0).then(|| HealthFinding {
        id,
        severity: id.severity(),
        count,
        people,
        teams,
        message,
    })
}

impl<'a> Found<'a> {
    pub fn new(
        org: &'a Org,
        input: &'a MetricsInput,
        metrics: &'a Metrics,
        guidance: &'a LayerGuidance,
    ) -> Found<'a> {
        Found {
            org,
            input,
            metrics,
            guidance,
            people: org.people().collect(),
            lines: LineState::lines(input, View::Current),
        }
    }

    pub fn finding(&self, id: CheckId) -> Option<HealthFinding> {
        match id {
            CheckId::SpanWide => self.span(id, Verdict::Wide),
            CheckId::SpanNarrow => self.span(id, Verdict::Narrow),
            CheckId::SingleReportManager => self.single_report(),
            CheckId::Compression => self.compression(),
            CheckId::DeepChain => self.deep_chain(),
            CheckId::UncoveredTeam => self.uncovered(),
            CheckId::OverloadedStaffPlus => self.overloaded(),
            CheckId::TeamWithoutLead => self.without_lead(),
            CheckId::TeamSizeOutOfTarget => self.team_size(),
            CheckId::OpenReqUnderWideManager => self.open_reqs(),
        }
    }

    /// Managers with the given verdict, as the metrics judged them.
    fn span(&self, id: CheckId, verdict: Verdict) -> Option<HealthFinding> {
        let people: Vec<PersonId> = self
            .metrics
            .span_by_manager
            .iter()
            .filter(|m| m.verdict == verdict)
            .map(|m| PersonId::new(m.id.as_str()))
            .collect();
        let n = people.len() as u64;
        let policy = &self.org.policy;
        let band = format!("band {}-{}", policy.band_min, policy.band_max);
        let message = match verdict {
            Verdict::Wide => format!(
                "{} more than {} direct reports ({band}): too many to support each one well",
                counted(n, "manager has", "managers have"),
                policy.band_max
            ),
            _ => format!(
                "{} fewer than {} direct reports ({band}): more managers than the work needs",
                counted(n, "manager has", "managers have"),
                policy.band_min
            ),
        };
        finding(id, people, Vec::new(), n, message)
    }

    fn single_report(&self) -> Option<HealthFinding> {
        let people: Vec<PersonId> = self
            .metrics
            .span_by_manager
            .iter()
            .filter(|m| m.span == 1)
            .map(|m| PersonId::new(m.id.as_str()))
            .collect();
        let n = people.len() as u64;
        let message = format!(
            "{} one direct report: a layer that adds no span",
            counted(n, "manager has", "managers have")
        );
        finding(CheckId::SingleReportManager, people, Vec::new(), n, message)
    }

    /// Counted people at or above their effective manager's rank on the
    /// same track. Levels the ladder lacks, and pairs on different tracks
    /// (an IC rank and a management rank are different scales), are not
    /// judged.
    fn compression(&self) -> Option<HealthFinding> {
        let ladder = &self.org.ladder;
        let rank: Vec<Option<(Track, u8)>> = self
            .people
            .iter()
            .map(|p| ladder.level(&p.level).map(|l| (l.track, l.rank)))
            .collect();
        let people: Vec<PersonId> = (0..self.people.len())
            .filter(|&i| self.lines.included[i] && self.lines.effective_parent[i] != NO_PARENT)
            .filter(
                |&i| match (rank[i], rank[self.lines.effective_parent[i] as usize]) {
                    (Some((track, report)), Some((manager_track, manager))) => {
                        track == manager_track && report >= manager
                    }
                    _ => false,
                },
            )
            .map(|i| self.people[i].id.clone())
            .collect();
        let n = people.len() as u64;
        let message = format!(
            "{} at or above their manager's rank on the same track: the manager adds a layer without adding seniority",
            counted(n, "person is", "people are")
        );
        finding(CheckId::Compression, people, Vec::new(), n, message)
    }

    /// Counted people on a layer deeper than the guidance allows for the
    /// org's counted size.
    fn deep_chain(&self) -> Option<HealthFinding> {
        let size = self.metrics.people;
        let allowed = self.guidance.allowed(size);
        let people: Vec<PersonId> = (0..self.people.len())
            .filter(|&i| self.lines.included[i] && self.lines.layer[i] > allowed)
            .map(|i| self.people[i].id.clone())
            .collect();
        let n = people.len() as u64;
        let message = format!(
            "{} more than {allowed} layers from the top (the guidance for {size} people): every layer slows decisions and dilutes context",
            counted(n, "person is", "people are")
        );
        finding(CheckId::DeepChain, people, Vec::new(), n, message)
    }

    fn uncovered(&self) -> Option<HealthFinding> {
        let teams = self.metrics.coverage.uncovered_teams.to_vec();
        let n = teams.len() as u64;
        let message = format!(
            "{} no staff+ engineer supporting {}: nobody senior guides {} technical direction",
            counted(n, "engineering team has", "engineering teams have"),
            if n == 1 { "it" } else { "them" },
            if n == 1 { "its" } else { "their" },
        );
        finding(CheckId::UncoveredTeam, Vec::new(), teams, n, message)
    }

    fn overloaded(&self) -> Option<HealthFinding> {
        let people: Vec<PersonId> = self
            .metrics
            .coverage
            .load
            .iter()
            .filter(|load| load.overloaded)
            .map(|load| PersonId::new(load.id.as_str()))
            .collect();
        let n = people.len() as u64;
        let message = format!(
            "{} more than {}: spread too thin to help any of them",
            counted(n, "staff+ engineer supports", "staff+ engineers support"),
            counted(u64::from(self.metrics.coverage.max_load), "team", "teams")
        );
        finding(CheckId::OverloadedStaffPlus, people, Vec::new(), n, message)
    }

    /// Teams whose lead is missing, not in the org, or not counted (an
    /// open req or a departing person does not lead a team today). When
    /// no team names a lead at all, the source had no leads to give (the
    /// file had no `leads` column, or listed nobody in it): one finding
    /// says so, with the number of teams and no team listed, rather than
    /// a problem per team.
    fn without_lead(&self) -> Option<HealthFinding> {
        let all = self.org.teams();
        if all.iter().all(|team| team.lead.is_none()) {
            let n = all.len() as u64;
            let message = format!(
                "the source names no team leads (no `leads` column, or nobody listed in it): {} without one; add the leads to see who is accountable for each",
                counted(n, "team is", "teams are"),
            );
            return finding(CheckId::TeamWithoutLead, Vec::new(), Vec::new(), n, message);
        }
        let teams: Vec<TeamId> = all
            .iter()
            .filter(|team| {
                !team
                    .lead
                    .as_ref()
                    .and_then(|lead| self.org.person(lead))
                    .is_some_and(|lead| View::Current.includes(lead.status))
            })
            .map(|team| team.id.clone())
            .collect();
        let n = teams.len() as u64;
        let message = format!(
            "{} no lead in the org today: nobody is accountable for {}",
            counted(n, "team has", "teams have"),
            if n == 1 { "it" } else { "them" },
        );
        finding(CheckId::TeamWithoutLead, Vec::new(), teams, n, message)
    }

    /// Teams whose headcount (as the metrics count it) is outside the
    /// team-size target.
    fn team_size(&self) -> Option<HealthFinding> {
        let policy = &self.org.policy;
        let (mut below, mut above) = (0u64, 0u64);
        let teams: Vec<TeamId> = self
            .org
            .teams()
            .iter()
            .zip(&self.metrics.teams)
            .filter(|(_, stats)| {
                match SizeVerdict::of(stats.headcount, policy.team_min, policy.team_max) {
                    SizeVerdict::Below => {
                        below += 1;
                        true
                    }
                    SizeVerdict::Above => {
                        above += 1;
                        true
                    }
                    SizeVerdict::Within => false,
                }
            })
            .map(|(team, _)| team.id.clone())
            .collect();
        let n = teams.len() as u64;
        let message = format!(
            "{} outside the {}-{} member target ({below} below, {above} above): too small to be resilient or too large to coordinate",
            counted(n, "team is", "teams are"),
            policy.team_min,
            policy.team_max
        );
        finding(CheckId::TeamSizeOutOfTarget, Vec::new(), teams, n, message)
    }

    /// Open reqs and planned hires whose manager (their nearest ancestor
    /// counted in the planned view) is above the band today, or would be
    /// with the org's open reqs and planned hires counted.
    fn open_reqs(&self) -> Option<HealthFinding> {
        let max = self.org.policy.band_max;
        let planned = LineState::lines(self.input, View::Planned);
        let people: Vec<PersonId> = (0..self.people.len())
            .filter(|&i| matches!(self.input.status[i], Status::Open | Status::Planned))
            .filter(|&i| {
                let manager = planned.effective_parent[i];
                manager != NO_PARENT
                    && (self.lines.span[manager as usize] > max
                        || planned.span[manager as usize] > max)
            })
            .map(|i| self.people[i].id.clone())
            .collect();
        let n = people.len() as u64;
        let message = format!(
            "{} would report to a manager above the band's {max} direct reports: hiring widens a span that is already too wide",
            counted(n, "open req or planned hire", "open reqs or planned hires")
        );
        finding(
            CheckId::OpenReqUnderWideManager,
            people,
            Vec::new(),
            n,
            message,
        )
    }
}
