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

export async function fetchFlowLogs(example: string): Promise<FlowLogAnswer> {
  const response = await fetch(`${API}/flowlogs?example=${encodeURIComponent(example)}`, { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `flow logs: HTTP ${response.status}`);
  return body as FlowLogAnswer;
}
