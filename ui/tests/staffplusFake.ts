// The fake backend's staff+ model: a few teams and engineers whose home
// teams and support follow the scenario's recorded requests, with the
// what-if rules simplified (central: the one architecture group; embedded:
// the first product team assigned).

import type { ChangeRequest, StaffPlusBoardDto, TeamCoverageDto, WhatIfDto } from "../src/generated";

export const FAKE_TEAMS: ReadonlyArray<Omit<TeamCoverageDto, "supporters" | "covered">> = [
  { id: "pay", name: "Payments", kind: "stream-aligned", department: "Money", headcount: 6 },
  { id: "web", name: "Web", kind: "stream-aligned", department: "Product", headcount: 8 },
  { id: "infra", name: "Infrastructure", kind: "platform", department: "Platform", headcount: 5 },
  { id: "arch", name: "Architecture", kind: "architecture", department: null, headcount: 2 },
  { id: "search", name: "Search", kind: "stream-aligned", department: "Product", headcount: 4 },
];

interface FakeEngineer {
  id: string;
  name: string;
  home: string | null;
  assigned: string[];
}

const ENGINEERS: ReadonlyArray<FakeEngineer> = [
  { id: "s1", name: "Sam Staff", home: "pay", assigned: ["web"] },
  { id: "s2", name: "Pat Principal", home: "arch", assigned: ["pay", "infra", "web"] },
  { id: "s3", name: "Una Unplaced", home: null, assigned: ["infra"] },
];

export const FAKE_MAX_LOAD = 2;

function engineersAfter(requests: readonly ChangeRequest[]): FakeEngineer[] {
  const people = ENGINEERS.map((e) => ({ ...e, assigned: [...e.assigned] }));
  for (const r of requests) {
    if (r.kind === "editPerson" && r.edit.field === "team") {
      const p = people.find((e) => e.id === r.person);
      if (p) p.home = r.edit.value;
    } else if (r.kind === "addSupport" || r.kind === "removeSupport") {
      const p = people.find((e) => e.id === r.person);
      if (!p) continue;
      p.assigned = p.assigned.filter((t) => t !== r.team);
      if (r.kind === "addSupport") p.assigned.push(r.team);
    }
  }
  return people;
}

const kindOf = (team: string | null) => FAKE_TEAMS.find((t) => t.id === team)?.kind ?? null;

/** The placement edits a what-if makes. */
export function whatIfRequests(requests: readonly ChangeRequest[], whatIf: WhatIfDto): ChangeRequest[] {
  const out: ChangeRequest[] = [];
  for (const e of engineersAfter(requests)) {
    const kind = kindOf(e.home);
    let to: string | null | undefined;
    const central = whatIf === "all-central" || whatIf === "all-central-drop-home-support";
    if (central && kind !== "architecture") to = "arch";
    if (whatIf === "all-embedded" && (kind === null || kind === "architecture")) {
      to = e.assigned.find((t) => kindOf(t) !== "architecture");
    }
    if (to !== undefined) out.push({ kind: "editPerson", person: e.id, edit: { field: "team", value: to } });
    // Keeping home support: the team left becomes an assignment.
    if (whatIf === "all-central" && to === "arch" && e.home !== null && !e.assigned.includes(e.home)) {
      out.push({ kind: "addSupport", person: e.id, team: e.home });
    }
  }
  return out;
}

export function fakeStaffPlusBoard(requests: readonly ChangeRequest[], whatIf: WhatIfDto): StaffPlusBoardDto {
  const board = boardOf(requests, whatIf);
  const central = whatIf === "all-central" || whatIf === "all-central-drop-home-support";
  const summary = (w: WhatIfDto) => (w === whatIf ? board.summary : boardOf(requests, w).summary);
  return { ...board, homeSupport: central ? { kept: summary("all-central"), dropped: summary("all-central-drop-home-support") } : null };
}

function boardOf(requests: readonly ChangeRequest[], whatIf: WhatIfDto): Omit<StaffPlusBoardDto, "homeSupport"> {
  const extra = whatIfRequests(requests, whatIf);
  const people = engineersAfter([...requests, ...extra]);
  const teamIndex = (id: string) => FAKE_TEAMS.findIndex((t) => t.id === id);
  const supporters = FAKE_TEAMS.map(() => 0);
  const engineers = people.map((e) => {
    const kind = kindOf(e.home);
    const supported = new Set(e.assigned.filter((t) => kindOf(t) !== "architecture"));
    if (kind !== null && kind !== "architecture" && e.home) supported.add(e.home);
    for (const t of supported) supporters[teamIndex(t)]!++;
    return {
      id: e.id,
      name: e.name,
      title: "Staff Engineer",
      level: "IC4",
      placement: kind === null ? ("unplaced" as const) : kind === "architecture" ? ("central" as const) : ("embedded" as const),
      home: e.home === null ? null : teamIndex(e.home),
      assigned: e.assigned.map(teamIndex).sort((a, b) => a - b),
      load: supported.size,
      overloaded: supported.size > FAKE_MAX_LOAD,
    };
  });
  const teams = FAKE_TEAMS.map((t, i) => ({ ...t, supporters: supporters[i]!, covered: t.kind !== "architecture" && supporters[i]! > 0 }));
  const product = teams.filter((t) => t.kind !== "architecture");
  const covered = product.filter((t) => t.covered).length;
  const histogram: number[] = [];
  for (const e of engineers) {
    while (histogram.length <= e.load) histogram.push(0);
    histogram[e.load]!++;
  }
  const count = (p: string) => engineers.filter((e) => e.placement === p).length;
  return {
    whatIf,
    engineers,
    teams,
    summary: {
      teams: product.length,
      covered,
      uncovered: product.length - covered,
      ratio: product.length ? covered / product.length : null,
      staffPlus: engineers.length,
      embedded: count("embedded"),
      central: count("central"),
      unplaced: count("unplaced"),
      maxLoad: FAKE_MAX_LOAD,
      overloaded: engineers.filter((e) => e.overloaded).length,
      loadHistogram: histogram,
    },
    changes: extra.length,
    leftInPlace: whatIf === "all-embedded" ? people.filter((e) => kindOf(e.home) !== "stream-aligned" && kindOf(e.home) !== "platform").map((e) => e.id) : [],
  };
}
