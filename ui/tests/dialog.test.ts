import { afterEach, describe, expect, it, vi } from "vitest";
import { AUTOFOCUS_ATTRIBUTE, focusInitial, handleDialogKey, rememberFocus, wrapFocus } from "../src/lib/dialog";

/** A stand-in element that records being focused or selected. */
function control(name: string, attributes: Record<string, string> = {}) {
  const log: string[] = [];
  return {
    name,
    log,
    focus: () => log.push("focus"),
    select: () => log.push("select"),
    getAttribute: (key: string) => attributes[key] ?? null,
  };
}

type Control = ReturnType<typeof control>;

/** A stand-in dialog holding `controls`; `marked` answers the data-autofocus query. */
function dialogOf(controls: Control[], marked: Control | null = null) {
  const log: string[] = [];
  const dialog = {
    log,
    focus: () => log.push("focus"),
    querySelectorAll: () => controls,
    querySelector: (selector: string) => (selector === `[${AUTOFOCUS_ATTRIBUTE}]` ? marked : null),
  };
  return { dialog, element: dialog as unknown as HTMLElement };
}

function key(key: string, shiftKey = false) {
  const event = { key, shiftKey, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

afterEach(() => vi.unstubAllGlobals());

describe("the Tab trap", () => {
  const [a, b, c] = ["a", "b", "c"];
  it("wraps from the last control to the first, and back with Shift", () => {
    expect(wrapFocus([a, b, c], c, false)).toBe(a);
    expect(wrapFocus([a, b, c], a, true)).toBe(c);
  });

  it("leaves Tab to the browser inside the dialog, and with nothing to focus", () => {
    expect(wrapFocus([a, b, c], b, false)).toBeNull();
    expect(wrapFocus([a, b, c], b, true)).toBeNull();
    expect(wrapFocus([a, b, c], a, false)).toBeNull();
    expect(wrapFocus([], null, false)).toBeNull();
  });

  it("moves the focus from the last control to the first on Tab", () => {
    const first = control("first");
    const last = control("last");
    const { element } = dialogOf([first, last]);
    vi.stubGlobal("document", { activeElement: last });
    const event = key("Tab");
    handleDialogKey(event as unknown as KeyboardEvent, element, () => {});
    expect(first.log).toEqual(["focus"]);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe("Escape", () => {
  it("closes the dialog", () => {
    const close = vi.fn();
    const event = key("Escape");
    handleDialogKey(event as unknown as KeyboardEvent, dialogOf([]).element, close);
    expect(close).toHaveBeenCalledOnce();
    expect(event.defaultPrevented).toBe(true);
  });

  it("leaves it open while a job runs", () => {
    const close = vi.fn();
    const event = key("Escape");
    handleDialogKey(event as unknown as KeyboardEvent, dialogOf([]).element, close, false);
    expect(close).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });
});

describe("the focus on opening and closing", () => {
  it("starts on the control the dialog marks", () => {
    const name = control("name", { [AUTOFOCUS_ATTRIBUTE]: "" });
    const { dialog, element } = dialogOf([control("close"), name], name);
    focusInitial(element);
    expect(name.log).toEqual(["focus"]);
    expect(dialog.log).toEqual([]);
  });

  it("selects the marked field's text when asked to", () => {
    const path = control("path", { [AUTOFOCUS_ATTRIBUTE]: "select" });
    focusInitial(dialogOf([path], path).element);
    expect(path.log).toEqual(["focus", "select"]);
  });

  it("starts on the dialog itself when nothing is marked (its content still loading)", () => {
    const close = control("close");
    const { dialog, element } = dialogOf([close]);
    focusInitial(element);
    expect(dialog.log).toEqual(["focus"]);
    expect(close.log).toEqual([]);
  });

  it("gives the focus back to what had it before", () => {
    const opener = control("opener");
    const restore = rememberFocus(opener as unknown as Element);
    expect(opener.log).toEqual([]);
    restore();
    expect(opener.log).toEqual(["focus"]);
    expect(() => rememberFocus(null)()).not.toThrow();
  });
});
