// The seed scenario as the server answers it (`vpclab serve --scenario seed`, /_vpclab/console/api/topology and
// /trace): tests/VpcLab.Web.Tests/FrontEndFixtureTests checks that these files are what the server answers today.
import type { Topology, Trace } from "../src/types";
import topologyJson from "./seed-topology.json";
import httpsJson from "./seed-trace-https.json";
import naclJson from "./seed-trace-nacl-return.json";

export const seed = topologyJson as unknown as Topology;
export const naclReturnDrop = naclJson as unknown as Trace;
export const httpsFromInternet = httpsJson as unknown as Trace;

export const byName = (name: string) => {
  const all = [...seed.subnets, ...seed.instances, ...seed.vpcs, ...seed.networkAcls, ...seed.routeTables];
  const found = all.find((x) => x.name === name);
  if (!found) throw new Error(`no ${name} in the seed`);
  return found.id;
};
