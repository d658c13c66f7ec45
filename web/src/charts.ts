// The flow-log view's charts, plain SVG (nothing fetched, no chart library): accepted and rejected records per minute
// as stacked columns, and labelled horizontal bars (top talkers, bytes by traffic path). The geometry is pure and
// tested (charts.test.ts); the SVG elements carry their numbers (data-*) and a <title>, so a screen reader, a tooltip
// and the browser tests read the same values as the table under each chart.
import type { FlowLogAnswer } from "./api";

type Row = FlowLogAnswer["rows"][number];

export interface Column {
  minute: number;
  accepted: number;
  rejected: number;
  x: number;
  width: number;
  /** Heights in pixels of the two stacked parts, accepted at the bottom. */
  acceptedHeight: number;
  rejectedHeight: number;
}

export interface Bar {
  label: string;
  value: number;
  y: number;
  width: number;
}

const num = (v: Row[string]) => (typeof v === "number" ? v : Number(v ?? 0) || 0);

/** "HH:MM" in UTC, as the records' Unix seconds are UTC. */
export function minuteLabel(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(11, 16);
}

/** The actions-over-time answer as stacked columns in a plot of `width` × `height` pixels. */
export function timeColumns(rows: Row[], width: number, height: number): Column[] {
  const max = Math.max(1, ...rows.map((r) => num(r.accepted) + num(r.rejected)));
  const step = rows.length ? width / rows.length : width;
  const gap = Math.min(4, step * 0.2);
  return rows.map((r, i) => {
    const accepted = num(r.accepted);
    const rejected = num(r.rejected);
    return {
      minute: num(r.minute_start), accepted, rejected, x: i * step + gap / 2, width: Math.max(1, step - gap),
      acceptedHeight: (accepted / max) * height, rejectedHeight: (rejected / max) * height,
    };
  });
}

/** Labelled bars, longest `width` pixels for the largest value, one `rowHeight` apart, in the answer's order. */
export function bars(items: { label: string; value: number }[], width: number, rowHeight: number): Bar[] {
  const max = Math.max(1, ...items.map((i) => i.value));
  return items.map((item, i) => ({ ...item, y: i * rowHeight, width: Math.max(item.value > 0 ? 1 : 0, (item.value / max) * width) }));
}

/** The label of a top-talkers row and of a bytes-by-traffic-path row. */
export function talkerLabel(r: Row): string {
  return `${r.srcaddr ?? "-"} → ${r.dstaddr ?? "-"}`;
}

export function pathLabel(r: Row): string {
  return r.traffic_path === null || r.traffic_path === undefined ? `? ${r.path ?? "unknown"}` : `${r.traffic_path} ${r.path}`;
}

export function bytesOf(r: Row): number {
  return num(r.bytes);
}

const SVG = "http://www.w3.org/2000/svg";

function s(tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

/** Stacked columns; a click (or Enter) on a column calls `pick` with its minute (the page narrows the window to it). */
export function timeChart(answer: FlowLogAnswer, pick: (minute: number) => void): SVGElement {
  const [W, H, left, bottom] = [560, 170, 36, 22];
  const plot = H - bottom - 8;
  const columns = timeColumns(answer.rows, W - left - 4, plot);
  const max = Math.max(0, ...columns.map((c) => c.accepted + c.rejected));
  const total = columns.reduce((a, c) => [a[0] + c.accepted, a[1] + c.rejected], [0, 0]);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart time-chart", role: "group", "aria-label": `Accepted ${total[0]} and rejected ${total[1]} records over ${columns.length} minutes` },
    s("line", { x1: left, y1: 8 + plot, x2: W - 4, y2: 8 + plot, class: "axis" }),
    s("text", { x: left - 4, y: 14, class: "tick", "text-anchor": "end" }, String(max)),
    s("text", { x: left - 4, y: 8 + plot, class: "tick", "text-anchor": "end" }, "0"));
  for (const c of columns) {
    const words = `${minuteLabel(c.minute)} UTC: ${c.accepted} accepted, ${c.rejected} rejected`;
    const g = s("g", { class: "column", tabindex: 0, role: "button", "aria-label": words, "data-minute": c.minute, "data-accepted": c.accepted, "data-rejected": c.rejected },
      s("title", {}, words),
      s("rect", { x: left + c.x, y: 8 + plot - c.acceptedHeight, width: c.width, height: c.acceptedHeight, class: "accepted" }),
      s("rect", { x: left + c.x, y: 8 + plot - c.acceptedHeight - c.rejectedHeight, width: c.width, height: c.rejectedHeight, class: "rejected" }));
    g.addEventListener("click", () => pick(c.minute));
    g.addEventListener("keydown", (e) => { if ((e as KeyboardEvent).key === "Enter" || (e as KeyboardEvent).key === " ") { e.preventDefault(); pick(c.minute); } });
    svg.append(g);
  }
  if (columns.length) {
    const first = columns[0], last = columns[columns.length - 1];
    svg.append(s("text", { x: left + first.x, y: H - 6, class: "tick" }, minuteLabel(first.minute)),
      s("text", { x: left + last.x + last.width, y: H - 6, class: "tick", "text-anchor": "end" }, minuteLabel(last.minute)));
  }
  return svg;
}

/** Horizontal bars with their label above and value at the end. */
export function barChart(items: { label: string; value: number }[], name: string): SVGElement {
  const [W, row, labelRoom] = [560, 30, 14];
  const laid = bars(items, W - 90, row);
  const svg = s("svg", { viewBox: `0 0 ${W} ${Math.max(row, laid.length * row)}`, class: "chart bar-chart", role: "group", "aria-label": name });
  for (const b of laid) {
    svg.append(s("g", { class: "bar-row", "data-label": b.label, "data-value": b.value },
      s("title", {}, `${b.label}: ${b.value}`),
      s("text", { x: 0, y: b.y + 11, class: "bar-label" }, b.label),
      s("rect", { x: 0, y: b.y + labelRoom, width: b.width, height: 10, class: "bar" }),
      s("text", { x: b.width + 6, y: b.y + labelRoom + 9, class: "tick" }, b.value.toLocaleString("en-US"))));
  }
  return svg;
}
