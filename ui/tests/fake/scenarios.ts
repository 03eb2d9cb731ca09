// The fake backend's scenarios: their list and state, undo and redo, the
// change list, conflicts after a re-import, Compare, the plan and the
// Staff+ board's what-ifs. Figures are the real backend's (backendFixtures.ts).

import type {
  BoardView,
  ChangeLine,
  ComparisonView,
  ConflictReason,
  ListedScenario,
  ScenarioState,
  ShownConflict,
  WhatIf,
} from "../../src/generated";
import { answerOf, comparisonOf } from "../backendFixtures";
import type { FakeChange, FakeScenario } from "./changes";
import type { FakeBackend, FakeContext } from "./context";

/** How the backend labels a change in undo tooltips and the change list. */
export function describeChange(c: FakeChange): string {
  if (c.kind === "move") return `move ${c.person} -> ${c.to ?? "(top)"}`;
  if (c.kind === "remove") return `remove ${c.person}`;
  if (c.kind === "whatIf") return `staff+ ${c.whatIf}`;
  return c.request.kind;
}

/** Moves of `name` whose person or manager the baseline no longer has, as the core words them. */
function conflictsOf(ctx: FakeContext, name: string): ShownConflict[] {
  const s = ctx.backend.scenarioData.get(name)!;
  // Who is in the org as the changes before each one leave it.
  const present = new Set(ctx.base.map((n) => n.id));
  const found: ShownConflict[] = [];
  s.changes.slice(0, s.head).forEach((change, i) => {
    if (change.kind === "move") {
      const [why, reason]: [ConflictReason | null, string | null] = !present.has(change.person)
        ? [{ kind: "person-gone", person: change.person }, `'${change.person}' is no longer in the org`]
        : change.to !== null && !present.has(change.to)
          ? [{ kind: "manager-gone", manager: change.to }, `manager '${change.to}' is no longer in the org`]
          : [null, null];
      if (why !== null && reason !== null) {
        const retargetable = why.kind !== "person-gone";
        found.push({ conflict: { position: i + 1, change: describeChange(change), reason: why, retargetable }, reason });
      }
    }
    if (change.kind === "remove") present.delete(change.person);
    if (change.kind === "request" && change.request.kind === "remove-person") present.delete(change.request.person);
    if (change.kind === "request" && change.request.kind === "enter-person" && change.request.person.id) present.add(change.request.person.id);
  });
  return found;
}

function listed(ctx: FakeContext, name: string): ListedScenario {
  const s = ctx.backend.scenarioData.get(name)!;
  return {
    name,
    parent: s.parent,
    is_baseline: name === "baseline",
    head: s.head,
    changes: s.changes.length,
    can_undo: s.head > 0,
    can_redo: s.head < s.changes.length,
    conflicts: conflictsOf(ctx, name).length,
  };
}

/** The scenario on show and every scenario, as each scenario command answers. */
export function scenarioState(ctx: FakeContext): ScenarioState {
  const { backend } = ctx;
  const s = backend.scenarioData.get(backend.shown)!;
  return {
    current: listed(ctx, backend.shown),
    all: [...backend.scenarioData.keys()].map((name) => listed(ctx, name)),
    undo_label: s.head > 0 ? describeChange(s.changes[s.head - 1]!) : null,
    redo_label: s.head < s.changes.length ? describeChange(s.changes[s.head]!) : null,
    conflicts: conflictsOf(ctx, backend.shown),
  };
}

function requireScenario(ctx: FakeContext, name: string): FakeScenario {
  const s = ctx.backend.scenarioData.get(name);
  if (!s) throw { code: "not-found", message: `no scenario '${name}'` };
  return s;
}

function requireFree(ctx: FakeContext, name: string): void {
  if (name.includes("/")) throw { code: "invalid-input", message: "a name may not contain '/'" };
  if (ctx.backend.scenarioData.has(name)) throw { code: "already-exists", message: `scenario '${name}' exists` };
}

function staffPlusBoardOf(ctx: FakeContext, whatIf: WhatIf): BoardView {
  const board = ctx.answers().staffPlus[whatIf];
  if (!board) throw new Error(`the backend wrote no ${whatIf} staff+ board for ${JSON.stringify(ctx.applied(ctx.backend.shown))}`);
  return structuredClone(board);
}

type ScenarioCommands = Pick<
  FakeBackend,
  | "scenarios"
  | "switchScenario"
  | "createScenario"
  | "duplicateScenario"
  | "renameScenario"
  | "deleteScenario"
  | "scenarioChanges"
  | "compareScenarios"
  | "headcountPlan"
  | "staffPlusBoard"
  | "saveWhatIf"
>;

/** Listing, showing, branching, renaming and deleting scenarios; Compare, plan, Staff+. */
export function scenarioCommands(ctx: FakeContext): ScenarioCommands & HistoryCommands {
  const data = () => ctx.backend.scenarioData;
  return {
    ...historyCommands(ctx),
    async scenarios() {
      ctx.maybeFail("scenarios");
      return scenarioState(ctx);
    },
    async switchScenario(name) {
      ctx.maybeFail(`switchScenario:${name}`);
      requireScenario(ctx, name);
      return ctx.show(name);
    },
    async createScenario(name, from) {
      ctx.maybeFail(`createScenario:${name}<-${from}`);
      const parent = requireScenario(ctx, from);
      requireFree(ctx, name);
      const changes = parent.changes.slice(0, parent.head);
      data().set(name, { parent: from, changes, head: changes.length });
      return ctx.show(name);
    },
    async duplicateScenario(name, newName) {
      ctx.maybeFail(`duplicateScenario:${name}->${newName}`);
      const s = requireScenario(ctx, name);
      requireFree(ctx, newName);
      data().set(newName, { parent: s.parent ?? name, changes: [...s.changes], head: s.head });
      return ctx.show(newName);
    },
    async renameScenario(name, newName) {
      ctx.maybeFail(`renameScenario:${name}->${newName}`);
      const s = requireScenario(ctx, name);
      if (name === "baseline") throw { code: "invalid-input", message: "the baseline can't be renamed" };
      requireFree(ctx, newName);
      data().delete(name);
      data().set(newName, s);
      if (ctx.backend.shown === name) ctx.backend.shown = newName;
      return scenarioState(ctx);
    },
    async deleteScenario(name) {
      ctx.maybeFail(`deleteScenario:${name}`);
      requireScenario(ctx, name);
      if (name === "baseline") throw { code: "invalid-input", message: "the baseline can't be deleted" };
      data().delete(name);
      return ctx.backend.shown === name ? ctx.show("baseline") : scenarioState(ctx);
    },
    async scenarioChanges(): Promise<ChangeLine[]> {
      ctx.maybeFail("scenarioChanges");
      const s = data().get(ctx.backend.shown)!;
      return s.changes.map((c, i) => ({
        position: i + 1,
        kind: c.kind === "request" ? c.request.kind : c.kind === "whatIf" ? "editPerson" : c.kind,
        description: describeChange(c),
        ids: c.kind === "move" || c.kind === "remove" ? [c.person] : [],
        effective: null,
        applied: i < s.head,
      }));
    },
    async compareScenarios(names): Promise<ComparisonView> {
      ctx.maybeFail(`compareScenarios:${names.join(",")}`);
      for (const n of names) requireScenario(ctx, n);
      if (!ctx.figures) throw new Error("this fake has no backend figures to compare");
      return comparisonOf(ctx.figures, names.map((n) => ({ name: n, changes: ctx.applied(n) })));
    },
    async headcountPlan() {
      ctx.maybeFail("headcountPlan");
      return { ...answerOf(ctx.figures, ctx.answers(), "plan"), scenario: ctx.backend.shown };
    },
    async staffPlusBoard(whatIf) {
      ctx.maybeFail(`staffPlusBoard:${whatIf}`);
      return staffPlusBoardOf(ctx, whatIf);
    },
    async saveWhatIf(name, whatIf) {
      ctx.maybeFail(`saveWhatIf:${name}:${whatIf}`);
      const shown = ctx.backend.shown;
      const from = requireScenario(ctx, shown);
      requireFree(ctx, name);
      if (staffPlusBoardOf(ctx, whatIf).changes === 0) throw { code: "invalid-input", message: "this preview changes nothing" };
      const changes: FakeChange[] = [...from.changes.slice(0, from.head), { kind: "whatIf", whatIf }];
      data().set(name, { parent: shown, changes, head: changes.length });
      return ctx.show(name);
    },
  };
}

type HistoryCommands = Pick<FakeBackend, "undo" | "redo" | "dropChange" | "retargetMove">;

/** Undo, redo, and the change list's drop and retarget. */
function historyCommands(ctx: FakeContext): HistoryCommands {
  const shownScenario = () => ctx.backend.scenarioData.get(ctx.backend.shown)!;
  return {
    async undo() {
      ctx.maybeFail("undo");
      const s = shownScenario();
      if (s.head === 0) throw { code: "nothing-to-undo", message: "nothing to undo" };
      s.head--;
      const shown = ctx.show(ctx.backend.shown);
      ctx.snapshot("undo");
      return shown;
    },
    async redo() {
      ctx.maybeFail("redo");
      const s = shownScenario();
      if (s.head === s.changes.length) throw { code: "nothing-to-redo", message: "nothing to redo" };
      s.head++;
      const shown = ctx.show(ctx.backend.shown);
      ctx.snapshot("redo");
      return shown;
    },
    async dropChange(position) {
      ctx.maybeFail(`dropChange:${position}`);
      const s = shownScenario();
      if (position < 1 || position > s.changes.length) {
        throw { code: "invalid-input", message: `scenario '${ctx.backend.shown}' has no change ${position}` };
      }
      s.changes.splice(position - 1, 1);
      if (position <= s.head) s.head--;
      return ctx.show(ctx.backend.shown);
    },
    async retargetMove(position, manager) {
      ctx.maybeFail(`retargetMove:${position}`);
      const s = shownScenario();
      const change = s.changes[position - 1];
      if (change?.kind !== "move") throw { code: "invalid-input", message: `change ${position} is not a move` };
      if (manager !== null && !ctx.base.some((n) => n.id === manager)) {
        throw { code: "invalid-input", message: `move ${change.person} to ${manager} would not apply either` };
      }
      s.changes[position - 1] = { ...change, to: manager };
      return ctx.show(ctx.backend.shown);
    },
  };
}
