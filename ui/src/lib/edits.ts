// An edit a view asks for: a core `Change` as it is, or an `EnteredChange`
// whose values are text the user typed (cost, dates, a new person or team),
// which the core parses. Their kinds are distinct, so `kind` tells them apart.

import type { Change, EnteredChange } from "../generated";

export type Edit = Change | EnteredChange;

export type EditKind = Edit["kind"];

export function isEntered(edit: Edit): edit is EnteredChange {
  return edit.kind === "enter-person" || edit.kind === "enter-value" || edit.kind === "enter-team";
}
