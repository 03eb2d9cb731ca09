// Light and dark follow the OS (`prefers-color-scheme` in app.css). CSS
// follows a change by itself; canvas drawings read the CSS variables once
// per draw, so they read this counter to be drawn again when it changes.

let version = $state(0);
let listening = false;

/** Bumped on every OS light/dark change; read it in an effect to redraw. */
export function schemeVersion(): number {
  if (!listening && typeof window !== "undefined" && typeof window.matchMedia === "function") {
    listening = true;
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
      version++;
    });
  }
  return version;
}
