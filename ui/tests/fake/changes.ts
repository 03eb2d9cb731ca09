// The fake backend's scenario model: the changes it records and how they
// change its chart nodes and which teams and settings exist. Figures
// (metrics, team rows, dashboard, plan, staff+ board, comparison) are not
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
 * request the app sent (person edits change the fake's nodes; team, support
 * and dotted-line requests are only recorded), or a saved staff+ what-if.
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

/** The fake workspace's teams; nodes carry their names, as the backend's do. */
export const FAKE_TEAMS = [
  { id: "core", name: "Core" },
  { id: "payments", name: "Payments" },
];

export function teamName(id: string | null): string | null {
  return id === null ? null : (FAKE_TEAMS.find((t) => t.id === id)?.name ?? id);
}

/** Annual cost in cents of the i-th person of a fake org: 100,000 + i × 1,000. */
export function fakeCost(i: number): number {
  return 10_000_000 + i * 100_000;
}

export function cents(text: string): number | null {
  return text.trim() === "" ? null : Math.round(Number(text.replace(/,/g, "")) * 100);
}

function applyRequest(nodes: ChartNode[], request: Edit): ChartNode[] {
  if (request.kind === "move") return applyChange(nodes, { kind: "move", person: request.person, to: request.manager });
  if (request.kind === "move-alone") {
    // The person moves; their direct reports stay with the old manager.
    const person = nodes.find((n) => n.id === request.person);
    if (!person) return nodes;
    for (const r of nodes.filter((n) => n.manager === person.index)) {
      applyChange(nodes, { kind: "move", person: r.id, to: person.manager === null ? null : nodes[person.manager]!.id });
    }
    return applyChange(nodes, { kind: "move", person: request.person, to: request.manager });
  }
  if (request.kind === "remove-person") return applyChange(nodes, { kind: "remove", person: request.person });
  if (request.kind === "enter-person") {
    const p = request.person;
    const manager = nodes.find((n) => n.id === request.manager) ?? null;
    if (manager) manager.span++;
    const added: ChartNode = {
      ...node(nodes.length, p.id ?? `REQ-${nodes.length}`, p.name, manager ? manager.index : null),
      title: p.title,
      level: p.level,
      team: teamName(p.team),
      team_id: p.team,
      status: p.status,
    };
    return [...nodes, added];
  }
  if (request.kind === "edit-person") {
    const person = nodes.find((n) => n.id === request.person);
    if (!person) return nodes;
    const edit = request.edit;
    if (edit.field === "name") person.name = edit.value;
    if (edit.field === "title") person.title = edit.value;
    if (edit.field === "level") person.level = edit.value;
    if (edit.field === "status") person.status = edit.value;
    if (edit.field === "team") {
      person.team = teamName(edit.value);
      person.team_id = edit.value;
    }
  }
  if (request.kind === "assign-team") {
    for (const n of nodes) {
      if (request.people.includes(n.id)) {
        n.team = teamName(request.team);
        n.team_id = request.team;
      }
    }
  }
  if (request.kind === "dissolve-team") {
    for (const n of nodes) if (n.team_id === request.team) n.team = n.team_id = null;
  }
  return nodes;
}

export function applyChange(nodes: ChartNode[], change: FakeChange): ChartNode[] {
  if (change.kind === "request") return applyRequest(nodes, change.request);
  if (change.kind === "move") {
    const person = nodes.find((n) => n.id === change.person);
    const manager = nodes.find((n) => n.id === change.to);
    // A move whose person or manager is gone does not apply (a conflict).
    if (!person || (change.to !== null && !manager)) return nodes;
    const old = person.manager;
    person.manager = manager ? manager.index : null;
    if (old !== null) nodes[old]!.span--;
    if (manager) manager.span++;
    return nodes;
  }
  // A saved what-if changes staff+ placements, which the nodes only carry
  // as the backend computed them.
  if (change.kind === "whatIf") return nodes;
  // Remove a person (a leaf) and renumber everyone after them.
  const gone = nodes.find((n) => n.id === change.person);
  if (!gone) return nodes;
  if (gone.manager !== null) nodes[gone.manager]!.span--;
  const kept = nodes.filter((n) => n !== gone);
  const renumber = new Map(kept.map((n, i) => [n.index, i]));
  return kept.map((n) => ({
    ...n,
    index: renumber.get(n.index)!,
    manager: n.manager === null ? null : (renumber.get(n.manager) ?? null),
  }));
}

export function managersOf(nodes: ChartNode[]): number {
  return nodes.filter((n) => n.span > 0).length;
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
