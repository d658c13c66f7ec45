using System.CommandLine;
using VpcLab.Analysis.Checks;
using VpcLab.Analysis.Reach;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Cli.Commands;

/// <summary>The options <c>vpclab reach</c>'s questions share: <c>--from</c>/<c>--to</c> selections as a policy writes
/// them (docs/check.md#selectors), <c>--traffic</c> as a policy's <c>traffic:</c>, and how ports read.</summary>
public static class ReachSelections
{
    public static Option<string[]> From(string fallback) => new("--from")
    {
        Description = $"Senders: internet, all-interfaces, vpc:NAME, subnet:NAME, sg:NAME, instance:NAME, tag:KEY=VALUE, or an id (repeat for several; default {fallback})",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> To(string fallback) => new("--to")
    {
        Description = $"Receivers: as --from, plus s3 and dynamodb (repeat for several; default {fallback})",
    };

    public static Option<string[]> Traffic() => new("--traffic")
    {
        Description = "all (default), tcp, udp, icmp, icmpv6, tcp/22, udp/1024-65535, icmp/8 (repeat for several)",
    };

    /// <summary>The ends the texts select in a world (<paramref name="fallback"/> when none is given).</summary>
    public static IReadOnlyList<ReachEnd> Ends(Network network, string option, string[]? texts, string fallback)
    {
        var ends = new List<ReachEnd>();
        foreach (var text in texts is { Length: > 0 } ? texts : [fallback])
        {
            var selector = Selector.Parse(text, out var error) ?? throw new UsageException($"{option}: {error}");
            var resolved = selector.Resolve(network, out var missing);
            if (missing is not null)
                throw new UsageException($"{option}: {missing}");
            ends.AddRange(resolved.Where(e => !ends.Contains(e)));
        }
        return ends;
    }

    public static IReadOnlyList<TrafficClass> TrafficOf(string[]? texts)
    {
        if (texts is not { Length: > 0 })
            return TrafficClass.All;
        return [.. texts.SelectMany(t => TrafficClass.Parse(t) ?? throw new UsageException(
            $"--traffic: '{t}' is not traffic: use all, tcp, udp, icmp, icmpv6, tcp/22, udp/1024-65535, icmp/8 or icmp/3/4"))];
    }

    public static string Values(IpProtocol protocol, IEnumerable<PortRange> values) =>
        string.Join(", ", values.Select(v => TrafficClass.Describe(protocol, v)));
}
