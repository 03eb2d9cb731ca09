// A tiny org and a fake Platform for unit tests (no Tauri anywhere).

import type { ChartNode, MetricsSummary, PersonDetails } from "../src/generated";
import { encodeLayout, type Rect } from "../src/lib/layout";
import type { Platform } from "../src/lib/platform";

export function node(index: number, id: string, name: string, manager: number | null, span = 0): ChartNode {
  return {
    index,
    id,
    name,
    title: span > 0 ? "Manager" : "Engineer",
    team: "Core",
    level: "L4",
    status: "active",
    manager,
    span,
    verdict: span > 0 ? "narrow" : null,
    totalReports: span,
    staffPlus: false,
  };
}

/** ceo -> (ann -> bob, cat), dan */
export function smallOrg(): ChartNode[] {
  return [
    node(0, "ceo", "Casey Chief", null, 2),
    node(1, "ann", "Ann Archer", 0, 2),
    node(2, "bob", "Bob Baker", 1),
    node(3, "cat", "Cat Cooper", 1),
    node(4, "dan", "Dan Diaz", 0),
  ];
}

export function metrics(overrides: Partial<MetricsSummary> = {}): MetricsSummary {
  return {
    people: 5,
    managers: 2,
    ics: 3,
    roots: 1,
    layers: 3,
    span: { min: 2, median: 2, mean: 2, max: 2 },
    band: { min: 5, max: 8, narrow: 2, wide: 0, inBand: 0, singleReport: 0 },
    managerIcRatio: 1.5,
    spanHistogram: [{ span: 2, managers: 2 }],
    peoplePerLayer: [1, 2, 2],
    coverage: {
      teams: 4,
      covered: 3,
      uncovered: 1,
      ratio: 0.75,
      staffPlus: 2,
      embedded: 1,
      central: 1,
      unplaced: 0,
      icEngineers: 10,
      staffPlusToIcEngineerRatio: 0.2,
      maxLoad: 3,
      overloaded: 0,
      uncoveredTeams: ["Payments"],
    },
    warnings: [],
    ...overrides,
  };
}

export function rects(count: number): Rect[] {
  return Array.from({ length: count }, (_, i) => ({ x: i * 200, y: 0, width: 180, height: 60 }));
}

export interface FakeBackend extends Platform {
  nodes: ChartNode[];
  calls: string[];
  /** Error the next move rejects with, as Tauri would hand it over. */
  failNextMove: { code: string; message: string } | null;
}

export function fakePlatform(nodes = smallOrg()): FakeBackend {
  const backend: FakeBackend = {
    nodes,
    calls: [],
    failNextMove: null,
    async workspaceInfo() {
      backend.calls.push("workspaceInfo");
      return { path: "/tmp/test.orgraph", name: "test.orgraph", people: backend.nodes.length };
    },
    async chartNodes() {
      backend.calls.push("chartNodes");
      return backend.nodes.map((n) => ({ ...n }));
    },
    async chartLayout(collapsed) {
      backend.calls.push(`chartLayout:${collapsed.join(",")}`);
      // Like the Rust layout: people under a collapsed manager are hidden.
      const hidden = (n: ChartNode): boolean => {
        for (let m = n.manager; m !== null; m = backend.nodes[m]?.manager ?? null) {
          if (collapsed.includes(backend.nodes[m]?.id ?? "")) return true;
        }
        return false;
      };
      const all = rects(backend.nodes.length);
      return encodeLayout(backend.nodes.map((n, i) => (hidden(n) ? null : (all[i] ?? null))));
    },
    async metrics() {
      backend.calls.push("metrics");
      return metrics();
    },
    async personDetails(id): Promise<PersonDetails> {
      backend.calls.push(`personDetails:${id}`);
      const me = backend.nodes.find((n) => n.id === id);
      if (!me) throw { code: "not-found", message: `no person with id '${id}'` };
      const ref = (n: ChartNode) => ({ id: n.id, name: n.name, title: n.title, reports: n.span });
      const manager = me.manager === null ? null : backend.nodes[me.manager];
      return {
        id: me.id,
        name: me.name,
        title: me.title,
        level: me.level,
        location: "",
        team: me.team,
        status: me.status,
        staffPlus: me.staffPlus,
        manager: manager ? ref(manager) : null,
        reports: backend.nodes.filter((n) => n.manager === me.index).map(ref),
        totalReports: me.totalReports,
        verdict: me.verdict,
        chain: [],
      };
    },
    async movePerson(personId, managerId) {
      backend.calls.push(`movePerson:${personId}->${managerId}`);
      if (backend.failNextMove) {
        const error = backend.failNextMove;
        backend.failNextMove = null;
        throw error;
      }
      const person = backend.nodes.find((n) => n.id === personId);
      const manager = backend.nodes.find((n) => n.id === managerId);
      if (!person) throw { code: "not-found", message: "no such person" };
      const old = person.manager;
      person.manager = manager ? manager.index : null;
      if (old !== null) backend.nodes[old]!.span--;
      if (manager) manager.span++;
      const managers = backend.nodes.filter((n) => n.span > 0).length;
      return metrics({ managers, ics: backend.nodes.length - managers });
    },
  };
  return backend;
}
