// The console page: picks an account and Region, draws the map, follows the server (polls the topology with its
// ETag, so a change made with the AWS CLI or an SDK appears without a reload), shows details, traces flows.
import cytoscape, { type Core } from "cytoscape";
import fcose from "cytoscape-fcose";
import { fetchFlowLogExamples, fetchFlowLogs, fetchSavedPaths, fetchSavedPathTrace, fetchTopology, fetchTrace, type SavedPath, type Scope } from "./api";
import { details } from "./details";
import { h } from "./dom";
import { toElements } from "./elements";
import { hopInWords } from "./explain";
import { flowLogTable } from "./flowlogs";
import { initFlowLogView, showFlowLogs } from "./flowlogview";
import { separate, stableOrder, withSeed, worldSeed } from "./layout";
import { pickValue } from "./pick";
import { highlight } from "./highlight";
import { mapStyle } from "./style";
import "./style.css";
import type { Topology, Trace } from "./types";

cytoscape.use(fcose);

const POLL_MS = 1000;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const state: { topology?: Topology; etag?: string; scope: Scope; selected?: string; trace?: Trace; collapsed: Set<string>; picking?: "from" | "to"; paths: SavedPath[]; traceHeading?: string } =
  { scope: {}, collapsed: new Set(), paths: [] };

const cy: Core = cytoscape({ container: $("map"), style: mapStyle, minZoom: 0.1, maxZoom: 3 });
// A VPC collapses to one box (double-click it, or its details' button): a world of many VPCs stays readable.
function applyCollapsed() {
  cy.batch(() => {
    cy.nodes().style("display", "element");
    cy.nodes(".vpc").removeClass("collapsed");
    for (const id of state.collapsed) {
      const vpc = cy.getElementById(id);
      if (vpc.empty()) continue;
      vpc.addClass("collapsed");
      vpc.descendants().style("display", "none");
    }
  });
}

function toggleCollapsed(id: string) {
  if (state.collapsed.has(id)) state.collapsed.delete(id);
  else state.collapsed.add(id);
  applyCollapsed();
  if (state.selected) showDetails(state.selected, false);
}

cy.on("dbltap", "node.vpc", (e) => toggleCollapsed(e.target.id()));
cy.on("tap", "node, edge", (e) => {
  if (state.picking && e.target.isNode()) {
    const value = pickValue(e.target.data("kind"), e.target.data("ref"));
    if (value) {
      $<HTMLInputElement>(`trace-${state.picking}`).value = value;
      setPicking(undefined, `${state.picking === "from" ? "Source" : "Destination"}: ${value}`);
      return;
    }
  }
  const ref = e.target.data("ref") as string | undefined;
  if (ref) select(ref);
});

// Click-to-pick: "Pick on map" arms the next click on an instance, interface or internet gateway.
function setPicking(which: "from" | "to" | undefined, hint?: string) {
  state.picking = which;
  for (const w of ["from", "to"]) $(`pick-${w}`).setAttribute("aria-pressed", String(w === which));
  $("pick-hint").textContent = which ? `Click an instance, a network interface or an internet gateway (the internet) on the map for the ${which === "from" ? "source" : "destination"}. Esc cancels.` : hint ?? "";
}
for (const w of ["from", "to"] as const) $(`pick-${w}`).addEventListener("click", () => setPicking(state.picking === w ? undefined : w));
document.addEventListener("keydown", (e) => { if (e.key === "Escape" && state.picking) setPicking(undefined); });

function layout() {
  const elements = cy.elements().map((e) => ({ group: e.group(), data: { id: e.id() } })) as Parameters<typeof worldSeed>[0];
  withSeed(worldSeed(elements), () =>
    cy.layout({ name: "fcose", animate: false, nodeDimensionsIncludeLabels: true, packComponents: true, randomize: true, nodeRepulsion: 6000, idealEdgeLength: 80, nestingFactor: 0.3, tile: true } as cytoscape.LayoutOptions).run());
  // Top-level boxes (VPCs, the internet, stubs of remote VPCs) never overlap, whatever the forces left.
  const tops = cy.nodes().orphans();
  const shifts = separate(tops.map((n) => ({ id: n.id(), ...n.boundingBox({ includeLabels: true }) })), 24);
  cy.batch(() => {
    for (const [id, d] of shifts) {
      const top = cy.getElementById(id);
      (top.isParent() ? top.descendants().filter((n) => n.isChildless()) : top).shift({ x: d.dx, y: d.dy });
    }
  });
  cy.fit(undefined, 20);
}

function draw(t: Topology, structureChanged: boolean) {
  const elements = stableOrder(toElements(t));
  const ids = new Set(elements.map((e) => e.data.id));
  cy.batch(() => {
    cy.elements().filter((e) => !ids.has(e.id()) && !e.hasClass("trace")).remove();
    for (const el of elements) {
      const existing = cy.getElementById(el.data.id);
      if (existing.nonempty()) {
        existing.data(el.data);
        existing.classes(el.classes);
      } else {
        cy.add(el);
      }
    }
  });
  applyCollapsed();
  if (structureChanged) layout();
  document.body.dataset.topology = t.subnets.map((s) => s.id).join(" ");
  renderComponentList(t);
  if (state.trace) showTrace(state.trace, state.traceHeading);
  if (state.selected) showDetails(state.selected, false);
}

async function refresh() {
  await refreshTopology();
  try {
    fillSavedPaths(await fetchSavedPaths(state.scope));
  } catch (e) {
    $("live").textContent = `offline: ${(e as Error).message}`;
  }
}

async function refreshTopology() {
  try {
    const result = await fetchTopology(state.scope, state.etag);
    $("live").textContent = `live · updated ${new Date().toLocaleTimeString()}`;
    if (!result) return;
    const previous = state.topology;
    state.topology = result.topology;
    state.etag = result.etag;
    state.scope = { account: result.topology.account, region: result.topology.region };
    fillPickers(result.topology);
    const before = previous ? toElements(previous).map((e) => e.data.id).sort().join() : "";
    const after = toElements(result.topology).map((e) => e.data.id).sort().join();
    draw(result.topology, before !== after);
  } catch (e) {
    $("live").textContent = `offline: ${(e as Error).message}`;
  }
}

function fillPickers(t: Topology) {
  const fill = (select: HTMLSelectElement, values: string[], current: string) => {
    const all = values.includes(current) ? values : [current, ...values];
    if ([...select.options].map((o) => o.value).join() === all.join()) return;
    select.replaceChildren(...all.map((v) => h("option", { value: v }, v)));
    select.value = current;
  };
  fill($("account"), t.accounts, t.account);
  fill($("region"), t.regions, t.region);
  const names = new Set<string>();
  for (const i of t.instances) names.add(i.name);
  for (const n of t.networkInterfaces) if (n.name !== n.id) names.add(n.name);
  $("endpoints").replaceChildren(...[...names].sort().map((n) => h("option", { value: n })));
}

function fillSavedPaths(paths: SavedPath[]) {
  const key = (ps: SavedPath[]) => ps.map((p) => `${p.id} ${p.text}`).join();
  if (key(paths) === key(state.paths)) return;
  state.paths = paths;
  const select = $<HTMLSelectElement>("saved-path");
  const current = select.value;
  select.replaceChildren(...(paths.length
    ? paths.map((p) => h("option", { value: p.id }, p.name === p.id ? `${p.id}: ${p.text}` : `${p.name} (${p.id}): ${p.text}`))
    : [h("option", { value: "" }, "none saved")]));
  if (paths.some((p) => p.id === current)) select.value = current;
}

$("open-path").addEventListener("click", async () => {
  const id = $<HTMLSelectElement>("saved-path").value;
  const path = state.paths.find((p) => p.id === id);
  if (!path) return;
  try {
    state.trace = await fetchSavedPathTrace(state.scope, id);
    state.traceHeading = `Reachability Analyzer path ${path.name === path.id ? path.id : `${path.name} (${path.id})`}: ${path.text}`;
    $<HTMLInputElement>("trace-from").value = path.source;
    $<HTMLInputElement>("trace-to").value = path.destination ?? "";
    $<HTMLSelectElement>("trace-protocol").value = path.protocol;
    $<HTMLInputElement>("trace-port").value = path.port === null || path.port === undefined ? "" : String(path.port);
    showTrace(state.trace, state.traceHeading);
  } catch (err) {
    clearTrace();
    $("trace-result").replaceChildren(h("p", { class: "error", role: "alert" }, (err as Error).message));
  }
});

function link(id: string): HTMLElement {
  const t = state.topology!;
  const all = [...t.routeTables, ...t.networkAcls, ...t.securityGroups];
  const name = all.find((x) => x.id === id)?.name ?? id;
  const b = h("button", { type: "button", class: "link", "data-ref": id }, name === id ? id : `${name} (${id})`);
  b.addEventListener("click", () => select(id));
  return b;
}

function select(id: string) {
  state.selected = id;
  cy.$(":selected").unselect();
  cy.getElementById(id).select();
  showDetails(id, true);
}

function showDetails(id: string, focus: boolean) {
  const panel = $("details");
  const content = state.topology ? details(state.topology, id, link) : null;
  panel.replaceChildren(content ?? h("p", { class: "hint" }, `${id} is no longer in this Region.`));
  if (content && state.topology?.vpcs.some((v) => v.id === id)) {
    const button = h("button", { type: "button", id: "collapse", "aria-pressed": String(state.collapsed.has(id)) },
      state.collapsed.has(id) ? "Expand on the map" : "Collapse on the map");
    button.addEventListener("click", () => toggleCollapsed(id));
    panel.prepend(button);
  }
  if (focus) panel.focus();
}

function renderComponentList(t: Topology) {
  const item = (id: string, text: string) => {
    const b = h("button", { type: "button", class: "link", "data-ref": id }, text);
    b.addEventListener("click", () => select(id));
    return h("li", {}, b);
  };
  const groups: [string, { id: string; name: string }[]][] = [
    ["VPCs", t.vpcs], ["Subnets", t.subnets], ["Route tables", t.routeTables], ["Network ACLs", t.networkAcls], ["Security groups", t.securityGroups],
    ["Instances", t.instances], ["Internet gateways", [...t.internetGateways, ...t.egressOnlyInternetGateways]], ["NAT gateways", t.natGateways],
    ["Endpoints", t.vpcEndpoints], ["Peerings", t.peerings],
  ];
  $("component-list").replaceChildren(...groups.filter(([, xs]) => xs.length).map(([title, xs]) =>
    h("li", {}, h("details", {}, h("summary", {}, `${title} (${xs.length})`), h("ul", {}, ...xs.map((x) => item(x.id, x.name === x.id ? x.id : `${x.name} (${x.id})`)))))));
}

function clearTrace() {
  state.trace = undefined;
  state.traceHeading = undefined;
  cy.remove(cy.edges(".trace"));
  cy.elements().removeClass("on-forward on-return dropped");
  $("trace-result").replaceChildren();
  delete document.body.dataset.dropped;
}

function showTrace(trace: Trace, heading?: string) {
  cy.remove(cy.edges(".trace"));
  cy.elements().removeClass("on-forward on-return dropped");
  const nodes = new Map(cy.nodes().map((n) => [n.id(), n.data("parent") as string | undefined]));
  const lit = highlight(trace, state.topology!, nodes);
  for (const s of lit.forward) cy.getElementById(s.node).addClass("on-forward");
  for (const s of lit.return) cy.getElementById(s.node).addClass("on-return");
  cy.add(lit.edges.map((e) => ({ group: "edges" as const, data: { id: e.id, source: e.source, target: e.target, label: `${e.path === "return" ? "↩" : ""}${e.order}` }, classes: `trace ${e.path}` })));
  if (lit.drop) {
    cy.getElementById(lit.drop.node).addClass("dropped");
    document.body.dataset.dropped = `${lit.drop.node} ${lit.drop.component} ${lit.drop.code}`;
  }
  const verdict = trace.verdict === "accepted" ? "Accepted: the flow and its reply get through." : "Dropped.";
  $("trace-result").replaceChildren(h("div", {},
    heading ? h("p", { class: "trace-heading" }, heading) : null,
    h("p", { class: `verdict ${trace.verdict}` }, verdict),
    lit.drop ? h("p", { class: "drop", "data-code": lit.drop.code }, lit.drop.words) : null,
    h("h3", {}, "Forward path"), h("ol", { class: "hops" }, ...trace.forward.map((x) => h("li", {}, hopInWords(x)))),
    trace.return?.length ? h("h3", {}, "Return path") : null,
    trace.return?.length ? h("ol", { class: "hops" }, ...trace.return.map((x) => h("li", {}, hopInWords(x)))) : null));
}

$("trace-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const value = (id: string) => $<HTMLInputElement>(id).value.trim();
  try {
    state.traceHeading = undefined;
    state.trace = await fetchTrace({ from: value("trace-from"), to: value("trace-to"), protocol: value("trace-protocol"), port: value("trace-port"), ipv6: $<HTMLInputElement>("trace-ipv6").checked });
    showTrace(state.trace);
  } catch (err) {
    clearTrace();
    $("trace-result").replaceChildren(h("p", { class: "error", role: "alert" }, (err as Error).message));
  }
});
$("clear-trace").addEventListener("click", clearTrace);
$("flowlog-run").addEventListener("click", async () => {
  const result = $("flowlog-result");
  try {
    result.replaceChildren(flowLogTable(await fetchFlowLogs($<HTMLSelectElement>("flowlog-example").value)));
  } catch (err) {
    result.replaceChildren(h("p", { class: "error", role: "alert" }, (err as Error).message));
  }
});
void fetchFlowLogExamples().then((examples) =>
  $("flowlog-example").replaceChildren(...examples.map((e) => h("option", { value: e.name, title: e.description }, e.name))));
initFlowLogView();
// Two views share the page: the map (with traces and details) and the flow logs.
function showView(view: "map" | "flowlogs") {
  $("map-view").hidden = view !== "map";
  $("flowlog-view").hidden = view !== "flowlogs";
  $("view-map").setAttribute("aria-pressed", String(view === "map"));
  $("view-flowlogs").setAttribute("aria-pressed", String(view === "flowlogs"));
  document.body.dataset.view = view;
  if (view === "flowlogs") void showFlowLogs();
  else cy.resize();
}
$("view-map").addEventListener("click", () => showView("map"));
$("view-flowlogs").addEventListener("click", () => showView("flowlogs"));
$("fit").addEventListener("click", () => cy.fit(undefined, 20));
$("relayout").addEventListener("click", layout);
for (const id of ["account", "region"]) {
  $(id).addEventListener("change", () => {
    state.scope = id === "account" ? { account: $<HTMLSelectElement>("account").value } : { ...state.scope, region: $<HTMLSelectElement>("region").value };
    state.etag = undefined;
    clearTrace();
    cy.elements().remove();
    state.topology = undefined;
    void refresh();
  });
}

// A read-only view of what is drawn, for the browser tests (tests/VpcLab.Web.Tests) and for curious users.
(window as unknown as { vpclab: unknown }).vpclab = {
  drawn: () => cy.nodes().map((n) => {
    const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
    const p = n.position();
    return { id: n.id(), kind: n.data("kind"), parent: n.data("parent") ?? null, classes: n.classes().join(" "), visible: n.visible(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2, x: p.x, y: p.y };
  }),
  select,
  /** Where a node is drawn, in page pixels (for a test's click). */
  at: (id: string) => {
    const p = cy.getElementById(id).renderedPosition();
    const box = $("map").getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  },
};

void refresh();
setInterval(() => void refresh(), POLL_MS);
