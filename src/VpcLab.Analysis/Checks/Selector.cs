using VpcLab.Analysis.Reach;
using VpcLab.Model;

namespace VpcLab.Analysis.Checks;

/// <summary>One selection of a policy (docs/check.md#selectors): <c>internet</c>, <c>s3</c>, <c>dynamodb</c>,
/// <c>all-interfaces</c>, a resource id (<c>vpc-…</c>, <c>subnet-…</c>, <c>sg-…</c>, <c>i-…</c>, <c>eni-…</c>), a
/// kind and a Name tag (<c>vpc:prod</c>, <c>subnet:db-a</c>, <c>sg:web</c>, <c>instance:bastion</c>), or a tag
/// (<c>tag:tier=db</c>: the interfaces that carry it, or whose instance does). <see cref="Text"/> is as written.</summary>
public sealed record Selector(SelectorKind Kind, string Value, string Text)
{
    private static readonly (string Prefix, SelectorKind Kind)[] Kinds =
    [
        ("vpc:", SelectorKind.Vpc), ("subnet:", SelectorKind.Subnet), ("sg:", SelectorKind.SecurityGroup),
        ("instance:", SelectorKind.Instance), ("eni:", SelectorKind.Interface), ("tag:", SelectorKind.Tag),
    ];

    private static readonly (string Prefix, SelectorKind Kind)[] IdPrefixes =
    [
        ("vpc-", SelectorKind.Vpc), ("subnet-", SelectorKind.Subnet), ("sg-", SelectorKind.SecurityGroup),
        ("i-", SelectorKind.Instance), ("eni-", SelectorKind.Interface),
    ];

    /// <summary>The selector a text names, or null with <paramref name="error"/> saying what is accepted.</summary>
    public static Selector? Parse(string text, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = "";
        switch (text)
        {
            case "internet":
                return new(SelectorKind.Internet, "", text);
            case "s3":
                return new(SelectorKind.Service, "S3", text);
            case "dynamodb":
                return new(SelectorKind.Service, "DYNAMODB", text);
            case "all-interfaces":
                return new(SelectorKind.AllInterfaces, "", text);
        }
        foreach (var (prefix, kind) in Kinds)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                if (kind == SelectorKind.Tag && !text.Contains('=', StringComparison.Ordinal))
                    break;
                return new(kind, text[prefix.Length..], text);
            }
        }
        foreach (var (prefix, kind) in IdPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
                return new(kind, text, text);
        }
        error = $"'{text}' is not a selection: use internet, s3, dynamodb, all-interfaces, a resource id (vpc-, subnet-, sg-, i-, eni-), "
            + "vpc:NAME, subnet:NAME, sg:NAME, instance:NAME, eni:ID or tag:KEY=VALUE";
        return null;
    }

    /// <summary>The ends this selection names in a world, or a message when it names nothing there (a typo in a policy
    /// must not make an assertion hold by selecting nothing).</summary>
    public IReadOnlyList<ReachEnd> Resolve(Network network, out string? error)
    {
        ArgumentNullException.ThrowIfNull(network);
        error = null;
        if (Kind == SelectorKind.Internet)
            return [InternetEnd.Instance];
        if (Kind == SelectorKind.Service)
            return [new ServiceEnd(Value)];
        var interfaces = network.NetworkInterfaces.Values.Where(e => Selects(network, e))
            .OrderBy(e => e.Id.Value, StringComparer.Ordinal).Select(e => (ReachEnd)new InterfaceEnd(e.Id)).ToArray();
        if (interfaces.Length == 0)
            error = Kind == SelectorKind.AllInterfaces ? "the world has no network interface" : $"'{Text}' selects no network interface in the world";
        return interfaces;
    }

    private bool Selects(Network network, NetworkInterface eni) => Kind switch
    {
        SelectorKind.AllInterfaces => true,
        SelectorKind.Vpc => Named(network, eni.VpcId.Value),
        SelectorKind.Subnet => Named(network, eni.SubnetId.Value),
        SelectorKind.SecurityGroup => eni.Groups.Any(g => Named(network, g.Value)),
        SelectorKind.Instance => eni.Attachment is { } a && Named(network, a.InstanceId.Value),
        SelectorKind.Interface => eni.Id.Value == Value,
        SelectorKind.Tag => Tagged(network, eni.Id.Value) || (eni.Attachment is { } a && Tagged(network, a.InstanceId.Value)),
        _ => false,
    };

    private bool Named(Network network, string id) => id == Value || network.TagsOf(id).Name == Value;

    private bool Tagged(Network network, string id)
    {
        int equals = Value.IndexOf('=', StringComparison.Ordinal);
        return network.TagsOf(id).Items.TryGetValue(Value[..equals], out var v) && v == Value[(equals + 1)..];
    }
}
