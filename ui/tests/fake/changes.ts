// The fake backend's scenario model: the changes it records and which
// teams and settings they leave. Figures (chart nodes, metrics, people
// table, team rows, dashboard, plan, staff+ board, comparison) are not
// computed here: the fake serves the real backend's (backendFixtures.ts).

import type { ChartNode, SettingsOnShow, Target, TeamRow, WhatIf } from "../../src/generated";
import { isEntered, type Edit } from "../../src/lib/edits";
import { answerOf, backendOrg, stateOf } from "../backendFixtures";
import type { FakeBackend, FakeContext } from "./context";
import { scenarioState } from "./scenarios";

export function node(index: number, id: string, name: string, manager: number | null, span = 0): ChartNode {
  return {
    index,
    id,
    name,
    title: span > 0 ? "Manager" : "Engineer",
    team: "Core",
    team_id: "core",
    level: "L4",
    status: "active",
    manager,
    span,
    verdict: span > 0 ? "narrow" : null,
    total_reports: span,
    staff_plus: false,
    placement: null,
  };
}

/** The backend's teams of the `small` org before any change: Core (everyone) and Payments. */
export function baseTeams(): TeamRow[] {
  const org = backendOrg("small");
  return answerOf(org, stateOf(org, []), "teams");
}

export function teamSlug(name: string): string {
  return `team-${name.trim().toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join("-")}`;
}

/**
 * A change in the fake's scenarios: a move, a person leaving, or any other
 * request the app sent, or a saved staff+ what-if; each only recorded (the
 * nodes after it are the backend's).
 */
export type FakeChange =
  | { kind: "move"; person: string; to: string | null }
  | { kind: "remove"; person: string }
  | { kind: "request"; request: Edit }
  | { kind: "whatIf"; whatIf: WhatIf };

export interface FakeScenario {
  parent: string | null;
  changes: FakeChange[];
  head: number;
}

/** `settings` with one target set in the scenario, marked as its own. */
export function withTarget(settings: SettingsOnShow, target: Target): SettingsOnShow {
  const p = settings.policy;
  const own = settings.overrides;
  switch (target.setting) {
    case "band":
      return { ...settings, policy: { ...p, band_min: target.min, band_max: target.max }, overrides: { ...own, band: true } };
    case "team-size":
      return { ...settings, policy: { ...p, team_min: target.min, team_max: target.max }, overrides: { ...own, team_size: true } };
    case "max-load":
      return { ...settings, policy: { ...p, max_load: target.max_load }, overrides: { ...own, max_load: true } };
  }
}

/** Team and settings edits replayed over the base, like the backend's scenario. */
export function replaySettingsAndTeams(changes: readonly FakeChange[], workspace: SettingsOnShow): { teams: TeamRow[]; settings: SettingsOnShow } {
  let teams = baseTeams();
  let settings = workspace;
  for (const change of changes) {
    if (change.kind !== "request") continue;
    const r = change.request;
    if (r.kind === "enter-team") {
      teams.push({ ...baseTeams()[1]!, id: r.team ?? teamSlug(r.name), name: r.name, kind: r.team_kind, department: r.department });
    } else if (r.kind === "rename-team") {
      teams = teams.map((t) => (t.id === r.team ? { ...t, name: r.name } : t));
    } else if (r.kind === "set-team-kind") {
      teams = teams.map((t) => (t.id === r.team ? { ...t, kind: r.team_kind } : t));
    } else if (r.kind === "dissolve-team") {
      teams = teams.filter((t) => t.id !== r.team);
    } else if (r.kind === "set-policy") {
      settings = { ...settings, policy: r.policy, overrides: { ...settings.overrides, band: true, team_size: true, max_load: true } };
    } else if (r.kind === "set-target") {
      settings = withTarget(settings, r.target);
    } else if (r.kind === "set-ladder") {
      settings = { ...settings, ladder: r.ladder, overrides: { ...settings.overrides, ladder: true } };
    }
  }
  return { teams, settings };
}

/** Annual cost in cents of the i-th person of a fake org: 100,000 + i × 1,000. */
export function fakeCost(i: number): number {
  return 10_000_000 + i * 100_000;
}

/** Refuses what the core refuses, with the same codes. */
function validate(ctx: FakeContext, request: Edit): void {
  const { teams, settings } = ctx.replayed();
  const known = (id: string) => teams.some((t) => t.id === id);
  const refuse = (message: string) => {
    throw { code: "invalid-input", message };
  };
  if (request.kind === "enter-team" && known(request.team ?? teamSlug(request.name))) {
    throw { code: "invalid-input", message: `a team with id '${request.team ?? teamSlug(request.name)}' already exists` };
  }
  if ((request.kind === "rename-team" || request.kind === "set-team-kind" || request.kind === "dissolve-team") && !known(request.team)) {
    refuse(`no team with id '${request.team}'`);
  }
  if (request.kind === "assign-team" && request.team !== null && !known(request.team)) refuse(`no team with id '${request.team}'`);
  if (request.kind === "set-policy") {
    const p = request.policy;
    if (p.band_min < 1 || p.band_min > p.band_max || p.team_min < 1 || p.team_min > p.team_max) refuse("the range is not valid");
    if (JSON.stringify(p) === JSON.stringify(settings.policy)) refuse("the policy is already set that way");
  }
  if (request.kind === "set-target") {
    const next = withTarget(settings, request.target).policy;
    if (next.band_min < 1 || next.band_min > next.band_max || next.team_min < 1 || next.team_min > next.team_max) refuse("the range is not valid");
    if (JSON.stringify(next) === JSON.stringify(settings.policy)) refuse("the target is already set");
  }
  if (request.kind === "set-ladder" && request.ladder.length === 0) refuse("a ladder needs at least one level");
}

/** Records an edit as the backend applies it: refused, changing nothing, where the core would refuse it. */
function apply(ctx: FakeContext, request: Edit) {
  ctx.maybeFail(`${isEntered(request) ? "applyEnteredChange" : "applyChange"}:${request.kind}`);
  if (request.kind === "enter-value" && request.field === "cost" && !/^\d+(\.\d{1,2})?$/.test(request.value)) {
    throw { code: "invalid-input", message: `cost '${request.value}' is not an amount` };
  }
  validate(ctx, request);
  ctx.record({ kind: "request", request });
  return scenarioState(ctx);
}

/** Applying a change, and the teams and settings the changes leave. */
export function changeCommands(ctx: FakeContext): Pick<FakeBackend, "applyChange" | "applyEnteredChange" | "teams" | "settings"> {
  return {
    async applyChange(request) {
      return apply(ctx, request);
    },
    async applyEnteredChange(request) {
      return apply(ctx, request);
    },
    async teams() {
      ctx.maybeFail("teams");
      return answerOf(ctx.figures, ctx.answers(), "teams");
    },
    async settings() {
      ctx.maybeFail("settings");
      return ctx.replayed().settings;
    },
  };
}
