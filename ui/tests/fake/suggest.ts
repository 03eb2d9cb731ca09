// The fake backend's suggestions: the placement and span suggestions the
// real backend wrote for the state on show under the options asked
// (`src/ui_fixtures/suggestions.rs`), and saving one as a new scenario,
// whose changes are recorded as the requests they are.

import type {
  Change,
  PlacementOptions,
  PlacementSuggestion,
  SpanOptions,
  SpanSuggestion,
  SuggestionRequest,
} from "../../src/generated";
import type { BackendState } from "../backendFixtures";
import type { FakeChange } from "./changes";
import type { FakeBackend, FakeContext } from "./context";

/** What the backend wrote for a state asked for `suggestions`. */
export interface SuggestionAnswers {
  placement: { options: PlacementOptions; answer: PlacementSuggestion }[];
  spans: { options: SpanOptions; answer: SpanSuggestion }[];
}

type SuggestCommands = Pick<FakeBackend, "suggestPlacement" | "suggestSpans" | "saveSuggestion">;

/** The same JSON whatever the key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, w]) => [k, canonical(w)]))
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function written(ctx: FakeContext): SuggestionAnswers {
  const state = ctx.answers() as BackendState & { suggestions?: SuggestionAnswers };
  if (!state.suggestions) {
    throw new Error(`the backend wrote no suggestions for ${JSON.stringify(ctx.applied(ctx.backend.shown))}: ask for "suggestions" in src/ui_fixtures/orgs.rs`);
  }
  return state.suggestions;
}

function answerFor<O, S>(asked: { options: O; answer: S }[], options: O, what: string): S {
  const found = asked.find((a) => sameJson(a.options, options));
  if (!found) throw new Error(`the backend wrote no ${what} suggestion under ${JSON.stringify(options)}: add the options to src/ui_fixtures/suggestions.rs`);
  return structuredClone(found.answer);
}

export function suggestCommands(ctx: FakeContext): SuggestCommands {
  return {
    async suggestPlacement(options) {
      ctx.maybeFail("suggestPlacement");
      return answerFor(written(ctx).placement, options, "placement");
    },
    async suggestSpans(options) {
      ctx.maybeFail("suggestSpans");
      return answerFor(written(ctx).spans, options, "span");
    },
    async saveSuggestion(name: string, changes: Change[], request: SuggestionRequest) {
      ctx.maybeFail(`saveSuggestion:${name}:${request.kind}`);
      const data = ctx.backend.scenarioData;
      const shown = ctx.backend.shown;
      const from = data.get(shown)!;
      if (data.has(name)) throw { code: "already-exists", message: `scenario '${name}' already exists` };
      if (changes.length === 0) throw { code: "invalid-input", message: "there are no changes to save" };
      const saved: FakeChange[] = [...from.changes.slice(0, from.head), ...changes.map((request): FakeChange => ({ kind: "request", request }))];
      data.set(name, { parent: shown, changes: saved, head: saved.length });
      const state = ctx.show(name);
      ctx.snapshot(request.kind === "placement" ? "suggested placement" : "suggested rebalancing");
      return state;
    },
  };
}
