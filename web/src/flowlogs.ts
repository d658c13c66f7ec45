// The flow-log view: an example query's answer as a table, its last numeric column also drawn as bars (a chart
// says more than a table for top talkers and bytes by path).
import type { FlowLogAnswer } from "./api";
import { h } from "./dom";

/** A cell as `vpclab query` prints it: numbers and text as they are, NULL empty. */
export function cellText(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** The column drawn as bars: the last numeric one, if any. */
export function barColumn(answer: FlowLogAnswer): string | undefined {
  return [...answer.columns].reverse().find((c) => c.numeric)?.name;
}

export function flowLogTable(answer: FlowLogAnswer, withBars = true): HTMLElement {
  const bar = withBars ? barColumn(answer) : undefined;
  const max = bar ? Math.max(1, ...answer.rows.map((r) => Number(r[bar]) || 0)) : 1;
  return h("table", { class: "flowlog-table" },
    h("caption", {}, `${answer.description} (${answer.rows.length} rows, ${answer.files} files)`),
    h("thead", {}, h("tr", {}, ...answer.columns.map((c) => h("th", { scope: "col" }, c.name)))),
    h("tbody", {}, ...answer.rows.map((r) => h("tr", {}, ...answer.columns.map((c) => {
      const td = h("td", c.numeric ? { class: "num" } : {}, cellText(r[c.name]));
      if (c.name === bar) td.append(h("span", { class: "bar", style: `width:${Math.round(((Number(r[c.name]) || 0) / max) * 100)}%`, "aria-hidden": "true" }));
      return td;
    })))));
}
