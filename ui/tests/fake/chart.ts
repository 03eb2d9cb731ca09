// The fake backend's chart and figures: its first view, layout, "Not in
// file" placeholders, nodes, metrics, dashboard, snapshots, people table and
// person panel. Figures are the real backend's, as it wrote them.

import type { ChartNode, ChartPlaceholder, MetricsSummary, PeopleTable, PersonDetails } from "../../src/generated";
import { encodeLayout, type Rect } from "../../src/lib/layout";
import { decodeIndexedNodes, encodeIndexedNodes } from "../../src/lib/nodes";
import { idsToCollapse } from "../../src/lib/store.svelte";
import { answerOf, dashboardOf } from "../backendFixtures";
import type { FakeBackend, FakeContext } from "./context";

/**
 * Like `chart_open_view` for the small orgs the tests use: everyone fits up
 * to 60 people; bigger orgs show their top three layers (the real command
 * measures the layout against the screen).
 */
export function fakeOpenView(nodes: readonly ChartNode[]): string[] {
  return nodes.length > 60 ? idsToCollapse(nodes, 3) : [];
}

/** What the fake backend keeps that the placeholders come from. */
interface ChartBackend {
  nodes: ChartNode[];
}

/** Per fake backend: person id → the absent manager reference their file row named. */
const absentManagers = new WeakMap<ChartBackend, Map<string, string>>();

/** Makes `backend`'s org one whose file named managers it did not contain. */
export function setAbsentManagers(backend: ChartBackend, byPerson: Record<string, string>): void {
  absentManagers.set(backend, new Map(Object.entries(byPerson)));
}

/**
 * Like `chart_placeholders`: one per absent reference, over the people who
 * name it and are still top-level, in the order of their first member,
 * numbered after the people.
 */
export function fakePlaceholders(backend: ChartBackend): ChartPlaceholder[] {
  const absent = absentManagers.get(backend);
  if (!absent) return [];
  const groups = new Map<string, number[]>();
  for (const node of backend.nodes) {
    const reference = absent.get(node.id);
    if (reference === undefined || node.manager !== null) continue;
    const members = groups.get(reference) ?? [];
    members.push(node.index);
    groups.set(reference, members);
  }
  return [...groups].map(([reference, members], i) => ({ index: backend.nodes.length + i, reference, members }));
}

/**
 * Like `chart_layout`: a row of 180 x 60 boxes 200 apart, one per person
 * then one per placeholder; people under a collapsed manager are hidden.
 */
export function fakeLayout(backend: ChartBackend, collapsed: readonly string[]): ArrayBuffer {
  const { nodes } = backend;
  const hidden = (n: ChartNode): boolean => {
    for (let m = n.manager; m !== null; m = nodes[m]?.manager ?? null) {
      if (collapsed.includes(nodes[m]?.id ?? "")) return true;
    }
    return false;
  };
  const count = nodes.length + fakePlaceholders(backend).length;
  const rects: (Rect | null)[] = Array.from({ length: count }, (_, i) => ({ x: i * 200, y: 0, width: 180, height: 60 }));
  nodes.forEach((n, i) => {
    if (hidden(n)) rects[i] = null;
  });
  return encodeLayout(rects);
}

/** The backend's metrics of the scenario on show. */
export function metricsOfShown(ctx: FakeContext): MetricsSummary {
  return structuredClone(ctx.answers().metrics);
}

/** The backend's people table of the scenario on show. */
function peopleTableOf(ctx: FakeContext): PeopleTable {
  return answerOf(ctx.figures, ctx.answers(), "peopleTable");
}

/** Like `person_details`, from the fake's nodes. */
function personDetailsOf(nodes: readonly ChartNode[], id: string): PersonDetails {
  const me = nodes.find((n) => n.id === id);
  if (!me) throw { code: "not-found", message: `no person with id '${id}'` };
  const ref = (n: ChartNode) => ({ id: n.id, name: n.name, title: n.title, reports: n.span });
  const manager = me.manager === null ? null : nodes[me.manager];
  return {
    id: me.id,
    name: me.name,
    title: me.title,
    level: me.level,
    location: "",
    team: me.team,
    status: me.status,
    staff_plus: me.staff_plus,
    manager: manager ? ref(manager) : null,
    reports: nodes.filter((n) => n.manager === me.index).map(ref),
    total_reports: me.total_reports,
    verdict: me.verdict,
    chain: [],
  };
}

/** Like `chart_chain_nodes`: the person, then each manager up to the root. */
function chainNodesOf(nodes: readonly ChartNode[], id: string) {
  const chain: ChartNode[] = [];
  let at: number | null = nodes.find((n) => n.id === id)?.index ?? null;
  if (at === null) throw { code: "not-found", message: `person ${id} not found` };
  while (at !== null) {
    const n: ChartNode = nodes[at]!;
    chain.push({ ...n });
    at = n.manager;
  }
  return decodeIndexedNodes(encodeIndexedNodes(chain));
}

type ChartCommands = Pick<
  FakeBackend,
  | "chartNodes"
  | "chartChainNodes"
  | "chartDotted"
  | "chartLayout"
  | "chartPlaceholders"
  | "chartOpenView"
  | "metrics"
  | "dashboard"
  | "snapshots"
  | "peopleTable"
  | "personDetails"
  | "movePerson"
>;

/** The chart's commands, the figures' and the people table's. */
export function chartCommands(ctx: FakeContext): ChartCommands {
  const calls = (call: string) => ctx.backend.calls.push(call);
  return {
    async chartNodes() {
      calls("chartNodes");
      return ctx.backend.nodes.map((n) => ({ ...n }));
    },
    async chartChainNodes(id) {
      calls(`chartChainNodes:${id}`);
      return chainNodesOf(ctx.backend.nodes, id);
    },
    async chartDotted() {
      calls("chartDotted");
      return new Uint32Array(ctx.backend.dotted);
    },
    async chartLayout(collapsed) {
      calls(`chartLayout:${collapsed.join(",")}`);
      return fakeLayout(ctx.backend, collapsed);
    },
    async chartPlaceholders() {
      calls("chartPlaceholders");
      return fakePlaceholders(ctx.backend);
    },
    async chartOpenView(width, height, minScale) {
      calls(`chartOpenView:${width}x${height}@${minScale}`);
      return fakeOpenView(ctx.backend.nodes);
    },
    async metrics() {
      calls("metrics");
      return metricsOfShown(ctx);
    },
    async dashboard(request) {
      ctx.maybeFail("dashboard");
      ctx.backend.dashboardRequests.push(request);
      return { ...dashboardOf(ctx.figures, ctx.answers(), request), scenario: ctx.backend.shown };
    },
    async snapshots() {
      ctx.maybeFail("snapshots");
      return [...(ctx.backend.snapshotLog.get(ctx.backend.shown) ?? [])];
    },
    async peopleTable() {
      ctx.maybeFail("peopleTable");
      return peopleTableOf(ctx);
    },
    async personDetails(id) {
      calls(`personDetails:${id}`);
      return personDetailsOf(ctx.backend.nodes, id);
    },
    async movePerson(personId, managerId) {
      calls(`movePerson:${personId}->${managerId}`);
      const { backend } = ctx;
      if (backend.failNextMove) {
        const error = backend.failNextMove;
        backend.failNextMove = null;
        throw error;
      }
      if (!backend.nodes.some((n) => n.id === personId)) throw { code: "not-found", message: "no such person" };
      ctx.record({ kind: "move", person: personId, to: managerId });
      return metricsOfShown(ctx);
    },
  };
}
