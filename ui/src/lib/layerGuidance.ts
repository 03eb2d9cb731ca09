// The layer guidance as the Settings dialog edits it: rows a person reads
// ("Up to [500] people: at most [5] layers", "Above that: at most [9]
// layers"), typed as text. Only whole numbers are read here; whether the
// guidance makes sense (sizes that increase, at least one layer) is the
// core's to say when it is saved (`set_layer_guidance`), so the rule lives
// in one place and its message is the core's.

import type { LayerGuidance, LayerLimit } from "../generated";
import { formatCount } from "./format";

export interface GuidanceStepDraft {
  upTo: string;
  layers: string;
}

export interface GuidanceDraft {
  steps: GuidanceStepDraft[];
  above: string;
}

export function guidanceDraftOf(guidance: LayerGuidance): GuidanceDraft {
  return {
    steps: guidance.steps.map((s) => ({ upTo: String(s.up_to), layers: String(s.layers) })),
    above: String(guidance.above),
  };
}

/** The largest value the core's layer count (`u32`) holds. */
const MAX_LAYERS = 4_294_967_295;

function whole(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= max ? value : null;
}

export type GuidanceRead = { ok: true; guidance: LayerGuidance } | { ok: false; message: string };

/** The guidance the draft's fields hold, or which field is not a whole number. */
export function readGuidanceDraft(draft: GuidanceDraft): GuidanceRead {
  const steps: LayerGuidance["steps"] = [];
  for (const [i, step] of draft.steps.entries()) {
    const upTo = whole(step.upTo, Number.MAX_SAFE_INTEGER);
    if (upTo === null) return { ok: false, message: `Layer guidance, row ${i + 1}: the number of people must be a whole number.` };
    const layers = whole(step.layers, MAX_LAYERS);
    if (layers === null) return { ok: false, message: `Layer guidance, row ${i + 1}: the number of layers must be a whole number.` };
    steps.push({ up_to: upTo, layers });
  }
  const above = whole(draft.above, MAX_LAYERS);
  if (above === null) return { ok: false, message: "Layer guidance, “Above that”: the number of layers must be a whole number." };
  return { ok: true, guidance: { steps, above } };
}

export function sameGuidance(a: LayerGuidance, b: LayerGuidance): boolean {
  return a.above === b.above && a.steps.length === b.steps.length && a.steps.every((s, i) => s.up_to === b.steps[i]!.up_to && s.layers === b.steps[i]!.layers);
}

/** A new last row: ten times the last row's size, with the "Above that" layers, for the user to adjust. */
export function addGuidanceStep(draft: GuidanceDraft): void {
  const last = draft.steps[draft.steps.length - 1];
  const upTo = last ? (Number(last.upTo.trim()) || 0) * 10 : 500;
  draft.steps.push({ upTo: String(upTo || 500), layers: draft.above });
}

export function removeGuidanceStep(draft: GuidanceDraft, index: number): void {
  draft.steps.splice(index, 1);
}

/** "at most 7 layers for 501–5,000 people", as the core placed the org's size. */
export function limitWords(limit: LayerLimit): string {
  const layers = `at most ${formatCount(limit.layers)} ${limit.layers === 1 ? "layer" : "layers"}`;
  if (limit.up_to === null) {
    return limit.from === 0 ? `${layers} at any size` : `${layers} above ${formatCount(limit.from - 1)} people`;
  }
  if (limit.from === 0) return `${layers} for up to ${formatCount(limit.up_to)} people`;
  return `${layers} for ${formatCount(limit.from)}–${formatCount(limit.up_to)} people`;
}
