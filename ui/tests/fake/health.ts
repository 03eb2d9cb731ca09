// The fake backend's health findings: the real backend's, as it wrote them
// for the state on show (src/ui_fixtures.rs, answer key `health`).

import type { Health } from "../../src/generated";
import type { Platform } from "../../src/lib/platform";
import type { BackendState } from "../backendFixtures";
import type { FakeContext } from "./context";

/** A state the backend wrote, with its findings when a test asked for them. */
type StateWithHealth = BackendState & { health?: Health };

export function healthCommands(ctx: FakeContext): Pick<Platform, "health"> {
  return {
    async health() {
      ctx.maybeFail("health");
      const state: StateWithHealth = ctx.answers();
      if (!state.health) {
        throw new Error(`the backend wrote no health for '${ctx.figures.org}' in this state: add "health" to its answers in src/ui_fixtures/orgs.rs`);
      }
      return structuredClone(state.health);
    },
  };
}
