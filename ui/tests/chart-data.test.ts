import { describe, expect, it } from "vitest";
import { decodeDotted, decodeIndexedNodes, decodeNodes } from "../src/lib/nodes";
import { backendBytes } from "./backendFixtures";

// What the bytes decode to is checked against the backend's own golden
// files in chart-golden.test.ts; these are the decoders' refusals.
describe("chart node bytes", () => {
  it("reads an empty org and refuses inconsistent text", () => {
    expect(decodeNodes(new ArrayBuffer(0))).toEqual([]);
    const bytes = new Uint8Array(backendBytes("chart.nodes.bin"));
    const cut = bytes.slice(0, bytes.length - 1).buffer;
    expect(() => decodeNodes(cut)).toThrow(/text/);
  });

  it("refuses indexed nodes whose count does not match", () => {
    const bytes = new Uint8Array(backendBytes("chart.chain.bin"));
    expect(decodeIndexedNodes(bytes.slice().buffer)).toHaveLength(3);
    new DataView(bytes.buffer).setUint32(0, 2, true);
    expect(() => decodeIndexedNodes(bytes.buffer)).toThrow();
    expect(() => decodeIndexedNodes(new ArrayBuffer(2))).toThrow(/truncated/);
  });

  it("decodes dotted lines as little-endian index pairs", () => {
    const bytes = new Uint8Array([0, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0]);
    expect([...decodeDotted(bytes.buffer)]).toEqual([0, 3, 2, 1]);
    expect(() => decodeDotted(new ArrayBuffer(4))).toThrow();
  });
});
