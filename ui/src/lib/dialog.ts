// Keyboard behaviour every modal dialog shares: Escape closes it (unless a
// job is running), and Tab / Shift+Tab cycle through its enabled controls
// instead of leaving it.

const FOCUSABLE = "input:not(:disabled), select:not(:disabled), button:not(:disabled)";

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
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
