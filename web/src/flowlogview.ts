// The flow-log view: filters (interface, action, address, port, window), three charts and the records, each the answer
// of one of `vpclab query`'s example queries run by the server over the filtered records
// (docs/semantics.md#console-flow-logs). The page adds nothing up itself: every number shown is a query's.
import { fetchFlowLogs, type FlowLogAnswer, type FlowLogFilter } from "./api";
import { barChart, bytesOf, pathLabel, talkerLabel, timeChart } from "./charts";
import { h } from "./dom";
import { flowLogTable } from "./flowlogs";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const FIELDS = ["interface", "action", "address", "port", "from", "to"] as const;

export function readFilter(): FlowLogFilter {
  const f: FlowLogFilter = {};
  for (const k of FIELDS) f[k] = $<HTMLInputElement>(`fl-${k}`).value;
  return f;
}

/** A chart with its answer as a table underneath (folded), so the numbers are readable without the picture. */
function figure(id: string, title: string, answer: FlowLogAnswer, chart: SVGElement): HTMLElement {
  return h("figure", { id, class: "chart-figure" }, h("figcaption", {}, title), chart,
    h("details", {}, h("summary", {}, "As a table"), flowLogTable(answer, false)));
}

async function loadInterfaces() {
  const select = $<HTMLSelectElement>("fl-interface");
  const current = select.value;
  const answer = await fetchFlowLogs("actions-by-interface");
  const ids = answer.rows.map((r) => String(r.interface_id ?? "")).filter((x) => x);
  select.replaceChildren(h("option", { value: "" }, "any"), ...ids.map((id) => h("option", { value: id }, id)));
  select.value = ids.includes(current) ? current : "";
}

export async function showFlowLogs() {
  const status = $("fl-status");
  status.textContent = "Querying…";
  try {
    await loadInterfaces();
    const filter = readFilter();
    const [overTime, talkers, paths, records] = await Promise.all(
      ["actions-over-time", "top-talkers", "bytes-by-traffic-path", "records"].map((name) => fetchFlowLogs(name, filter)));
    const pickMinute = (minute: number) => {
      $<HTMLInputElement>("fl-from").value = String(minute);
      $<HTMLInputElement>("fl-to").value = String(minute + 60);
      void showFlowLogs();
    };
    $("fl-charts").replaceChildren(
      figure("chart-over-time", "Accepted and rejected records per minute (UTC; click a minute to narrow the window)", overTime, timeChart(overTime, pickMinute)),
      figure("chart-top-talkers", "Top talkers (bytes)", talkers, barChart(talkers.rows.map((r) => ({ label: talkerLabel(r), value: bytesOf(r) })), "Top talkers by bytes")),
      figure("chart-paths", "Egress bytes by traffic path", paths, barChart(paths.rows.map((r) => ({ label: pathLabel(r), value: bytesOf(r) })), "Egress bytes by traffic path")));
    $("fl-records").replaceChildren(flowLogTable(records, false));
    const narrowed = Object.values(filter).some((v) => v && v.trim());
    status.textContent = records.files === 0
      ? "No flow logs delivered yet: run traffic (vpclab traffic, or POST /_vpclab/traffic) against a world with flow logs."
      : `${records.files} files${narrowed ? ", filtered" : ""}.`;
  } catch (err) {
    status.textContent = "";
    $("fl-charts").replaceChildren(h("p", { class: "error", role: "alert" }, (err as Error).message));
  }
}

export function initFlowLogView() {
  $("flowlog-filters").addEventListener("submit", (e) => {
    e.preventDefault();
    void showFlowLogs();
  });
  $("fl-reset").addEventListener("click", () => {
    for (const k of FIELDS) $<HTMLInputElement>(`fl-${k}`).value = "";
    void showFlowLogs();
  });
}
