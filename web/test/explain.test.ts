// Rules in plain words (src/explain.ts). NACL: numbered rules in order, then the final '*' deny.
// https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
import { describe, expect, it } from "vitest";
import { aclRuleInWords, codeInWords, sgRuleInWords } from "../src/explain";

describe("explain", () => {
  it.each([
    [{ ruleNumber: 32767, egress: true, ruleAction: "deny", protocol: "-1", cidr: "0.0.0.0/0", isDefaultDeny: true }, "the final rule * (outbound): no numbered rule matched, so it is denied"],
    [{ ruleNumber: 100, egress: false, ruleAction: "allow", protocol: "6", cidr: "10.0.10.0/24", portRange: "5432", isDefaultDeny: false }, "inbound rule #100: allow protocol 6 ports 5432 from 10.0.10.0/24"],
  ])("AclRule_%#_InWords", (rule, words) => expect(aclRuleInWords(rule)).toBe(words));

  it("SgRule_PortRange_InWords", () =>
    expect(sgRuleInWords({ securityGroupId: "sg-1", ruleId: "sgr-1", direction: "ingress", protocol: "tcp", fromPort: 8080, toPort: 8081, peer: "sg-2" }))
      .toBe("ingress rule sgr-1: allow tcp 8080-8081 from sg-2"));

  it("UnknownCode_StillReadable", () => expect(codeInWords("SOME_NEW_CODE")).toBe("some new code"));
});
