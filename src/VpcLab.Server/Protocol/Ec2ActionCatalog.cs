using System.Collections.Frozen;

namespace VpcLab.Server.Protocol;

/// <summary>The name of every action EC2 has (botocore's whole EC2 model, not only the subset VpcLab implements),
/// from the embedded <c>ec2-operation-names.txt</c> that tools/extract-ec2-model.py writes beside the subset. It
/// tells an action AWS has but VpcLab lacks (501 <c>NotImplemented</c>) from a name that is no EC2 action at all
/// (<c>InvalidAction</c>). docs/semantics.md#unknown-actions.</summary>
public static class Ec2ActionCatalog
{
    private const string ResourceName = "VpcLab.Server.Protocol.Model.ec2-operation-names.txt";

    private static readonly Lazy<FrozenSet<string>> s_names = new(Load);

    /// <summary>How many actions EC2 has (botocore's model the subset was cut from).</summary>
    public static int Count => s_names.Value.Count;

    /// <summary>True when EC2 has an action of exactly this name (action names are case-sensitive).</summary>
    public static bool IsAwsAction(string action) => s_names.Value.Contains(action);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(Ec2ActionCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
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
