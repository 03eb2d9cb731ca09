// Application state and the actions the components call. Talks to the
// backend only through the injected `Platform`, so tests pass a fake one.

import type {
  ChartNode,
  ErrorCode,
  MetricsSummary,
  PersonDetails,
  ChartPlaceholder,
  WorkspaceInfo,
} from "../generated";
import { currentId, highlightedIndices, highlightOf, positionLabel, stepHighlight, type Highlight } from "./chartHighlight";
import { describeMoveError, toAppError } from "./errors";
import { displayName } from "./format";
import { ChartLayout, decodeLayout } from "./layout";
import { openViewCollapsed, type Room } from "./openView";
import { perf } from "./perf";
import { Placeholders } from "./placeholders";
import type { Platform } from "./platform";
import { searchPeople } from "./search";
import { buildTree, type Tree } from "./tree";

export interface UiError {
  code: ErrorCode;
  /** Human text, already chosen by code. */
  message: string;
}

/** A request to bring a node into view; `seq` makes repeats observable. */
export interface FocusRequest {
  index: number;
  seq: number;
}

/** Layers `idsToCollapse` shows when asked for no particular depth. */
export const DEFAULT_DEPTH = 3;

/** Managers to collapse so only `layers` layers are drawn. */
export function idsToCollapse(nodes: readonly ChartNode[], layers: number): string[] {
  // Flat arrays and memoised depths: this runs on opening a 100k-person org.
  const n = nodes.length;
  const depth = new Int32Array(n).fill(-1);
  const hasReports = new Uint8Array(n);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    const manager = nodes[i]?.manager ?? null;
    if (manager !== null) hasReports[manager] = 1;
    // Walk up to the first node with a known depth, then fill in the path.
    let at: number | null = i;
    while (at !== null && (depth[at] ?? 0) < 0 && path.length <= n) {
      path.push(at);
      at = nodes[at]?.manager ?? null;
    }
    let d = at === null ? -1 : (depth[at] ?? 0);
    for (let k = path.length - 1; k >= 0; k--) depth[path[k] ?? 0] = ++d;
    path.length = 0;
  }
  const out: string[] = [];
  for (let i = 0; i < n; i++) if (hasReports[i] && depth[i] === layers - 1) out.push(nodes[i]?.id ?? "");
  return out;
}

export class OrgStore {
  /** Asked before a move: false drops it (the scenario store asks before editing the baseline). */
  beforeEdit: (() => Promise<boolean>) | null = null;
  workspace = $state.raw<WorkspaceInfo | null>(null);
  nodes = $state.raw<ChartNode[]>([]);
  layout = $state.raw<ChartLayout>(ChartLayout.empty());
  /** The "Not in file" placeholders: the layout's entries after the people. */
  placeholders = $state.raw<Placeholders>(Placeholders.none());
  /** Dotted lines as flat (manager, report) node index pairs. */
  dotted = $state.raw<Uint32Array>(new Uint32Array(0));
  metrics = $state.raw<MetricsSummary | null>(null);
  collapsed = $state.raw<ReadonlySet<string>>(new Set());
  selectedId = $state<string | null>(null);
  details = $state.raw<PersonDetails | null>(null);
  /** Why the workspace could not be shown at all. */
  fatal = $state.raw<UiError | null>(null);
  /** The last refused action (e.g. a move that would create a cycle). */
  error = $state.raw<UiError | null>(null);
  /** Polite status for the live region, e.g. "Moved Ann under Bob". */
  announcement = $state("");
  loading = $state(true);
  moving = $state(false);
  focus = $state.raw<FocusRequest | null>(null);
  /** Bumped when the chart should zoom to fit (first load). */
  fitRequest = $state(0);
  /** The chart's size on screen (set by the chart), for its first view. */
  chartRoom: Room = { width: 0, height: 0 };

  /**
   * The nodes the tree was built from. Patching one person's fields
   * (`reloadPerson`) replaces `nodes` but not this: who reports to whom is
   * unchanged, and rebuilding the tree costs most of such an edit at 100k.
   */
  #structure = $state.raw<readonly ChartNode[]>([]);
  tree: Tree = $derived(buildTree(this.#structure));
  selectedIndex: number = $derived(
    this.selectedId === null ? -1 : (this.tree.byId.get(this.selectedId) ?? -1),
  );
  /** People the chart shows as a set (a health finding's), stepped through one at a time. */
  highlight = $state.raw<Highlight | null>(null);
  /** Their node indices, for the chart's one lookup per drawn box. */
  highlighted: ReadonlySet<number> = $derived(highlightedIndices(this.highlight, this.tree.byId));

  readonly #platform: Platform;
  #detailsToken = 0;
  #focusSeq = 0;
  /** Told after an edit is saved (the scenario's undo state changed). */
  readonly #editListeners = new Set<() => Promise<void> | void>();

  constructor(platform: Platform) {
    this.#platform = platform;
  }

  node(id: string): ChartNode | undefined {
    const index = this.tree.byId.get(id);
    return index === undefined ? undefined : this.nodes[index];
  }

  nameOf(id: string | null): string | null {
    if (id === null) return null;
    const node = this.node(id);
    return node ? displayName(node) : id;
  }

  async load(): Promise<void> {
    this.loading = true;
    perf.loadStart();
    try {
      const first = this.nodes.length === 0;
      const [workspace, metrics, nodes, dotted] = await Promise.all([
        this.#platform.workspaceInfo(),
        this.#platform.metrics(),
        this.#platform.chartNodes(),
        this.#platform.chartDotted(),
      ]);
      perf.step("data");
      this.workspace = workspace;
      this.#setMetrics(metrics);
      this.dotted = dotted;
      if (first) {
        // Big orgs open on the top layers that fit at a legible zoom.
        this.collapsed = new Set(await openViewCollapsed(this.#platform, this.chartRoom));
      }
      perf.step("collapse");
      const [layout, placeholders] = await Promise.all([
        this.#platform.chartLayout([...this.collapsed]),
        this.#platform.chartPlaceholders(),
      ]);
      perf.step("layout");
      this.#apply(nodes, layout, placeholders);
      perf.step("applied");
      this.fatal = null;
      this.fitRequest++;
    } catch (e) {
      const error = toAppError(e);
      this.fatal = { code: error.code, message: error.message };
    } finally {
      this.loading = false;
    }
  }

  /**
   * After another workspace was opened: forgets everything that belonged to
   * the old one (selection, collapsed teams, errors) and loads the new one
   * as on start-up (big orgs open on their top layers, fitted).
   */
  async showWorkspace(): Promise<void> {
    this.#detailsToken++;
    this.selectedId = null;
    this.details = null;
    this.error = null;
    this.focus = null;
    this.highlight = null;
    this.collapsed = new Set();
    this.nodes = [];
    this.#structure = this.nodes;
    this.layout = ChartLayout.empty();
    this.placeholders = Placeholders.none();
    await this.load();
  }

  /**
   * Calls `listener` after every saved edit (a move resolves once they are
   * done, so the undo buttons are current); returns an unsubscribe.
   */
  onEdit(listener: () => Promise<void> | void): () => void {
    this.#editListeners.add(listener);
    return () => this.#editListeners.delete(listener);
  }

  /**
   * Fetches everything that depends on the scenario on show, after a switch,
   * undo or redo. People may have come or gone, so the selection survives
   * only if the person still exists; the viewport is left where it was.
   */
  /**
   * Fetches only the metrics (and the selected person's details): after an
   * edit that changes no chart node, such as a support assignment, which at
   * 100k people is far cheaper than reloading the chart.
   */
  async reloadMetrics(): Promise<void> {
    try {
      this.#setMetrics(await this.#platform.metrics());
      const selected = this.selectedId;
      if (selected !== null) await this.select(selected);
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: error.message };
    }
  }

  /**
   * Fetches the metrics and the nodes but keeps the layout: after an edit
   * that changes nobody's manager and adds or removes no one (a title, a
   * team, a policy), the layout, which depends only on the reporting lines,
   * is still right, and at 100k people computing it again is most of a
   * reload.
   */
  async reloadNodes(): Promise<void> {
    try {
      const shown = this.#platform.metrics().then((m) => this.#setMetrics(m));
      const [nodes, dotted] = await Promise.all([this.#platform.chartNodes(), this.#platform.chartDotted(), shown]);
      if (nodes.length + this.placeholders.count !== this.layout.length) return await this.reload();
      this.dotted = dotted;
      this.nodes = nodes.every((n, i) => n.index === i) ? nodes : [...nodes].sort((a, b) => a.index - b.index);
      this.#structure = this.nodes;
      const selected = this.selectedId;
      if (selected !== null) await this.select(this.tree.byId.has(selected) ? selected : null);
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: error.message };
    }
  }

  /**
   * Fetches the metrics and only the nodes an edit of `id`'s own fields
   * (title, level, status, cost, team…) can change: theirs and their
   * managers' up the chain. They are patched into a copy of the nodes; the
   * tree and the layout stay, since nobody's manager changed. A patch that
   * does not line up with what is on show falls back to `reloadNodes`.
   */
  async reloadPerson(id: string): Promise<void> {
    try {
      const shown = this.#platform.metrics().then((m) => this.#setMetrics(m));
      const [patch] = await Promise.all([this.#platform.chartChainNodes(id), shown]);
      const nodes = this.nodes.slice();
      for (const node of patch) {
        if (nodes[node.index]?.id !== node.id) return await this.reloadNodes();
        nodes[node.index] = node;
      }
      this.nodes = nodes;
      if (this.selectedId !== null) await this.select(this.selectedId);
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: error.message };
    }
  }

  async reload(): Promise<void> {
    try {
      // Metrics first and shown as soon as they arrive: at 100k people the
      // chart's data takes longer, and an edit's figures should not wait.
      const metrics = this.#platform.metrics();
      const shown = metrics.then((m) => this.#setMetrics(m));
      const [workspace, nodes, buffer, dotted, placeholders] = await Promise.all([
        this.#platform.workspaceInfo(),
        this.#platform.chartNodes(),
        // Unknown collapsed ids are ignored by the layout, so this is safe
        // even when a collapsed manager is not in this scenario.
        this.#platform.chartLayout([...this.collapsed]),
        this.#platform.chartDotted(),
        this.#platform.chartPlaceholders(),
        shown,
      ]);
      this.workspace = workspace;
      this.dotted = dotted;
      this.#apply(nodes, buffer, placeholders);
      const selected = this.selectedId;
      if (selected !== null) await this.select(this.tree.byId.has(selected) ? selected : null);
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: error.message };
    }
  }

  /**
   * After an import replaced the org: everything is fetched again (the
   * selection survives only if the person is still there) and the chart is
   * fitted to the new org.
   */
  async showNewOrg(): Promise<void> {
    try {
      this.collapsed = new Set(await openViewCollapsed(this.#platform, this.chartRoom));
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: error.message };
    }
    await this.reload();
    this.fitRequest++;
  }

  #setMetrics(metrics: MetricsSummary): void {
    this.metrics = metrics;
    perf.metrics();
  }

  async #refreshChart(): Promise<void> {
    const [nodes, buffer, placeholders] = await Promise.all([
      this.#platform.chartNodes(),
      this.#platform.chartLayout([...this.collapsed]),
      this.#platform.chartPlaceholders(),
    ]);
    this.#apply(nodes, buffer, placeholders);
  }

  #apply(nodes: ChartNode[], buffer: ArrayBuffer, placeholders: readonly ChartPlaceholder[]): void {
    const ordered = nodes.every((n, i) => n.index === i)
      ? nodes
      : [...nodes].sort((a, b) => a.index - b.index);
    const layout = decodeLayout(buffer, ordered.length + placeholders.length);
    this.nodes = ordered;
    this.#structure = ordered;
    this.placeholders = new Placeholders(placeholders, ordered.length);
    this.layout = layout;
    // Forget collapsed ids that no longer exist (the tree's id map is built anyway).
    const ids = this.tree.byId;
    const collapsed = [...this.collapsed].filter((id) => ids.has(id));
    if (collapsed.length !== this.collapsed.size) this.collapsed = new Set(collapsed);
  }

  async #relayout(): Promise<void> {
    const buffer = await this.#platform.chartLayout([...this.collapsed]);
    // Collapsing changes no one's manager, so the placeholders stay.
    this.layout = decodeLayout(buffer, this.nodes.length + this.placeholders.count);
  }

  /** Selects a person (null clears) and loads their details. */
  async select(id: string | null, options: { focus?: boolean } = {}): Promise<void> {
    this.selectedId = id;
    const token = ++this.#detailsToken;
    if (id === null) {
      this.details = null;
      return;
    }
    const index = this.tree.byId.get(id);
    if (index !== undefined && options.focus) {
      await this.#revealIndex(index);
      this.focus = { index, seq: ++this.#focusSeq };
    }
    try {
      const details = await this.#platform.personDetails(id);
      if (token === this.#detailsToken) this.details = details;
    } catch (e) {
      if (token !== this.#detailsToken) return;
      const error = toAppError(e);
      this.details = null;
      this.error = { code: error.code, message: error.message };
    }
  }

  /**
   * Highlights `ids` on the chart as one set named `label` (those no longer
   * in the org left out) and selects and centres the first, announcing
   * "label: name, 1 of n". False, changing nothing, when none is here.
   */
  async showSet(label: string, ids: readonly string[]): Promise<boolean> {
    const highlight = highlightOf(
      label,
      ids.filter((id) => this.tree.byId.has(id)),
    );
    if (!highlight) return false;
    this.highlight = highlight;
    await this.#showHighlighted(highlight);
    return true;
  }

  /**
   * Steps the highlighted set `delta` people on (wrapping), selecting and
   * centring them; people an edit took out of the org since are passed
   * over, and the set is cleared when none is left.
   */
  async stepSet(delta: number): Promise<void> {
    let highlight = this.highlight;
    if (!highlight) return;
    highlight = stepHighlight(highlight, delta);
    for (let tries = 1; tries < highlight.ids.length && !this.tree.byId.has(currentId(highlight)); tries++) {
      highlight = stepHighlight(highlight, Math.sign(delta) || 1);
    }
    if (!this.tree.byId.has(currentId(highlight))) {
      this.clearSet();
      return;
    }
    this.highlight = highlight;
    await this.#showHighlighted(highlight);
  }

  /** Stops highlighting the set; the person selected stays selected. */
  clearSet(): void {
    if (!this.highlight) return;
    const label = this.highlight.label;
    this.highlight = null;
    this.announcement = `Stopped showing ${label}.`;
  }

  async #showHighlighted(highlight: Highlight): Promise<void> {
    const id = currentId(highlight);
    await this.select(id, { focus: true });
    this.announcement = `${highlight.label}: ${this.nameOf(id) ?? id}, ${positionLabel(highlight)}.`;
  }

  /** Selects the best match for a search query; false when none matched. */
  async selectBestMatch(query: string): Promise<boolean> {
    const [best] = searchPeople(this.nodes, query, 1);
    if (!best) {
      this.announcement = `No one matches “${query.trim()}”.`;
      return false;
    }
    await this.select(best.id, { focus: true });
    this.announcement = `Selected ${displayName(best)}, ${best.title}.`;
    return true;
  }

  /** Expands collapsed managers above `index` so it is drawn. */
  async #revealIndex(index: number): Promise<void> {
    if (this.layout.isVisible(index)) return;
    const collapsed = new Set(this.collapsed);
    let current = this.nodes[index]?.manager ?? null;
    let changed = false;
    while (current !== null) {
      const node = this.nodes[current];
      if (!node) break;
      if (collapsed.delete(node.id)) changed = true;
      current = node.manager;
    }
    if (changed) {
      this.collapsed = collapsed;
      await this.#relayout();
    }
  }

  isCollapsed(id: string): boolean {
    return this.collapsed.has(id);
  }

  async toggleCollapsed(id: string): Promise<void> {
    const node = this.node(id);
    if (!node || node.span === 0) return;
    const collapsed = new Set(this.collapsed);
    const collapsing = !collapsed.delete(id);
    if (collapsing) collapsed.add(id);
    this.collapsed = collapsed;
    try {
      await this.#relayout();
      this.announcement = `${collapsing ? "Collapsed" : "Expanded"} ${displayName(node)}'s team.`;
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: error.message };
    }
  }

  async expandAll(): Promise<void> {
    await this.#setCollapsed(new Set(), "Expanded every team.");
  }

  /** Shows `layers` layers, or with none given the top layers that fit the chart legibly. */
  async collapseToDepth(layers?: number): Promise<void> {
    if (layers !== undefined) {
      await this.#setCollapsed(new Set(idsToCollapse(this.nodes, layers)), `Showing the top ${layers} layers.`);
      return;
    }
    try {
      const collapsed = await openViewCollapsed(this.#platform, this.chartRoom);
      await this.#setCollapsed(new Set(collapsed), "Showing the top layers that fit the screen.");
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: error.message };
    }
  }

  async #setCollapsed(collapsed: ReadonlySet<string>, message: string): Promise<void> {
    this.collapsed = collapsed;
    try {
      await this.#relayout();
      this.announcement = message;
      this.fitRequest++;
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: error.message };
    }
  }

  /**
   * Moves `personId` under `managerId` (null = top of the org). On success
   * the metrics, chart and details are current; on refusal `error` says why
   * (chosen by error code) and nothing changes.
   */
  async move(personId: string, managerId: string | null): Promise<boolean> {
    const names = { person: this.nameOf(personId) ?? personId, manager: this.nameOf(managerId) };
    this.error = null;
    if (personId === managerId) {
      this.error = {
        code: "invalid-input",
        message: `${names.person} can't report to themselves.`,
      };
      return false;
    }
    if (this.beforeEdit && !(await this.beforeEdit())) return false;
    this.moving = true;
    try {
      this.#setMetrics(await this.#platform.movePerson(personId, managerId));
      await this.#refreshChart();
      if (this.selectedId !== null) await this.select(this.selectedId);
      this.announcement = managerId
        ? `Moved ${names.person} under ${names.manager}.`
        : `Moved ${names.person} to the top of the org.`;
      await Promise.all([...this.#editListeners].map((listener) => listener()));
      return true;
    } catch (e) {
      const error = toAppError(e);
      this.error = { code: error.code, message: describeMoveError(error, names) };
      this.announcement = this.error.message;
      return false;
    } finally {
      this.moving = false;
    }
  }

  dismissError(): void {
    this.error = null;
  }
}

