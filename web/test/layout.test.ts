// A deterministic layout (src/layout.ts, docs/semantics.md#console-layout): the same world, the same seed and order.
import { describe, expect, it } from "vitest";
import { toElements } from "../src/elements";
import { hash, seededRandom, separate, stableOrder, withSeed, worldSeed } from "../src/layout";
import { seed } from "./world";

describe("layout", () => {
  it("SeededRandom_SameSeed_SameSequence_InUnitInterval", () => {
    const a = seededRandom(42), b = seededRandom(42), c = seededRandom(43);
    const xs = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(xs);
    expect(Array.from({ length: 20 }, c)).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("WithSeed_RestoresMathRandom_EvenWhenTheLayoutThrows", () => {
    const original = Math.random;
    expect(() => withSeed(1, () => { throw new Error("boom"); })).toThrow("boom");
    expect(Math.random).toBe(original);
    expect(withSeed(7, () => Math.random())).toBe(withSeed(7, () => Math.random()));
  });

  it("StableOrder_AnyInputOrder_SameOrder_ParentsBeforeChildren_NodesBeforeEdges", () => {
    const elements = toElements(seed);
    const shuffled = [...elements].reverse();
    const order = stableOrder(elements);
    expect(stableOrder(shuffled).map((e) => e.data.id)).toEqual(order.map((e) => e.data.id));
    const index = new Map(order.map((e, i) => [e.data.id, i]));
    for (const e of order) {
      if (e.data.parent) expect(index.get(e.data.parent)!).toBeLessThan(index.get(e.data.id)!);
      if (e.group === "edges") expect(order.slice(index.get(e.data.id)!).every((x) => x.group === "edges")).toBe(true);
    }
  });

  it("WorldSeed_SameWorld_SameSeed_ChangedWorld_Differs", () => {
    const elements = toElements(seed);
    expect(worldSeed([...elements].reverse())).toBe(worldSeed(elements));
    expect(worldSeed(elements.slice(1))).not.toBe(worldSeed(elements));
    expect(hash("")).toBe(0x811c9dc5);
  });
});

describe("separate", () => {
  const overlaps = (boxes: { id: string; x1: number; y1: number; x2: number; y2: number }[]) =>
    boxes.some((a, i) => boxes.some((b, j) => j > i && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2));
  const moved = (boxes: { id: string; x1: number; y1: number; x2: number; y2: number }[], shifts: Map<string, { dx: number; dy: number }>) =>
    boxes.map((b) => { const s = shifts.get(b.id) ?? { dx: 0, dy: 0 }; return { ...b, x1: b.x1 + s.dx, x2: b.x2 + s.dx, y1: b.y1 + s.dy, y2: b.y2 + s.dy }; });

  it("Separate_TwoOverlapping_TheLowerMovesTheShortestWay_WithTheGap", () => {
    const boxes = [{ id: "a", x1: 0, y1: 0, x2: 100, y2: 100 }, { id: "b", x1: 90, y1: 10, x2: 190, y2: 110 }];
    const shifts = separate(boxes, 10);
    expect(shifts.get("b")).toEqual({ dx: 20, dy: 0 });
    expect(shifts.has("a")).toBe(false);
  });

  it("Separate_ManyPiledUp_NoneOverlapsAfter_AndTheSameAnswerTwice", () => {
    const rnd = seededRandom(5);
    const boxes = Array.from({ length: 50 }, (_, i) => {
      const [x, y, w, h] = [rnd() * 300, rnd() * 300, 40 + rnd() * 120, 40 + rnd() * 120];
      return { id: `vpc-${i}`, x1: x, y1: y, x2: x + w, y2: y + h };
    });
    expect(overlaps(boxes)).toBe(true);
    const shifts = separate(boxes, 8);
    expect(overlaps(moved(boxes, shifts))).toBe(false);
    expect(separate([...boxes].reverse(), 8)).toEqual(shifts);
  });

  it("Separate_AlreadyApart_NothingMoves", () =>
    expect(separate([{ id: "a", x1: 0, y1: 0, x2: 10, y2: 10 }, { id: "b", x1: 30, y1: 0, x2: 40, y2: 10 }], 5).size).toBe(0));
});
