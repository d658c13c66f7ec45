// A deterministic layout: the same world gives the same positions, in any browser, on every load and every "Lay out
// again" (docs/semantics.md#console-layout). fcose draws random numbers (its spectral start and cose-base's moves use
// Math.random; layout-base keeps its own counter), so both are seeded from the world's element ids for the layout's
// duration, and elements are added in a stable order (sorted ids).
import layoutBase from "layout-base";
import type { Element } from "./elements";

/** FNV-1a over the text: a 32-bit seed. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; the same seed gives the same sequence in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn` with Math.random and layout-base's counter seeded, then puts Math.random back. */
export function withSeed<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  (layoutBase as { RandomSeed: { seed: number } }).RandomSeed.seed = 1;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/** Nodes before edges (an edge needs its ends), parents before children, each group in id order. */
export function stableOrder(elements: Element[]): Element[] {
  const depth = new Map<string, number>();
  const byId = new Map(elements.map((e) => [e.data.id, e]));
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parent = byId.get(id)?.data.parent;
    const d = parent && byId.has(parent) ? depthOf(parent) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  const key = (e: Element) => [e.group === "nodes" ? 0 : 1, e.group === "nodes" ? depthOf(e.data.id) : 0] as const;
  return [...elements].sort((a, b) => {
    const [ga, da] = key(a), [gb, db] = key(b);
    return ga - gb || da - db || (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0);
  });
}

/** The seed of a world: its element ids, in stable order. */
export function worldSeed(elements: Element[]): number {
  return hash(stableOrder(elements).map((e) => e.data.id).join(" "));
}

export interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

/** Moves boxes apart until none overlaps another (with `gap` between): a force layout keeps big compound boxes mostly
 * apart, this makes it certain. Boxes are taken top to bottom, left to right (ties by id); each stays where it is if
 * it is free of the boxes already placed, else moves to the nearest free spot beside one of them (left, right, above
 * or below it), or past all of them. Deterministic. Returns each moved box's shift. */
export function separate(boxes: Box[], gap: number): Map<string, { dx: number; dy: number }> {
  const order = [...boxes].sort((a, b) => a.y1 - b.y1 || a.x1 - b.x1 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed: Box[] = [];
  const shifts = new Map<string, { dx: number; dy: number }>();
  const at = (b: Box, dx: number, dy: number): Box => ({ id: b.id, x1: b.x1 + dx, x2: b.x2 + dx, y1: b.y1 + dy, y2: b.y2 + dy });
  const free = (b: Box) => placed.every((p) => !overlaps(b, p, gap));
  for (const box of order) {
    let best = { dx: 0, dy: 0 };
    if (!free(box)) {
      const right = Math.max(...placed.map((p) => p.x2)) + gap - box.x1;
      const candidates = [{ dx: right, dy: 0 }];
      for (const p of placed) {
        candidates.push({ dx: p.x2 + gap - box.x1, dy: 0 }, { dx: p.x1 - gap - box.x2, dy: 0 },
          { dx: 0, dy: p.y2 + gap - box.y1 }, { dx: 0, dy: p.y1 - gap - box.y2 });
      }
      const size = (c: { dx: number; dy: number }) => Math.abs(c.dx) + Math.abs(c.dy);
      best = candidates.filter((c) => free(at(box, c.dx, c.dy))).reduce((m, c) => (size(c) < size(m) ? c : m));
      shifts.set(box.id, best);
    }
    placed.push(at(box, best.dx, best.dy));
  }
  return shifts;
}
