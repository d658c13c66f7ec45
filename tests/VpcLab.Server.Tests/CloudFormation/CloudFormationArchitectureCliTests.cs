using System.Text.Json.Nodes;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Logs;
using VpcLab.TestWorlds;

namespace VpcLab.Server.Tests.CloudFormation;

/// <summary>Whole architectures shipped as templates under scenarios/cloudformation/ deployed with
/// <c>aws cloudformation deploy</c> (change sets and the CLI's waiter) against the real server, each stack with its own
/// account's credentials and Region; the stacks' resources checked through the EC2 API against the same world loaded
/// from the scenario YAML; then every flow between the architecture's instances, the internet and AWS services traced
/// over the server's world gives the verdict it gives over the scenario's (docs/cloudformation.md#scenario-templates).
/// Peering across accounts is one stack per side (docs/cloudformation.md#peering-stacks): a stack lives in one account
/// and Region (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacks.html), and CloudFormation accepts
/// a peering with another account through PeerRoleArn
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcpeeringconnection.html).</summary>
public sealed class CloudFormationArchitectureCliTests : IAsyncLifetime
{
    private const string Dev = "111111111111";
    private const string Shared = "222222222222";

    /// <summary>One <c>aws cloudformation deploy</c>: overrides name an earlier stack's output as {stack.Output}.</summary>
    private sealed record Deployment(string Account, string Region, string Stack, string Template, params string[] Overrides);

    private sealed record Architecture(string Scenario, Deployment[] Deployments, string[] Services, string[] Buckets);

    private static readonly Dictionary<string, Architecture> Architectures = new()
    {
        ["public/private subnets in two AZs with NAT and EIGW (seed)"] =
            new("seed", [new(Dev, "us-east-1", "seed", "seed")], [], []),
        ["gateway endpoint with an endpoint policy and a bucket policy (gateway-endpoint)"] =
            // partner-dropbox is another account's bucket in the scenario but the stack's own in the template (a stack
            // lives in one account), so requests to it are decided differently by design; acme-reports is compared.
            new("gateway-endpoint", [new(Shared, "us-east-1", "data", "gateway-endpoint")], [], ["acme-reports"]),
        ["interface endpoints with private DNS on and off (interface-endpoint)"] =
            new("interface-endpoint", [new("444444444444", "us-east-1", "app", "interface-endpoint")],
                ["sns.us-east-1.amazonaws.com", "sqs.us-east-1.amazonaws.com", "kms.us-east-1.amazonaws.com", "sts.us-east-1.amazonaws.com"], []),
        ["dual-stack interface endpoints (ipv6-endpoints)"] =
            new("ipv6-endpoints", [new("555555555555", "us-east-1", "app", "ipv6-endpoints")],
                ["sqs.us-east-1.amazonaws.com", "sns.us-east-1.amazonaws.com", "kms.us-east-1.amazonaws.com"], []),
        ["IPv6-only subnets, resource-name hostnames and an ipv6 endpoint (ipv6-only)"] =
            new("ipv6-only", [new("666666666666", "us-east-1", "v6", "ipv6-only")], ["sqs.us-east-1.amazonaws.com"], []),
        ["a ping the network ACL's reply rule rejects (ping-flow-logs)"] =
            new("ping-flow-logs", [new("123456789010", "us-east-1", "ping", "ping-flow-logs")], [], []),
        ["three peered VPCs across two accounts and two Regions, one stack per side (peering)"] = new("peering",
        [
            new(Shared, "eu-west-1", "peering-c", "peering-c"),
            new(Shared, "us-east-1", "peering-b", "peering-b", "CPeerVpcId={peering-c.VpcId}"),
            new(Dev, "us-east-1", "peering-a", "peering-a", "BPeerVpcId={peering-b.VpcId}", $"PeerRoleArn=arn:aws:iam::{Shared}:role/peer-accepter"),
            new(Shared, "us-east-1", "peering-b", "peering-b", "ABPeering={peering-a.ABPeering}", "AppGroupId={peering-a.AppGroupId}"),
            new(Shared, "eu-west-1", "peering-c", "peering-c", "BCPeering={peering-b.BCPeering}"),
        ], [], []),
    };

    public static TheoryData<string> Names => [.. Architectures.Keys];

    private VpcLabServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Architecture_DeployedWithAwsCli_Ec2ApiAndTracesMatchTheScenario(string name)
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var architecture = Architectures[name];
        await Deploy(architecture.Deployments);
        var scenario = ScenarioLoader.LoadFile(ShippedScenarios.PathOf(architecture.Scenario));
        foreach (var side in architecture.Deployments.Select(d => (d.Account, d.Region)).Distinct())
            await AssertEc2ApiShowsTheScenario(side.Account, side.Region, scenario.Network);

        var mismatches = new ArchitectureFlows(scenario.Network, architecture.Services, architecture.Buckets)
            .Mismatches(_server.State.ControlPlane.Network).ToList();
        Assert.True(mismatches.Count == 0, $"{name}: {mismatches.Count} flow(s) differ from the scenario:\n{string.Join("\n", mismatches.Take(20))}");
    }

    private async Task Deploy(Deployment[] deployments)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in deployments)
        {
            var template = ShippedScenarios.PathOf("cloudformation/" + d.Template);
            string[] args = ["cloudformation", "deploy", "--region", d.Region, "--stack-name", d.Stack, "--template-file", template];
            if (d.Overrides.Length > 0)
                args = [.. args, "--parameter-overrides", .. d.Overrides.Select(o => Substitute(o, outputs))];
            await Ok(d.Account, args);
            var stack = (await Ok(d.Account, "cloudformation", "describe-stacks", "--region", d.Region, "--stack-name", d.Stack))["Stacks"]![0]!;
            Assert.Contains((string?)stack["StackStatus"], new[] { "CREATE_COMPLETE", "UPDATE_COMPLETE" });
            foreach (var output in stack["Outputs"]?.AsArray() ?? [])
                outputs[$"{d.Stack}.{output!["OutputKey"]}"] = (string)output["OutputValue"]!;
        }
    }

    private static string Substitute(string text, Dictionary<string, string> outputs)
    {
        foreach (var (key, value) in outputs)
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        return text;
    }

    /// <summary>What the stacks made in one account and Region, read through the EC2 API (resources CloudFormation
    /// tagged with aws:cloudformation:stack-name), is what the scenario holds there: VPC and subnet blocks, instance
    /// names, endpoint services, active peering connections.</summary>
    private async Task AssertEc2ApiShowsTheScenario(string account, string region, Network scenario)
    {
        string[] stackTagged = ["--region", region, "--filters", "Name=tag-key,Values=aws:cloudformation:stack-name"];
        var vpcs = (await Ok(account, ["ec2", "describe-vpcs", .. stackTagged]))["Vpcs"]!.AsArray();
        var here = scenario.Vpcs.Values.Where(v => v.OwnerId.Value == account && v.Region == region && !v.IsDefault).ToList();
        Assert.Equal(Sorted(here.Select(v => v.PrimaryCidr.ToString())), Sorted(vpcs.Select(v => (string)v!["CidrBlock"]!)));

        var subnets = (await Ok(account, ["ec2", "describe-subnets", .. stackTagged]))["Subnets"]!.AsArray();
        // An IPv6-only subnet has no IPv4 block (and no CidrBlock member): its count is compared, not its block.
        var subnetsHere = scenario.Subnets.Values.Where(s => here.Any(v => v.Id == s.VpcId)).ToList();
        Assert.Equal(Sorted(subnetsHere.Where(s => s.CidrBlock is not null).Select(s => s.CidrBlock!.Value.ToString())),
            Sorted(subnets.Select(s => (string?)s!["CidrBlock"]).OfType<string>()));
        Assert.Equal(subnetsHere.Count(s => s.Ipv6Native), subnets.Count(s => (bool?)s!["Ipv6Native"] == true));

        var reservations = (await Ok(account, ["ec2", "describe-instances", .. stackTagged]))["Reservations"]!.AsArray();
        var names = reservations.SelectMany(r => r!["Instances"]!.AsArray())
            .Select(i => (string)i!["Tags"]!.AsArray().Single(t => (string?)t!["Key"] == "Name")!["Value"]!);
        Assert.Equal(Sorted(scenario.Instances.Values.Where(i => here.Any(v => v.Id == i.VpcId)).Select(i => scenario.NameOf(i.Id.Value))), Sorted(names));

        var endpoints = (await Ok(account, ["ec2", "describe-vpc-endpoints", .. stackTagged]))["VpcEndpoints"]!.AsArray();
        Assert.Equal(Sorted(scenario.VpcEndpoints.Values.Where(e => here.Any(v => v.Id == e.VpcId)).Select(e => e.ServiceName)),
            Sorted(endpoints.Select(e => (string)e!["ServiceName"]!)));

        var peerings = (await Ok(account, "ec2", "describe-vpc-peering-connections", "--region", region, "--filters", "Name=status-code,Values=active"))["VpcPeeringConnections"]!.AsArray();
        Assert.Equal(
            scenario.VpcPeeringConnections.Values.Count(p => p.IsActive && new[] { p.Requester, p.Accepter }.Any(s => s.OwnerId.Value == account && s.Region == region)),
            peerings.Count);
    }

    private static List<string> Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];

    private Task<JsonObject> Ok(string account, params string[] args) => AwsCli.OkAsAsync(_server.Url, account, args);
}
