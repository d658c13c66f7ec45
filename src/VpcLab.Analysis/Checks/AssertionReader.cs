using System.Collections.Immutable;
using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Net;

namespace VpcLab.Analysis.Checks;

/// <summary>Reads one assertion of a policy file (docs/check.md#assertions), refusing at its line what it cannot use.</summary>
internal static class AssertionReader
{
    private const string What = "an assertion";

    public static Assertion Read(YamlMap map)
    {
        var name = map.RequiredString("name", What);
        var from = Selectors(map, "from");
        var to = Selectors(map, "to");
        var traffic = Traffic(map);
        var expect = map.String("expect") switch
        {
            null => (Expectation?)null,
            "unreachable" => Expectation.Unreachable,
            "reachable" => Expectation.Reachable,
            var other => throw map.Error(map.Node("expect")!, $"'expect' must be reachable or unreachable, not '{other}'"),
        };
        var onlyFrom = map.Strings("only-from").Select(text => Cidr.TryParse(text, out var c)
            ? c : throw map.Error(map.Node("only-from")!, $"'only-from' lists CIDR blocks; '{text}' is not one")).ToImmutableArray();
        var onlyThrough = map.Strings("only-through");
        map.RejectUnknownKeys(What);
        if (expect is null && onlyFrom.IsEmpty && onlyThrough.IsEmpty)
            throw map.Error($"assertion '{name}' says nothing: give 'expect' (reachable or unreachable), 'only-from' or 'only-through'");
        if (from.Any(s => s.Kind == SelectorKind.Service))
            throw map.Error(map.Node("from")!, "'from' cannot be an AWS service: its addresses are a destination (write it in 'to')");
        if (to.Any(s => s.Kind == SelectorKind.Service) && from.Any(s => s.Kind == SelectorKind.Internet))
            throw map.Error(map.Node("to")!, "'to: s3' or 'dynamodb' is what interfaces reach; 'from: internet' to an AWS service is not a VPC question");
        return new Assertion(name, map.Line, from, to, traffic, expect, onlyFrom, onlyThrough);
    }

    private static ImmutableArray<Selector> Selectors(YamlMap map, string key)
    {
        var texts = map.Strings(key);
        if (texts.IsEmpty)
        {
            map.Require(key, What);
            return [];
        }
        var selectors = ImmutableArray.CreateBuilder<Selector>();
        foreach (var text in texts)
            selectors.Add(Selector.Parse(text, out var error) ?? throw map.Error(map.Node(key)!, $"'{key}': {error}"));
        return selectors.ToImmutable();
    }

    private static ImmutableArray<TrafficClass> Traffic(YamlMap map)
    {
        var texts = map.Strings("traffic");
        if (texts.IsEmpty)
            return [.. TrafficClass.All];
        var classes = ImmutableArray.CreateBuilder<TrafficClass>();
        foreach (var text in texts)
        {
            if (TrafficClass.Parse(text) is not { } parsed)
                throw map.Error(map.Node("traffic")!, $"'traffic': '{text}' is not traffic: use all, tcp, udp, icmp, icmpv6, tcp/22, udp/1024-65535, icmp/8 (a type) or icmp/3/4 (type and code)");
            if (parsed.FirstOrDefault(t => t.Protocol.IsIcmp && t.Values.From >> 8 == t.Values.To >> 8
                    && Engine.FlowKey.IsIcmpErrorType(t.Protocol, t.Values.From >> 8)) is { } error)
                throw map.Error(map.Node("traffic")!, $"'traffic': '{text}' is an ICMP error message, which security groups admit only as part of "
                    + "a connection the receiver opened; a policy is about traffic a sender opens (docs/check.md#traffic)");
            classes.AddRange(parsed);
        }
        return classes.ToImmutable();
    }
}
