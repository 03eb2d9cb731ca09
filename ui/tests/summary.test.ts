import { describe, expect, it } from "vitest";
import { decodeLayout, encodeLayout, type Rect } from "../src/lib/layout";
import { headcountLabel, SubtreeBoxes } from "../src/lib/summary";
import { buildTree } from "../src/lib/tree";
import { node } from "./fixtures";

// ceo (0) over two managers (1, 2), each over 20 reports side by side.
function org() {
  const nodes = [node(0, "ceo", "Ceo", null, 2), node(1, "m1", "Mia", 0, 20), node(2, "m2", "Max", 0, 20)];
  const rects: Rect[] = [
    { x: 1900, y: 0, width: 180, height: 64 },
    { x: 900, y: 112, width: 180, height: 64 },
    { x: 2900, y: 112, width: 180, height: 64 },
  ];
  for (let m = 1; m <= 2; m++) {
    for (let k = 0; k < 20; k++) {
      nodes.push(node(nodes.length, `r${m}-${k}`, `R${m}.${k}`, m));
      rects.push({ x: (m - 1) * 4000 + k * 196, y: 224, width: 180, height: 64 });
    }
  }
  const layout = decodeLayout(encodeLayout(rects), nodes.length);
  return { nodes, layout, boxes: new SubtreeBoxes(layout, buildTree(nodes)) };
}

const everywhere = { minX: -1e9, minY: -1e9, maxX: 1e9, maxY: 1e9 };

describe("chart summary", () => {
  it("boxes each subtree", () => {
    const { boxes } = org();
    expect(boxes.box(1)).toEqual({ minX: 0, minY: 112, maxX: 19 * 196 + 180, maxY: 288 });
    expect(boxes.box(0).maxX).toBe(4000 + 19 * 196 + 180);
    expect(boxes.box(5)).toEqual({ minX: 2 * 196, minY: 224, maxX: 2 * 196 + 180, maxY: 288 });
  });

  it("sums up teams whose people would be slivers, and links them", () => {
    const { boxes } = org();
    // At 0.1 each report is 18 px wide: each manager's team is one group.
    expect(boxes.summarise(everywhere, 0.1)).toEqual({ groups: [1, 2], skeleton: [0] });
    // Far out, the whole org is one box.
    expect(boxes.summarise(everywhere, 0.01)).toEqual({ groups: [0], skeleton: [] });
    // Close in, people are their own groups.
    expect(boxes.summarise(everywhere, 1).groups).toHaveLength(40);
  });

  it("visits only what meets the window", () => {
    const { boxes } = org();
    const left = { minX: 0, minY: 0, maxX: 1000, maxY: 300 };
    const { groups, skeleton } = boxes.summarise(left, 1);
    expect(skeleton).toEqual([0, 1]);
    expect(groups.every((g) => g >= 3 && g < 3 + 6)).toBe(true);
  });

  it("leaves hidden people out", () => {
    const { nodes, layout } = org();
    const hidden = encodeLayout(
      nodes.map((_, i) => (i >= 3 + 20 ? null : { x: layout.x(i), y: layout.y(i), width: 180, height: 64 })),
    );
    const boxes = new SubtreeBoxes(decodeLayout(hidden, nodes.length), buildTree(nodes));
    expect(boxes.kids[2]).toEqual([]);
    expect(boxes.box(2)).toEqual({ minX: 2900, minY: 112, maxX: 3080, maxY: 176 });
  });

  it("counts the manager with their reports", () => {
    expect(headcountLabel(0)).toBe("1 person");
    expect(headcountLabel(1299)).toBe("1,300 people");
  });
});
