using System.Collections.Immutable;
using VpcLab.Analysis.Checks;
using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>What a source or destination statement selects in a world: the internet (entered or left through an
/// internet gateway: any, or one of <see cref="Gateways"/>) and the caller's network interfaces, as
/// <see cref="ReachEnd"/>s of <see cref="FlowSpace"/> (docs/semantics.md#naa-statements).</summary>
internal sealed record ScopeEnds(bool Internet, ImmutableHashSet<string>? Gateways, ImmutableArray<NetworkInterfaceId> Interfaces)
{
    /// <summary>The ends in order: the internet first, then the interfaces by id.</summary>
    public IEnumerable<ReachEnd> All => (Internet ? [InternetEnd.Instance] : Array.Empty<ReachEnd>())
        .Concat(Interfaces.Select(i => (ReachEnd)new InterfaceEnd(i)));

    /// <summary>Whether an end of a traced flow is one of these: an interface by id; the internet when the forward
    /// path passes one of the internet gateways.</summary>
    public bool Contains(ReachEnd end, Trace trace) => end switch
    {
        InterfaceEnd e => Interfaces.Contains(e.Interface),
        InternetEnd => Internet && trace.Forward.Any(h => h.Component.Kind == ComponentKind.InternetGateway
            && (Gateways is null || Gateways.Contains(h.Component.Id))),
        _ => false,
    };

    /// <summary>A statement's resources in a world; no resource statement selects everything the API can name (the
    /// internet through any internet gateway and every interface of the caller).</summary>
    public static ScopeEnds Of(ScopePathStatement? statement, Network network, RequestContext ctx)
    {
        var mine = network.NetworkInterfaces.Values.Where(e => e.OwnerId == ctx.Account && e.Region == ctx.Region)
            .OrderBy(e => e.Id.Value, StringComparer.Ordinal).ToArray();
        if (statement?.Resources is not { } r)
            return new ScopeEnds(true, null, [.. mine.Select(e => e.Id)]);
        bool internet = false;
        var gateways = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var selected = new HashSet<NetworkInterfaceId>();
        foreach (var type in r.ResourceTypes)
        {
            if (type == ScopeResourceTypes.InternetGateway)
                internet = true;
            else
                selected.UnionWith(mine.Where(e => type != ScopeResourceTypes.Instance || e.Attachment?.InstanceId is not null).Select(e => e.Id));
        }
        foreach (var id in r.Resources)
        {
            if (id.StartsWith("igw-", StringComparison.Ordinal))
            {
                internet = true;
                gateways.Add(id);
                continue;
            }
            var selector = new Selector(KindOf(id), id, id);
            selected.UnionWith(selector.Resolve(network, out _).OfType<InterfaceEnd>().Select(e => e.Interface)
                .Where(i => mine.Any(e => e.Id == i)));
        }
        return new ScopeEnds(internet, r.ResourceTypes.Contains(ScopeResourceTypes.InternetGateway) ? null : gateways.ToImmutable(),
            [.. selected.OrderBy(i => i.Value, StringComparer.Ordinal)]);
    }

    private static SelectorKind KindOf(string id) =>
        id.StartsWith("eni-", StringComparison.Ordinal) ? SelectorKind.Interface
        : id.StartsWith("i-", StringComparison.Ordinal) ? SelectorKind.Instance
        : id.StartsWith("subnet-", StringComparison.Ordinal) ? SelectorKind.Subnet
        : id.StartsWith("sg-", StringComparison.Ordinal) ? SelectorKind.SecurityGroup
        : SelectorKind.Vpc;
}
