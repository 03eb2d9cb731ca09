// Keyboard and focus behaviour every modal dialog shares (Modal.svelte
// wires it): Escape closes it (unless a job is running), Tab / Shift+Tab
// cycle through its enabled controls instead of leaving it, it opens with
// the focus on the control it marks, and gives the focus back on closing.

const FOCUSABLE = "input:not(:disabled), select:not(:disabled), button:not(:disabled)";

/** The attribute a dialog puts on the control it opens on (`="select"` also selects its text). */
export const AUTOFOCUS_ATTRIBUTE = "data-autofocus";

/** What focus handling needs of an element (a DOM element, or a test's stand-in). */
export interface Focusable {
  focus(): void;
}

/**
 * Where Tab moves the focus inside a dialog whose enabled controls are
 * `focusable`: from the last to the first (from the first to the last
 * with Shift), or null where the browser's own order stays inside.
 */
export function wrapFocus<T>(focusable: readonly T[], active: unknown, backwards: boolean): T | null {
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (first === undefined || last === undefined) return null;
  if (backwards) return active === first ? last : null;
  return active === last ? first : null;
}

/** Handles a keydown inside `dialog`; `close` is called on Escape when `canClose`. */
export function handleDialogKey(
  event: KeyboardEvent,
  dialog: HTMLElement | undefined,
  close: () => void,
  canClose = true,
): void {
  if (event.key === "Escape" && canClose) {
    event.preventDefault();
    close();
    return;
  }
  if (event.key !== "Tab" || !dialog) return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const next = wrapFocus(focusable, document.activeElement, event.shiftKey);
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/**
 * Puts the focus where a dialog opens: on its control marked with
 * `data-autofocus` (its text selected when the mark is "select"), else on
 * the dialog itself, so that Escape and Tab reach it before any control
 * exists (a dialog still loading).
 */
export function focusInitial(dialog: HTMLElement): void {
  const marked = dialog.querySelector<HTMLElement>(`[${AUTOFOCUS_ATTRIBUTE}]`);
  const target = marked ?? dialog;
  target.focus();
  if (marked?.getAttribute(AUTOFOCUS_ATTRIBUTE) === "select" && "select" in marked && typeof marked.select === "function") {
    marked.select();
  }
}

/** Remembers what has the focus now; the function returned gives it back (on closing). */
export function rememberFocus(active: Element | null): () => void {
  const previous = active as (Element & Partial<Focusable>) | null;
  return () => previous?.focus?.();
}
