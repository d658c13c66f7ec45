// Click-to-pick on the map: what a clicked node puts in the trace form's From or To. Pure (pick.test.ts).

/** An internet address for "the internet" end of a trace: TEST-NET-2 (RFC 5737), the same default the server's
 * Reachability Analyzer uses for an internet gateway end (docs/semantics.md#console-saved-paths). */
export const INTERNET_ADDRESS = "198.51.100.1";

/** The trace endpoint a node stands for: an instance or network interface by id, the internet (or its gateway) as an
 * internet address; nothing for boxes (VPCs, zones, subnets) and other gateways, which are not flow ends. */
export function pickValue(kind: string | undefined, ref: string | undefined): string | undefined {
  switch (kind) {
    case "instance":
    case "network-interface":
      return ref;
    case "internet":
    case "internet-gateway":
      return INTERNET_ADDRESS;
    default:
      return undefined;
  }
}
