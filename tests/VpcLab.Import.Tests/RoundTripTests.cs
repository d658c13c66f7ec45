using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Engine;
using VpcLab.Import.Collection;
using VpcLab.Model;
using VpcLab.Server.Ec2;

namespace VpcLab.Import.Tests;

/// <summary>The round trip: a world built through the AWS SDK for .NET against <c>vpclab serve</c> (two accounts,
/// IPv6, an egress-only gateway, a NAT gateway, a prefix list, a gateway and an interface endpoint, a cross-account
/// peering with a group referenced over it), collected with <see cref="Ec2Collector"/> (five items per page, so the
/// longer lists span several pages), imported, answers every describe call and every trace as the original.</summary>
public sealed class RoundTripTests(RoundTripFixture world) : IClassFixture<RoundTripFixture>
{
    public static TheoryData<string, string> DescribeCalls()
    {
        var data = new TheoryData<string, string>();
        foreach (var account in new[] { RoundTripFixture.AccountA, RoundTripFixture.AccountB })
        {
            foreach (var action in new[]
            {
                "DescribeVpcs", "DescribeSubnets", "DescribeRouteTables", "DescribeInternetGateways", "DescribeEgressOnlyInternetGateways",
                "DescribeNatGateways", "DescribeAddresses", "DescribeAddressesAttribute", "DescribeSecurityGroups", "DescribeSecurityGroupRules", "DescribeNetworkAcls",
                "DescribeNetworkInterfaces", "DescribeInstances", "DescribeVpcEndpoints", "DescribeVpcPeeringConnections",
                "DescribeManagedPrefixLists", "DescribeFlowLogs", "DescribeDhcpOptions",
            })
                data.Add(account, action);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DescribeCalls))]
    public void Describe_ImportedWorld_AnswersAsTheOriginal(string account, string action)
    {
        var context = new RequestContext(new AccountId(account), RoundTripFixture.Region);
        var original = world.Server.State.Dispatcher.Execute(action, context, []);
        var imported = new Ec2ActionDispatcher(world.Imported).Execute(action, context, []);
        Assert.Equal(Canonical(RulesById(original)), Canonical(RulesById(imported)));
    }

    /// <summary>DescribeSecurityGroupRules lists each group's rules in the order they were made
    /// (docs/semantics.md#security-group-rule-order); an import cannot know that order (AWS publishes no creation time
    /// for a rule) and restores DescribeSecurityGroups' order instead, so the rules are compared by id. Every other
    /// answer is compared as it is.</summary>
    private static JsonObject? RulesById(JsonObject? answer)
    {
        if (answer?["SecurityGroupRules"] is not JsonArray rules)
            return answer;
        var copy = (JsonObject)answer.DeepClone();
        copy["SecurityGroupRules"] = new JsonArray([.. rules.OrderBy(r => (string?)r?["SecurityGroupRuleId"], StringComparer.Ordinal).Select(r => r?.DeepClone())]);
        return copy;
    }

    [Fact]
    public void Trace_ImportedWorld_EveryFlowAsTheOriginal()
    {
        var before = world.Server.State.ControlPlane.Network;
        var after = world.Imported.Network;
        var compiledBefore = CompiledNetwork.Compile(before);
        var compiledAfter = CompiledNetwork.Compile(after);
        int flows = 0;
        foreach (var (from, to, port) in RoundTripWorld.Flows(before))
        {
            Assert.Equal(Trace(compiledBefore, before, from, to, port), Trace(compiledAfter, after, from, to, port));
            flows++;
        }
        Assert.True(flows > 50, $"{flows} flows compared");
    }

    /// <summary>The trace as text, or the refusal of a question that has no answer (an IPv6 flow from an interface
    /// without IPv6), which both worlds must refuse alike.</summary>
    private static string Trace(CompiledNetwork compiled, Network network, string from, string to, ushort port)
    {
        try
        {
            var resolver = new EndpointResolver(network);
            var source = resolver.Resolve(from);
            return compiled.Trace(TraceRequest.Tcp(source, resolver.Resolve(to, source), port)).ToString();
        }
        catch (TraceRequestException e)
        {
            return e.Message;
        }
    }

    /// <summary>The answer as it goes on the wire: times at the millisecond the XML serializer writes
    /// (yyyy-MM-ddTHH:mm:ss.fffZ). Nothing is left out: DHCP options sets and each VPC's DhcpOptionsId are restored
    /// (docs/semantics.md#import-dhcp-options).</summary>
    private static string Canonical(JsonObject? answer) =>
        Milliseconds(JsonNode.Parse(answer?.ToJsonString() ?? "{}"))!.ToJsonString();

    private static JsonNode? Milliseconds(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                    o[key] = Milliseconds(o[key]?.DeepClone());
                return o;
            case JsonArray a:
                return new JsonArray([.. a.Select(x => Milliseconds(x?.DeepClone()))]);
            case JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 19 && s[10] == 'T'
                && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t):
                return JsonValue.Create(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            default:
                return node;
        }
    }
}
