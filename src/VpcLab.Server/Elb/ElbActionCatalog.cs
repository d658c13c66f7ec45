using System.Collections.Frozen;

namespace VpcLab.Server.Elb;

/// <summary>The name of every action Elastic Load Balancing v2 has (botocore's whole elbv2 model), from the embedded
/// <c>elbv2-operation-names.txt</c> that tools/extract-elbv2-model.py writes: an action AWS has but VpcLab lacks is
/// 501 NotImplemented, any other name InvalidAction.</summary>
public static class ElbActionCatalog
{
    private const string ResourceName = "VpcLab.Server.Protocol.Model.elbv2-operation-names.txt";

    private static readonly Lazy<FrozenSet<string>> s_names = new(Load);

    public static bool IsAwsAction(string action) => s_names.Value.Contains(action);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(ElbActionCatalog).Assembly.GetManifestResourceStream(ResourceName)
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
