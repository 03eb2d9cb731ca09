import { describe, expect, it } from "vitest";
import type { ChartNode } from "../src/generated";
import { decodeDotted, decodeIndexedNodes, decodeNodes, encodeDotted, encodeIndexedNodes, encodeNodes } from "../src/lib/nodes";
import { node, smallOrg } from "./fixtures";

describe("chart node bytes", () => {
  it("round-trip every field, including non-ASCII text and missing teams", () => {
    const nodes: ChartNode[] = smallOrg();
    nodes[2] = { ...nodes[2]!, name: "Zoë Ørsted 👩‍💻", team: null, status: "open", verdict: "wide", staffPlus: true, placement: "central", teamId: null };
    nodes[3] = { ...nodes[3]!, team: "Платформа", teamId: "platform", placement: "unplaced", staffPlus: true, status: "departing", verdict: "in-band" };
    expect(decodeNodes(encodeNodes(nodes))).toEqual(nodes);
  });

  it("reads an empty org and refuses inconsistent text", () => {
    expect(decodeNodes(new ArrayBuffer(0))).toEqual([]);
    const bytes = new Uint8Array(encodeNodes([node(0, "a", "Ann", null)]));
    const cut = bytes.slice(0, bytes.length - 1).buffer;
    expect(() => decodeNodes(cut)).toThrow(/text/);
  });

  it("indexed nodes keep their own indices, and a count that does not match is refused", () => {
    const nodes = smallOrg();
    const some = [nodes[3]!, nodes[1]!, nodes[0]!];
    expect(decodeIndexedNodes(encodeIndexedNodes(some))).toEqual(some);
    const bytes = new Uint8Array(encodeIndexedNodes(some));
    new DataView(bytes.buffer).setUint32(0, 2, true);
    expect(() => decodeIndexedNodes(bytes.buffer)).toThrow();
    expect(() => decodeIndexedNodes(new ArrayBuffer(2))).toThrow(/truncated/);
  });

  it("decodes dotted lines as index pairs", () => {
    expect([...decodeDotted(encodeDotted([[0, 3], [2, 1]]))]).toEqual([0, 3, 2, 1]);
    expect(() => decodeDotted(new ArrayBuffer(4))).toThrow();
  });
});
