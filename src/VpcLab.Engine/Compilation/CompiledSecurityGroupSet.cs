using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>The union of the rules of one set of security groups (interfaces with the same groups share one).</summary>
internal sealed class CompiledSecurityGroupSet
{
    public required int[] Groups { get; init; }
    public required SgRule[][] Buckets { get; init; }
    public required bool HasIngressRules { get; init; }
    public required bool HasEgressRules { get; init; }

    public bool Contains(int group)
    {
        foreach (int g in Groups)
        {
            if (g == group)
                return true;
        }
        return false;
    }
}
