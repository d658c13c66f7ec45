using System.Collections.Immutable;
using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>What the Elastic Load Balancing operations share: ARNs, names, protocols, lookups of the caller's load
/// balancers and target groups, and tags (kept in <see cref="Network.Tags"/> under the ARN).
/// docs/semantics.md#network-load-balancers.</summary>
internal static class ElbParts
{
    public const int MaxNameLength = 32;

    /// <summary>The ARN prefix of the caller's Region and account: <c>arn:aws:elasticloadbalancing:REGION:ACCOUNT:</c>.</summary>
    public static string ArnPrefix(Transaction tx) => $"arn:aws:elasticloadbalancing:{tx.RegionName}:{tx.Account}:";

    /// <summary>16 hexadecimal digits, as AWS ends its load balancer, target group and listener ARNs.</summary>
    public static string NewShortId(Transaction tx) => tx.NextRandom().ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>AWS: a load balancer or target group name has at most 32 characters, only ASCII letters, digits and
    /// hyphens, and neither begins nor ends with a hyphen; a load balancer's may not begin with <c>internal-</c>.</summary>
    public static string CheckName(string? name, string what)
    {
        if (string.IsNullOrEmpty(name))
            throw ElbErrors.MissingParameter("Name");
        if (name.Length > MaxNameLength)
            throw ElbErrors.Validation($"{what} name '{name}' cannot be longer than '{MaxNameLength}' characters");
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw ElbErrors.Validation($"{what} name '{name}' can contain only alphanumeric characters and hyphens");
        if (name[0] == '-' || name[^1] == '-')
            throw ElbErrors.Validation($"{what} name '{name}' cannot begin or end with a hyphen");
        return name;
    }

    public static TargetGroupProtocol ParseProtocol(string? protocol, string parameter) => protocol switch
    {
        null => throw ElbErrors.MissingParameter(parameter),
        "TCP" => TargetGroupProtocol.Tcp,
        "UDP" => TargetGroupProtocol.Udp,
        "TLS" => TargetGroupProtocol.Tls,
        "TCP_UDP" => TargetGroupProtocol.TcpUdp,
        _ => throw ElbErrors.UnsupportedProtocol(protocol),
    };

    public static string ProtocolName(TargetGroupProtocol protocol) => protocol switch
    {
        TargetGroupProtocol.Tcp => "TCP",
        TargetGroupProtocol.Udp => "UDP",
        TargetGroupProtocol.Tls => "TLS",
        _ => "TCP_UDP",
    };

    public static int CheckPort(int? port, string parameter) => port switch
    {
        null => throw ElbErrors.MissingParameter(parameter),
        < 1 or > 65535 => throw ElbErrors.Validation($"'{port}' at '{parameter.ToLowerInvariant()}' failed to satisfy constraint: Member must have value between 1 and 65535"),
        _ => port.Value,
    };

    public static LoadBalancer? FindLoadBalancer(Transaction tx, string? arn) =>
        arn is not null && tx.N.LoadBalancers.TryGetValue(new LoadBalancerArn(arn), out var lb) && tx.Owned(lb.OwnerId, lb.Region) ? lb : null;

    public static LoadBalancer RequireLoadBalancer(Transaction tx, string? arn) =>
        arn is null ? throw ElbErrors.MissingParameter("LoadBalancerArn")
        : FindLoadBalancer(tx, arn) ?? throw ElbErrors.LoadBalancersNotFound([arn]);

    public static TargetGroup? FindTargetGroup(Transaction tx, string? arn) =>
        arn is not null && tx.N.TargetGroups.TryGetValue(new TargetGroupArn(arn), out var tg) && tx.Owned(tg.OwnerId, tg.Region) ? tg : null;

    public static TargetGroup RequireTargetGroup(Transaction tx, string? arn) =>
        arn is null ? throw ElbErrors.MissingParameter("TargetGroupArn")
        : FindTargetGroup(tx, arn) ?? throw ElbErrors.TargetGroupNotFound(arn);

    /// <summary>Tags of a Create call: at most 50, keys 1–128 characters, as EC2's tag rules (shared).</summary>
    public static void ApplyTags(Transaction tx, string arn, IReadOnlyList<ElbTag>? tags)
    {
        if (tags is not { Count: > 0 })
            return;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag.Key))
                throw ElbErrors.Validation("A tag key must be specified");
            pairs.Add(new(tag.Key, tag.Value ?? ""));
        }
        tx.SetTags(arn, pairs);
    }

    public static void Put(Transaction tx, LoadBalancer lb) => tx.Put(lb);

    public static void Put(Transaction tx, TargetGroup tg) => tx.Put(tg);

    public static void Put(Transaction tx, Listener listener) => tx.Put(listener);

    /// <summary>Modify*Attributes: each key must be one the resource has, each value one its key accepts;
    /// <paramref name="check"/> validates a value (and may refuse it with AWS's message).</summary>
    public static ImmutableSortedDictionary<string, string> ChangeAttributes(ImmutableSortedDictionary<string, string> current,
        IReadOnlyList<ElbAttribute>? changes, string what, Action<string, string> check)
    {
        if (changes is not { Count: > 0 })
            throw ElbErrors.MissingParameter("Attributes");
        foreach (var change in changes)
        {
            if (change.Key is null || !current.TryGetValue(change.Key, out var old))
                throw ElbErrors.Validation($"{what} attribute key '{change.Key}' is not recognized");
            var value = change.Value ?? "";
            if (old is "true" or "false" && value is not ("true" or "false"))
                throw ElbErrors.Validation($"{what} attribute value '{value}' is not valid for key '{change.Key}'. Valid values are 'true' or 'false'");
            check(change.Key, value);
            current = current.SetItem(change.Key, value);
        }
        return current;
    }

    /// <summary>Describe by ARNs or names: each is looked up (an ARN in the kind's map, a name through its
    /// <see cref="IndexedKinds.ElbNameLink"/> list: names are unique per account and Region) and must be the caller's
    /// and pass <paramref name="within"/> (a load balancer's listeners, the groups it forwards to), else the kind's
    /// NotFound error naming the missing ones; with neither, <paramref name="all"/>. In ARN order. What is asked costs
    /// what it names, not the caller's every record (docs/semantics.md#filter-indexes).</summary>
    public static IEnumerable<T> Select<T>(Transaction tx, IndexedKind<T> kind, IEnumerable<T> all, Func<T, bool> within,
        IReadOnlyList<string>? arns, IReadOnlyList<string>? names, Func<IEnumerable<string>, Exception> notFound)
        where T : class
    {
        if (arns is { Count: > 0 } && names is { Count: > 0 })
            throw ElbErrors.Validation("ARNs and names cannot be specified together");
        var caller = tx.Caller;
        bool Wanted(T? x) => x is not null && kind.IsCallers(x, caller) && within(x);
        List<(string Asked, T? Found)> looked;
        if (arns is { Count: > 0 })
            looked = [.. arns.Select(arn => (arn, kind.Lookup(tx.N, arn) is { } x && Wanted(x) ? x : null))];
        else if (names is { Count: > 0 })
            looked = [.. names.Select(name => (name, tx.Where(kind, IndexedKinds.ElbNameLink, name).FirstOrDefault(x => Wanted(x))))];
        else
            return all.OrderBy(kind.Id, StringComparer.Ordinal);
        var missing = looked.Where(x => x.Found is null).Select(x => x.Asked).ToList();
        if (missing.Count > 0)
            throw notFound(missing);
        return looked.Select(x => x.Found!).DistinctBy(kind.Id).OrderBy(kind.Id, StringComparer.Ordinal);
    }
}
