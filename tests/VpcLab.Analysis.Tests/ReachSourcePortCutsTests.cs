using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.Analysis.Tests;

/// <summary>Where the source port is cut (docs/semantics.md#reach): only where a network ACL entry's ports end (NACL
/// rules name the destination port, which for the reply is the client's source port:
/// https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html), and where a NAT gateway's mapping (port + 1024
/// below 1024: docs/semantics.md#nat-port-remapping) puts those ends; never where a security group rule's ports end
/// (groups are stateful: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html).</summary>
public sealed class ReachSourcePortCutsTests
{
    [Theory]
    // NACL entry 1500-1600: its ends, and 476 and 577 that the NAT mapping sends to them; 1024 always.
    [InlineData("1500-1600", "0-475,476-576,577-1023,1024-1499,1500-1600,1601-65535")]
    // NACL entry 80: its ends; nothing below 1024 is mapped onto 80.
    [InlineData("80", "0-79,80-80,81-1023,1024-65535")]
    // NACL entry 1024-65535: 1024 is already a cut.
    [InlineData("1024-65535", "0-1023,1024-65535")]
    public void SourcePorts_NaclEntryAndGroupRule_CutOnlyAtNaclEnds(string aclPorts, string expected)
    {
        var yaml = $$"""
            name: cuts
            region: us-east-1
            vpcs:
              - name: vpc
                cidr: 10.0.0.0/16
                internet-gateway: igw
                subnets:
                  - { name: public, az: us-east-1a, cidr: 10.0.1.0/24 }
                network-acls:
                  - name: acl
                    subnets: [public]
                    inbound: [{ rule: 10, protocol: tcp, ports: {{aclPorts}}, cidr: 0.0.0.0/0, action: allow }]
                    outbound: []
                security-groups:
                  - name: sg
                    description: sg
                    ingress: [{ protocol: tcp, ports: 22, source: 0.0.0.0/0 }, { protocol: udp, ports: 5000-5100, source: 0.0.0.0/0 }]
            """;
        var network = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "cuts.yaml"), "cuts.yaml").Network;
        var cuts = HeaderCuts.Of(network);
        Assert.Equal(expected, string.Join(',', cuts.SourcePorts().Select(p => $"{p.From}-{p.To}")));
        Assert.Contains(cuts.Ports(), p => p.From == 22 && p.To == 22); // the group's port still cuts destination ports
    }
}
