// The chart nodes as they cross IPC: one columnar little-endian buffer
// (`orgraph::chart::nodes_to_bytes`), because at 100k people JSON objects
// cost more to build, send and parse than the chart's first paint may take.
// Decoded once into the `ChartNode[]` every view reads.

import type { ChartNode, Placement, Status, Verdict } from "../generated";

const STATUSES: readonly Status[] = ["active", "open", "planned", "departing"];
const VERDICTS: readonly (Verdict | null)[] = [null, "narrow", "in_band", "wide"];
const PLACEMENTS: readonly (Placement | null)[] = [null, "embedded", "central", "unplaced"];
const VERDICT_SHIFT = 2;
const STAFF_PLUS = 1 << 4;
const PLACEMENT_SHIFT = 5;

const pad4 = (n: number) => (n + 3) & ~3;

/** Decodes `nodes_to_bytes`; throws on a truncated or inconsistent buffer. */
export function decodeNodes(buffer: ArrayBuffer): ChartNode[] {
  if (buffer.byteLength === 0) return [];
  const view = new DataView(buffer);
  const n = view.getUint32(0, true);
  const stringCount = view.getUint32(4, true);
  const teamCount = view.getUint32(8, true);
  if (stringCount !== 4 * n + 2 * teamCount) throw new Error("chart nodes: bad string count");
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error("chart nodes: big-endian hosts are not supported");
  // Typed views straight onto the buffer: every column is 4-byte aligned.
  let at = 12;
  const managers = new Int32Array(buffer, at, n);
  const spans = new Uint32Array(buffer, at + 4 * n, n);
  const totals = new Uint32Array(buffer, at + 8 * n, n);
  const teams = new Int32Array(buffer, at + 12 * n, n);
  const flags = new Uint8Array(buffer, at + 16 * n, n);
  at = pad4(at + 17 * n);
  const lengths = new Uint32Array(buffer, at, stringCount);
  at += 4 * stringCount;
  // One decode of all the text, then slices: far cheaper than a decode per string.
  const text = new TextDecoder().decode(new Uint8Array(buffer, at));
  const strings: string[] = new Array<string>(stringCount);
  let offset = 0;
  for (let i = 0; i < stringCount; i++) {
    const end = offset + (lengths[i] ?? 0);
    strings[i] = text.slice(offset, end);
    offset = end;
  }
  if (offset !== text.length) throw new Error("chart nodes: text does not match its lengths");
  // Each team is its id, then its name.
  const teamStrings = strings.slice(4 * n);
  const nodes: ChartNode[] = new Array<ChartNode>(n);
  for (let i = 0; i < n; i++) {
    const f = flags[i] ?? 0;
    const manager = managers[i] ?? -1;
    const team = teams[i] ?? -1;
    nodes[i] = {
      index: i,
      id: strings[4 * i] ?? "",
      name: strings[4 * i + 1] ?? "",
      title: strings[4 * i + 2] ?? "",
      team: team < 0 ? null : (teamStrings[2 * team + 1] ?? null),
      team_id: team < 0 ? null : (teamStrings[2 * team] ?? null),
      level: strings[4 * i + 3] ?? "",
      status: STATUSES[f & 3] ?? "active",
      manager: manager < 0 ? null : manager,
      span: spans[i] ?? 0,
      verdict: VERDICTS[(f >> VERDICT_SHIFT) & 3] ?? null,
      total_reports: totals[i] ?? 0,
      staff_plus: (f & STAFF_PLUS) !== 0,
      placement: PLACEMENTS[(f >> PLACEMENT_SHIFT) & 3] ?? null,
    };
  }
  return nodes;
}

/**
 * Decodes `indexed_nodes_to_bytes`: a count, each node's index, then the
 * nodes as `decodeNodes` reads them (some nodes, to patch into the rest).
 */
export function decodeIndexedNodes(buffer: ArrayBuffer): ChartNode[] {
  if (buffer.byteLength < 4) throw new Error("chart nodes: truncated indices");
  const count = new DataView(buffer).getUint32(0, true);
  const head = 4 + 4 * count;
  if (buffer.byteLength < head) throw new Error("chart nodes: truncated indices");
  const indices = new Uint32Array(buffer, 4, count);
  const nodes = decodeNodes(buffer.slice(head));
  if (nodes.length !== count) throw new Error("chart nodes: index count does not match the nodes");
  return nodes.map((node, i) => ({ ...node, index: indices[i] ?? node.index }));
}

/** Encodes nodes the way `indexed_nodes_to_bytes` does (tests and the fake). */
export function encodeIndexedNodes(nodes: readonly ChartNode[]): ArrayBuffer {
  const body = new Uint8Array(encodeNodes(nodes));
  const buffer = new ArrayBuffer(4 + 4 * nodes.length + body.length);
  const view = new DataView(buffer);
  view.setUint32(0, nodes.length, true);
  nodes.forEach((node, i) => view.setUint32(4 + 4 * i, node.index, true));
  new Uint8Array(buffer, 4 + 4 * nodes.length).set(body);
  return buffer;
}

/** Encodes nodes the way the Rust side does (used by tests and the fake). */
export function encodeNodes(nodes: readonly ChartNode[]): ArrayBuffer {
  const n = nodes.length;
  const teamIndex = new Map<string, number>();
  const teamStrings: string[] = [];
  for (const node of nodes) {
    if (node.team_id !== null && !teamIndex.has(node.team_id)) {
      teamIndex.set(node.team_id, teamIndex.size);
      teamStrings.push(node.team_id, node.team ?? node.team_id);
    }
  }
  const strings = nodes.flatMap((node) => [node.id, node.name, node.title, node.level]).concat(teamStrings);
  const utf8 = new TextEncoder().encode(strings.join(""));
  const head = pad4(12 + 17 * n);
  const buffer = new ArrayBuffer(head + 4 * strings.length + utf8.length);
  const view = new DataView(buffer);
  view.setUint32(0, n, true);
  view.setUint32(4, strings.length, true);
  view.setUint32(8, teamIndex.size, true);
  nodes.forEach((node, i) => {
    view.setInt32(12 + 4 * i, node.manager ?? -1, true);
    view.setUint32(12 + 4 * n + 4 * i, node.span, true);
    view.setUint32(12 + 8 * n + 4 * i, node.total_reports, true);
    view.setInt32(12 + 12 * n + 4 * i, node.team_id === null ? -1 : (teamIndex.get(node.team_id) ?? -1), true);
    const flags =
      STATUSES.indexOf(node.status) |
      (VERDICTS.indexOf(node.verdict) << VERDICT_SHIFT) |
      (node.staff_plus ? STAFF_PLUS : 0) |
      (PLACEMENTS.indexOf(node.placement) << PLACEMENT_SHIFT);
    view.setUint8(12 + 16 * n + i, flags);
  });
  strings.forEach((s, i) => view.setUint32(head + 4 * i, s.length, true));
  new Uint8Array(buffer, head + 4 * strings.length).set(utf8);
  return buffer;
}

/** Dotted lines: little-endian u32 (manager, report) index pairs. */
export function decodeDotted(buffer: ArrayBuffer): Uint32Array {
  if (buffer.byteLength % 8 !== 0) throw new Error("dotted lines: not whole pairs");
  const out = new Uint32Array(buffer.byteLength / 4);
  const view = new DataView(buffer);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(4 * i, true);
  return out;
}

export function encodeDotted(pairs: ReadonlyArray<readonly [number, number]>): ArrayBuffer {
  const buffer = new ArrayBuffer(pairs.length * 8);
  const view = new DataView(buffer);
  pairs.forEach(([m, r], i) => {
    view.setUint32(8 * i, m, true);
    view.setUint32(8 * i + 4, r, true);
  });
  return buffer;
}
