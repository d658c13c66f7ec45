// The server's console API (src/VpcLab.Server/WebConsole/ConsoleEndpoints.cs), same origin only.
import type { Topology, Trace } from "./types";

export const API = "/_vpclab/console/api";

export interface Scope {
  account?: string;
  region?: string;
}

/** The topology, or null when it has not changed since the ETag given (HTTP 304). */
export async function fetchTopology(scope: Scope, etag?: string): Promise<{ topology: Topology; etag: string } | null> {
  const q = new URLSearchParams();
  if (scope.account) q.set("account", scope.account);
  if (scope.region) q.set("region", scope.region);
  const response = await fetch(`${API}/topology?${q}`, { headers: etag ? { "If-None-Match": etag } : {}, cache: "no-store" });
  if (response.status === 304) return null;
  if (!response.ok) throw new Error(`topology: HTTP ${response.status}`);
  return { topology: (await response.json()) as Topology, etag: response.headers.get("ETag") ?? "" };
}

export interface TraceQuery {
  from: string;
  to: string;
  protocol: string;
  port?: string;
  ipv6?: boolean;
}

export function traceUrl(q: TraceQuery): string {
  const p = new URLSearchParams({ from: q.from, to: q.to, protocol: q.protocol });
  if (q.port && (q.protocol === "tcp" || q.protocol === "udp")) p.set("port", q.port);
  if (q.ipv6) p.set("ipv6", "true");
  return `${API}/trace?${p}`;
}

export async function fetchTrace(q: TraceQuery): Promise<Trace> {
  const response = await fetch(traceUrl(q), { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `trace: HTTP ${response.status}`);
  return body as Trace;
}

export interface FlowLogAnswer {
  name: string;
  description: string;
  files: number;
  columns: { name: string; numeric: boolean }[];
  rows: Record<string, string | number | boolean | null>[];
}

export async function fetchFlowLogExamples(): Promise<{ name: string; description: string }[]> {
  const response = await fetch(`${API}/flowlogs`, { cache: "no-store" });
  return ((await response.json()) as { examples: { name: string; description: string }[] }).examples;
}

/** The flow-log view's filters, as the server reads them (src/VpcLab.Server/WebConsole/ConsoleFlowLogFilter.cs);
 * empty means not filtered. */
export interface FlowLogFilter {
  interface?: string;
  action?: string;
  address?: string;
  port?: string;
  from?: string;
  to?: string;
}

export function flowLogsUrl(example: string, filter: FlowLogFilter = {}): string {
  const q = new URLSearchParams({ example });
  for (const [k, v] of Object.entries(filter)) if (v && v.trim()) q.set(k, v.trim());
  return `${API}/flowlogs?${q}`;
}

export async function fetchFlowLogs(example: string, filter: FlowLogFilter = {}): Promise<FlowLogAnswer> {
  const response = await fetch(flowLogsUrl(example, filter), { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `flow logs: HTTP ${response.status}`);
  return body as FlowLogAnswer;
}

export interface SavedPath {
  id: string;
  name: string;
  source: string;
  destination?: string | null;
  protocol: string;
  port?: number | null;
  text: string;
}

function scopeQuery(scope: Scope): string {
  const q = new URLSearchParams();
  if (scope.account) q.set("account", scope.account);
  if (scope.region) q.set("region", scope.region);
  return q.toString();
}

/** The saved Reachability Analyzer paths (CreateNetworkInsightsPath) of an account and Region. */
export async function fetchSavedPaths(scope: Scope): Promise<SavedPath[]> {
  const response = await fetch(`${API}/paths?${scopeQuery(scope)}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`paths: HTTP ${response.status}`);
  return ((await response.json()) as { paths: SavedPath[] }).paths;
}

/** A saved path analysed now, as a trace. */
export async function fetchSavedPathTrace(scope: Scope, id: string): Promise<Trace> {
  const response = await fetch(`${API}/paths/${encodeURIComponent(id)}?${scopeQuery(scope)}`, { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `path: HTTP ${response.status}`);
  return body as Trace;
}
