using System.Collections.Frozen;

namespace VpcLab.Server.Protocol;

/// <summary>The name of every action a service has (botocore's whole model, not only the subset VpcLab implements),
/// from an embedded <c>&lt;service&gt;-operation-names.txt</c> that the service's tools/extract-*-model.py writes
/// beside the subset. It tells an action AWS has but VpcLab lacks (501 <c>NotImplemented</c>) from a name that is no
/// action of the service at all (<c>InvalidAction</c>). docs/semantics.md#unknown-actions.</summary>
public sealed class AwsActionCatalog
{
    /// <summary>EC2's actions (tools/extract-ec2-model.py).</summary>
    public static AwsActionCatalog Ec2 { get; } = new("VpcLab.Server.Protocol.Model.ec2-operation-names.txt");

    /// <summary>Elastic Load Balancing v2's actions (tools/extract-elbv2-model.py).</summary>
    public static AwsActionCatalog Elbv2 { get; } = new("VpcLab.Server.Protocol.Model.elbv2-operation-names.txt");

    private readonly string _resourceName;
    private readonly Lazy<FrozenSet<string>> _names;

    private AwsActionCatalog(string resourceName)
    {
        _resourceName = resourceName;
        _names = new Lazy<FrozenSet<string>>(Load);
    }

    /// <summary>How many actions the service has (botocore's model the subset was cut from).</summary>
    public int Count => _names.Value.Count;

    /// <summary>True when the service has an action of exactly this name (action names are case-sensitive).</summary>
    public bool IsAwsAction(string action) => _names.Value.Contains(action);

    private FrozenSet<string> Load()
    {
        using var stream = typeof(AwsActionCatalog).Assembly.GetManifestResourceStream(_resourceName)
            ?? throw new InvalidOperationException($"embedded resource {_resourceName} is missing");
        using var reader = new StreamReader(stream);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                names.Add(line);
        }
        return names.ToFrozenSet(StringComparer.Ordinal);
    }
}
