using System.Text.Json;

namespace VpcLab.Cli.Tests;

/// <summary>The seed scenarios shipped also as CloudFormation templates under scenarios/cloudformation/ give the same
/// verdict for every flow traced over the world deployed from the template as over the world loaded from the scenario
/// (docs/cloudformation.md#scenario-templates). Rows name the rule each flow shows.</summary>
public sealed class CloudFormationScenarioTemplateTests
{
    public static TheoryData<string, string, string, string, string, string> Flows => new()
    {
        // scenario, rule, from, to, protocol, port
        { "nacl-sg-teaching", "same subnet: only security groups apply (group reference admits the bastion)", "bastion", "neighbour", "tcp", "22" },
        { "nacl-sg-teaching", "stateless ACL without the ephemeral ports out drops the reply", "bastion", "strict-server", "tcp", "22" },
        { "nacl-sg-teaching", "the fixed ACL lets the reply out", "bastion", "fixed-server", "tcp", "22" },
        { "nacl-sg-teaching", "rule 200 denies the rest of the VPC when rule 100 did not match", "visitor", "fixed-server", "tcp", "22" },
        { "nacl-sg-teaching", "a group without usable egress rules lets nothing out", "silent", "bastion", "tcp", "22" },
        { "nacl-sg-teaching", "the office reaches the bastion over the internet gateway", "198.51.100.7", "bastion", "tcp", "22" },
        { "nacl-sg-teaching", "the bastion's group admits only the office", "203.0.113.9", "bastion", "tcp", "22" },
        { "nacl-sg-teaching", "no group admits the neighbour from the internet (and it has no public address)", "bastion", "neighbour", "tcp", "80" },
        { "interface-endpoint", "private DNS: the service name resolves to the endpoint's interface in the zone", "app-1", "sns.us-east-1.amazonaws.com", "tcp", "443" },
        { "interface-endpoint", "no endpoint interface in zone c: app-3 crosses zones", "app-3", "sns.us-east-1.amazonaws.com", "tcp", "443" },
        { "interface-endpoint", "private DNS off: the public name has no route from a private subnet", "app-2", "sqs.us-east-1.amazonaws.com", "tcp", "443" },
        { "interface-endpoint", "the endpoint's group decides: KMS's admits nothing", "app-1", "kms.us-east-1.amazonaws.com", "tcp", "443" },
        { "interface-endpoint", "an endpoint carries only TCP, even when its group allows all", "app-3", "sts.us-east-1.amazonaws.com", "udp", "443" },
        { "interface-endpoint", "STS through the endpoint open to the VPC", "app-2", "sts.us-east-1.amazonaws.com", "tcp", "443" },
        { "nat64-dns64", "DNS64 synthesizes 64:ff9b:: for an IPv4-only name; the NAT gateway translates", "app-1", "ip-10-0-2-10.ec2.internal", "tcp", "443" },
        { "nat64-dns64", "NAT64 to the internet: the NAT gateway, then the internet gateway", "app-1", "64:ff9b::203.0.113.80", "tcp", "443" },
        { "nat64-dns64", "other IPv6 leaves through the egress-only internet gateway", "app-1", "2001:db8:cafe::443", "tcp", "443" },
        { "nat64-dns64", "the legacy subnet has no route out", "legacy-1", "203.0.113.80", "tcp", "443" },
        { "gateway-endpoint", "the admin network reaches the bastion over the internet gateway", "203.0.113.9", "bastion", "tcp", "22" },
        { "gateway-endpoint", "the bastion's group admits only the admin network", "198.51.100.7", "bastion", "tcp", "22" },
        { "gateway-endpoint", "the public subnet reaches the internet", "bastion", "203.0.113.80", "tcp", "443" },
        { "gateway-endpoint", "the private route table has no route out but the endpoint's", "worker-1", "203.0.113.80", "tcp", "443" },
        { "ipv6-endpoints", "DNS record IP type ipv6: SQS answers AAAA only, reached over IPv6", "v6-1", "sqs.us-east-1.amazonaws.com", "tcp", "443" },
        { "ipv6-endpoints", "dualstack records: SNS's endpoint in zone a only, reached from zone a", "app-1", "sns.us-east-1.amazonaws.com", "tcp", "443" },
        { "ipv6-endpoints", "the endpoint's group admits HTTPS from the application group", "app-1", "kms.us-east-1.amazonaws.com", "tcp", "443" },
        { "ipv6-endpoints", "no internet gateway: nothing leaves for the internet", "app-1", "2001:db8:cafe::443", "tcp", "443" },
        { "ipv6-only", "IPv6-native subnets: instances without IPv4 reach each other over IPv6 (the group admits SSH from itself)", "native-1", "native-2", "tcp", "22" },
        { "ipv6-only", "an ipv6 endpoint in the IPv6-only subnets answers AAAA records for the SQS name", "native-1", "sqs.us-east-1.amazonaws.com", "tcp", "443" },
        { "ipv6-only", "the dual-stack instance reaches the ipv6 endpoint over IPv6", "legacy-1", "sqs.us-east-1.amazonaws.com", "tcp", "443" },
        { "ipv6-only", "dual-stack to IPv6-only over IPv6", "native-2", "legacy-1", "tcp", "22" },
        { "ipv6-only", "the application group admits SSH only", "legacy-1", "native-2", "tcp", "443" },
        { "ipv6-only", "no internet gateway: nothing leaves for the internet", "native-1", "2001:db8:cafe::443", "tcp", "443" },
        { "ping-flow-logs", "no rule lets TCP in (the group admits ICMP only)", "203.0.113.12", "host", "tcp", "22" },
        { "ping-flow-logs", "no outbound rule: the group lets nothing out", "host", "203.0.113.80", "tcp", "443" },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void Trace_TemplateAndScenario_SameVerdict(string scenario, string rule, string from, string to, string protocol, string port)
    {
        var expected = Verdict(CliRun.Of("trace", "--scenario", scenario, "--from", from, "--to", to, "--protocol", protocol, "--port", port, "--json"));
        var actual = Verdict(CliRun.Of("trace", "--scenario", $"cloudformation/{scenario}", "--from", from, "--to", to, "--protocol", protocol, "--port", port, "--json"));
        Assert.True(expected == actual, $"{rule}: scenario {expected}, template {actual}");
    }

    private static string Verdict(CliRun run)
    {
        Assert.True(run.Out.TrimStart().StartsWith('{'), run.Err + run.Out);
        using var doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("verdict").GetString()!;
    }
}
