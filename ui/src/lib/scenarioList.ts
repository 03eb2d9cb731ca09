// How the scenario switcher lists scenarios, and what a new one can be
// based on. Pure functions of the backend's ScenarioDtos, so testable
// without a DOM.

import type { ListedScenario } from "../generated";
import { scenarioLabel } from "./compare";

/**
 * What a scenario's entry says of its changes that no longer apply to the
 * baseline: "" when none, " · ⚠ N not applied", or " · not checked" when
 * the count is unknown (the baseline changed and the scenario has not
 * been shown or checked since).
 */
export function conflictNote(s: ListedScenario): string {
  if (s.conflicts === null) return " · not checked";
  if (s.conflicts === 0) return "";
  return ` · ⚠ ${s.conflicts} not applied`;
}

/** A scenario's entry in the switcher: name, changes, base, conflicts. */
export function scenarioEntry(s: ListedScenario): string {
  return `${scenarioLabel(s)}${conflictNote(s)}`;
}

/** What a new scenario can branch from: the baseline first, then every scenario. */
export function baseChoices(all: readonly ListedScenario[]): string[] {
  return [...all.filter((s) => s.is_baseline), ...all.filter((s) => !s.is_baseline)].map((s) => s.name);
}
