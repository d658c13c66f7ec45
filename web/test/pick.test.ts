// Click-to-pick (src/pick.ts): what a clicked map node puts in the trace form.
import { describe, expect, it } from "vitest";
import { INTERNET_ADDRESS, pickValue } from "../src/pick";

describe("pickValue", () => {
  it.each([
    ["instance", "i-0abc", "i-0abc"],
    ["network-interface", "eni-0abc", "eni-0abc"],
    ["internet-gateway", "igw-0abc", INTERNET_ADDRESS],
    ["internet", undefined, INTERNET_ADDRESS],
    ["subnet", "subnet-0abc", undefined],
    ["vpc", "vpc-0abc", undefined],
    ["nat-gateway", "nat-0abc", undefined],
  ])("Kind_%s_Ref_%s_Picks_%s", (kind, ref, expected) => expect(pickValue(kind, ref)).toBe(expected));
});
