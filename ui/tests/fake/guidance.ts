// The fake backend's layer guidance: the workspace's, as the backend wrote
// it for a fresh workspace (src/ui_fixtures.rs, file key `guidance`), set
// only to a guidance some state was written under, and refused as the core
// refused the ones the backend tried. The fake never checks a guidance
// itself: a guidance the backend did not write an answer for throws.

import type { LayerGuidance } from "../../src/generated";
import type { Platform } from "../../src/lib/platform";
import { canonical } from "../backendFixtures";
import type { FakeContext } from "./context";

export function guidanceCommands(ctx: FakeContext): Pick<Platform, "layerGuidance" | "setLayerGuidance"> {
  return {
    async layerGuidance() {
      ctx.maybeFail("layerGuidance");
      return structuredClone(ctx.backend.workspaceGuidance);
    },
    async setLayerGuidance(guidance: LayerGuidance) {
      ctx.maybeFail("setLayerGuidance");
      const key = canonical(guidance);
      const refused = ctx.figures.guidance.refused.find((r) => canonical(r.guidance) === key);
      if (refused) throw structuredClone(refused.error);
      const written = [ctx.figures.guidance.workspace, ...ctx.figures.states.flatMap((s) => (s.layerGuidance ? [s.layerGuidance] : []))];
      if (!written.some((g) => canonical(g) === key)) {
        throw new Error(
          `the backend wrote no answer for the layer guidance ${key} in '${ctx.figures.org}': add a state under it (or a refusal) in src/ui_fixtures`,
        );
      }
      ctx.backend.workspaceGuidance = structuredClone(guidance);
      return structuredClone(guidance);
    },
  };
}
