// A deterministic layout (src/layout.ts, docs/semantics.md#console-layout): the same world, the same seed and order.
import { describe, expect, it } from "vitest";
import { toElements } from "../src/elements";
import { hash, seededRandom, stableOrder, withSeed, worldSeed } from "../src/layout";
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
