//! Emission: walks the plan top down and writes records in pre-order
//! (every manager before their reports; the architecture group last).

use super::naming::numbered;
use super::plan::{Kind, Plan, ARCHITECTURE_SPAN};
use super::vocabulary::{
    GROUPS, IC1, IC2, IC3, IC4, IC5, IC6, IC7, M1, M2, M3, M4, M5, M6, M7, SPECIALTIES,
};
use super::{Ctx, Generator, ARCHITECTURE_TEAM, CTO_DEPARTMENT, SMALL_ORG_DEPARTMENT};
use crate::model::Status;

impl Generator {
    pub(super) fn run(&mut self) {
        if self.people == 0 {
            return;
        }
        let city = self.city();
        let record = self.person(
            M7,
            "Chief Technology Officer".to_string(),
            CTO_DEPARTMENT,
            city,
            Status::Active,
        );
        let cto = self.add(None, record);
        if self.people == 1 {
            return;
        }
        if self.people <= 4 {
            // A founding team reporting straight to the CTO.
            let area = self.below(self.areas.len());
            self.open_team(area, None, None);
            for _ in 1..self.people {
                self.emit_engineer(0, cto, SMALL_ORG_DEPARTMENT);
            }
            return;
        }

        let plan = self.plan();
        let layers = plan.kinds.len();
        if layers == 0 {
            let ctx = Ctx {
                area: self.below(self.areas.len()),
                ..Ctx::default()
            };
            for team in 0..plan.team_size.len() {
                self.emit_team(&plan, team, cto, SMALL_ORG_DEPARTMENT, ctx);
            }
        } else {
            for node in 0..plan.spans[layers - 1].len() {
                self.emit_manager(&plan, layers, node, cto, Ctx::default());
            }
        }
        if plan.has_architecture {
            self.emit_architecture(&plan, cto);
        }
        debug_assert_eq!(self.out.len(), self.people);
    }

    fn emit_manager(
        &mut self,
        plan: &Plan,
        layer: usize,
        node: usize,
        manager: usize,
        mut ctx: Ctx,
    ) {
        let kind = plan.kinds[layer - 1];
        let has_senior_directors = plan.kinds.contains(&Kind::SeniorDirector);
        let has_svps = plan.kinds.contains(&Kind::Svp);
        let (level, title) = match kind {
            Kind::Director if !has_senior_directors && self.below(4) == 0 => {
                (M4, "Senior Director of Engineering")
            }
            Kind::Director => (M3, "Director of Engineering"),
            Kind::SeniorDirector => (M4, "Senior Director of Engineering"),
            Kind::Vp if !has_svps && self.below(4) == 0 => {
                (M6, "Senior Vice President of Engineering")
            }
            Kind::Vp => (M5, "Vice President of Engineering"),
            Kind::GroupVp => (M6, "Group Vice President of Engineering"),
            Kind::Svp => (M6, "Senior Vice President of Engineering"),
            Kind::Evp => (M6, "Executive Vice President of Engineering"),
        };
        let department = match kind {
            Kind::Director => {
                let area = self.next_area(ctx.group);
                ctx.area = area;
                numbered(self.areas[area].name, &mut self.area_uses[area])
            }
            Kind::SeniorDirector => match ctx.vp {
                Some(vp) => self.out[vp].department.to_string(),
                None => SMALL_ORG_DEPARTMENT.to_string(),
            },
            Kind::Vp => {
                let group = self.next_group();
                ctx.group = Some(group);
                numbered(GROUPS[group].name, &mut self.group_uses[group])
            }
            Kind::GroupVp | Kind::Svp | Kind::Evp => self.next_division(),
        };
        let city = self.city();
        let record = self.person(level, title.to_string(), &department, city, Status::Active);
        let me = self.add(Some(manager), record);
        match kind {
            Kind::Director => ctx.director = Some(me),
            Kind::Vp => ctx.vp = Some(me),
            _ => {}
        }

        let (first, count) = plan.children(layer, node);
        if layer == 1 {
            for team in first..first + count {
                self.emit_team(plan, team, me, &department, ctx);
            }
            for team in first..first + count {
                for _ in 0..plan.staff_to_director[team] {
                    self.emit_embedded_staff(team, me, &department, ctx);
                }
            }
        } else {
            for child in first..first + count {
                self.emit_manager(plan, layer - 1, child, me, ctx);
            }
        }
    }

    /// Names the next team and records its per-team data; returns its index.
    fn open_team(&mut self, area: usize, director: Option<usize>, vp: Option<usize>) -> usize {
        let name = self.next_team_name(area);
        let city = self.city();
        self.team_names.push(self.strings.intern(&name));
        self.team_city.push(city);
        self.team_director.push(director);
        self.team_vp.push(vp);
        self.team_names.len() - 1
    }

    fn emit_team(&mut self, plan: &Plan, team: usize, manager: usize, department: &str, ctx: Ctx) {
        let index = self.open_team(ctx.area, ctx.director, ctx.vp);
        debug_assert_eq!(index, team, "teams are emitted in plan order");
        let (level, title) = if self.below(4) == 0 {
            (M2, "Senior Engineering Manager")
        } else {
            (M1, "Engineering Manager")
        };
        let city = self.team_city[team];
        let mut record = self.person(level, title.to_string(), department, city, Status::Active);
        record.team = self.team_names[team].clone();
        let em = self.add(Some(manager), record);

        let staff = plan.team_staff[team];
        for _ in plan.staff_to_director[team]..staff {
            self.emit_embedded_staff(team, em, department, ctx);
        }
        let engineers = (plan.team_size[team] as usize).saturating_sub(1 + usize::from(staff));
        for _ in 0..engineers {
            self.emit_engineer(team, em, department);
        }
    }

    fn emit_engineer(&mut self, team: usize, manager: usize, department: &str) {
        let level = match self.below(100) {
            0..20 => IC1,
            20..60 => IC2,
            _ => IC3,
        };
        let mut roll = self.below(100);
        let mut specialty = SPECIALTIES[0].0;
        for (name, weight) in SPECIALTIES {
            if roll < weight {
                specialty = name;
                break;
            }
            roll -= weight;
        }
        let prefix = match level {
            IC1 => "Associate ",
            IC2 => "",
            _ => "Senior ",
        };
        let mut title = String::with_capacity(prefix.len() + specialty.len());
        title.push_str(prefix);
        title.push_str(specialty);
        let status = self.leaf_status();
        let city = if self.below(100) < 85 {
            self.team_city[team]
        } else {
            self.city()
        };
        let mut record = self.person(level, title, department, city, status);
        record.team = self.team_names[team].clone();
        self.add(Some(manager), record);
    }

    fn emit_embedded_staff(&mut self, team: usize, manager: usize, department: &str, ctx: Ctx) {
        let (level, title) = match self.below(1000) {
            0..720 if self.below(10) < 4 => (IC4, "Staff Software Engineer"),
            0..720 => (IC4, "Staff Engineer"),
            720..940 => (IC5, "Principal Engineer"),
            940..997 => (IC6, "Distinguished Engineer"),
            _ => (IC7, "Fellow"),
        };
        let status = self.leaf_status();
        let city = if self.below(100) < 70 {
            self.team_city[team]
        } else {
            self.city()
        };
        let mut record = self.person(level, title.to_string(), department, city, status);
        record.team = self.team_names[team].clone();
        // The home team is supported implicitly; some also help a neighbour.
        if self.below(100) < 12 {
            let same_org = |other: usize| self.team_director[other] == ctx.director;
            let neighbour = if team > 0 && same_org(team - 1) {
                Some(team - 1)
            } else if team + 1 < self.team_names.len() && same_org(team + 1) {
                Some(team + 1)
            } else {
                None
            };
            if let Some(neighbour) = neighbour {
                record.supports.push(self.team_names[neighbour].to_string());
            }
        }
        if self.take_dotted() {
            let target = [ctx.vp, ctx.director, Some(0)]
                .into_iter()
                .flatten()
                .find(|&p| p != manager);
            if let Some(target) = target {
                record.dotted_managers.push(self.out[target].id.to_string());
            }
        }
        self.add(Some(manager), record);
    }

    /// `count` distinct product teams near a random one (architects tend to
    /// work across a neighbourhood of the org).
    fn pick_teams(&mut self, count: usize) -> Vec<usize> {
        let teams = self.team_names.len();
        let count = count.min(teams);
        let mut picked = Vec::with_capacity(count);
        let mut at = self.below(teams.max(1));
        while picked.len() < count {
            while picked.contains(&at) {
                at = (at + 1) % teams;
            }
            picked.push(at);
            at = (at + 1 + self.below(3)) % teams;
        }
        picked
    }

    fn emit_architecture(&mut self, plan: &Plan, cto: usize) {
        let level = if self.people >= 1000 { IC6 } else { IC5 };
        let city = self.city();
        let mut record = self.person(
            level,
            "Chief Architect".to_string(),
            CTO_DEPARTMENT,
            city,
            Status::Active,
        );
        record.team = self.strings.intern(ARCHITECTURE_TEAM);
        record.supports = self
            .pick_teams(2)
            .into_iter()
            .map(|t| self.team_names[t].to_string())
            .collect();
        let head = self.add(Some(cto), record);
        self.emit_architects(plan, 0, head);
    }

    /// The architecture group is a tree of branching [`ARCHITECTURE_SPAN`]
    /// laid out like a heap: node 0 is the head, architects are 1..=n and
    /// node x leads nodes x*span+1 ..= x*span+span.
    fn emit_architects(&mut self, plan: &Plan, node: usize, manager: usize) {
        let first = node * ARCHITECTURE_SPAN + 1;
        let last = (first + ARCHITECTURE_SPAN - 1).min(plan.architects);
        for child in first..=last {
            let leads = child * ARCHITECTURE_SPAN < plan.architects;
            let (level, title, status) = if leads {
                let (level, title) = if self.below(10) < 6 {
                    (IC6, "Distinguished Architect")
                } else {
                    (IC5, "Principal Architect")
                };
                (level, title, Status::Active)
            } else {
                let (level, title) = match self.below(100) {
                    0..30 => (IC4, "Staff Architect"),
                    30..80 => (IC5, "Principal Architect"),
                    80..99 => (IC6, "Distinguished Architect"),
                    _ => (IC7, "Fellow"),
                };
                (level, title, self.leaf_status())
            };
            let city = self.city();
            let mut record = self.person(level, title.to_string(), CTO_DEPARTMENT, city, status);
            record.team = self.strings.intern(ARCHITECTURE_TEAM);
            let count = match self.below(100) {
                0..35 => 2,
                35..75 => 3,
                75..92 => 4,
                _ => 5,
            };
            let supported = self.pick_teams(count);
            if self.take_dotted() {
                let first_team = supported.first().copied();
                let target = first_team.and_then(|t| self.team_vp[t].or(self.team_director[t]));
                if let Some(target) = target {
                    record.dotted_managers.push(self.out[target].id.to_string());
                }
            }
            record.supports = supported
                .into_iter()
                .map(|t| self.team_names[t].to_string())
                .collect();
            let me = self.add(Some(manager), record);
            self.emit_architects(plan, child, me);
        }
    }
}
