using VpcLab.Analysis.Checks;
using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.Analysis.Tests.Checks;

/// <summary>A bad policy file is refused with its file, line and key, so a typo never passes as a policy that holds
/// (docs/check.md#policy-file).</summary>
public sealed class PolicyDocumentTests
{
    private const string Head = "assertions:\n  - name: a\n";

    public static TheoryData<string, string> BadPolicies => new()
    {
        { "p.yaml:3: unknown key 'frm' in an assertion", Head + "    frm: internet\n    to: all-interfaces\n    expect: unreachable\n" },
        { "p.yaml:2: an assertion needs 'from'", Head + "    to: all-interfaces\n    expect: unreachable\n" },
        { "p.yaml:3: 'from': 'the-internet' is not a selection", Head + "    from: the-internet\n    to: all-interfaces\n    expect: unreachable\n" },
        { "p.yaml:5: 'traffic': 'tcp/70000' is not traffic", Head + "    from: internet\n    to: all-interfaces\n    traffic: tcp/70000\n    expect: unreachable\n" },
        { "p.yaml:5: 'expect' must be reachable or unreachable, not 'never'", Head + "    from: internet\n    to: all-interfaces\n    expect: never\n" },
        { "p.yaml:5: 'only-from' lists CIDR blocks; '10.0.0.0/33' is not one", Head + "    from: internet\n    to: all-interfaces\n    only-from: 10.0.0.0/33\n" },
        { "p.yaml:2: assertion 'a' says nothing", Head + "    from: internet\n    to: all-interfaces\n" },
        { "p.yaml:3: 'from' cannot be an AWS service", Head + "    from: s3\n    to: all-interfaces\n    expect: unreachable\n" },
        { "p.yaml:5: 'traffic': 'icmp/3/4' is an ICMP error message", Head + "    from: internet\n    to: all-interfaces\n    traffic: icmp/3/4\n    expect: unreachable\n" },
        { "p.yaml:1: unknown key 'assertion' in the policy", "assertion: []\n" },
        { "p.yaml:1: 'assertions' is empty", "assertions: []\n" },
        { "p.yaml:6: two assertions are named 'a'", Head + "    from: internet\n    to: all-interfaces\n    expect: unreachable\n  - name: a\n    from: internet\n    to: all-interfaces\n    expect: unreachable\n" },
        { "not valid YAML", "assertions:\n  - name: [a\n" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Parse_BadPolicy_RefusedAtItsLine(string expected, string yaml)
    {
        var error = Assert.Throws<ScenarioException>(() => PolicyDocument.Parse(yaml, "p.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Traffic => new()
    {
        { "tcp/22", "tcp/22" },
        { "udp/1024-65535", "udp/1024-65535" },
        { "icmp/8", "icmp/8" },
        { "icmp/8/0", "icmp/8/0" },
        { "icmpv6", "icmpv6" },
        { "all", "tcp,udp,icmp,icmpv6" },
    };

    [Theory]
    [MemberData(nameof(Traffic))]
    public void Parse_Traffic_ReadsProtocolAndValues(string written, string read)
    {
        var policy = PolicyDocument.Parse(Head + $"    from: internet\n    to: all-interfaces\n    traffic: {written}\n    expect: unreachable\n", "p.yaml");
        Assert.Equal(read, string.Join(',', policy.Assertions[0].Traffic));
    }
}
