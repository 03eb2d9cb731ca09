// Modal.svelte's markup, rendered on the server: what the app's shortcuts
// (`[aria-modal="true"]`), screen readers and the e2e tests (data-testid)
// rely on. Its keys and focus are lib/dialog.ts (dialog.test.ts).
import { createRawSnippet } from "svelte";
import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import Modal from "../src/components/Modal.svelte";

const children = createRawSnippet(() => ({ render: () => `<h2 id="thing-title">Thing</h2>` }));

function markup(props: Record<string, unknown>): string {
  return render(Modal, { props: { labelledby: "thing-title", onclose: () => {}, children, ...props } as never }).body;
}

/** The attributes of the first element with `class` among `html`'s tags. */
function tagWithClass(html: string, name: string): Record<string, string> {
  for (const [, attrs = ""] of html.matchAll(/<div([^>]*)>/g)) {
    const found = Object.fromEntries([...attrs.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k = "", v = ""]) => [k, v]));
    if ((found.class ?? "").split(" ").includes(name)) return found;
  }
  throw new Error(`no <div class="${name}"> in ${html}`);
}

describe("Modal", () => {
  it("is a labelled modal dialog over a backdrop, with the dialog's own data attributes", () => {
    const html = markup({ describedby: "thing-help", "data-testid": "thing-dialog", "data-step": "review" });
    const panel = tagWithClass(html, "dialog");
    expect(panel).toMatchObject({
      role: "dialog",
      "aria-modal": "true",
      "aria-labelledby": "thing-title",
      "aria-describedby": "thing-help",
      "data-testid": "thing-dialog",
      "data-step": "review",
      tabindex: "-1",
    });
    expect(tagWithClass(html, "backdrop").role).toBe("presentation");
    expect(html).toContain(`<h2 id="thing-title">Thing</h2>`);
  });

  it("asks as an alert dialog in the compact frame, sized when told", () => {
    const html = markup({ compact: true, role: "alertdialog", width: "min(440px, 92vw)" });
    const panel = tagWithClass(html, "modal");
    expect(panel.role).toBe("alertdialog");
    expect(panel["aria-describedby"]).toBeUndefined();
    expect(panel.style).toBe("width: min(440px, 92vw);");
    expect(tagWithClass(html, "modal-backdrop").role).toBe("presentation");
  });
});
