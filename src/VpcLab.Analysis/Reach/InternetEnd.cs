using VpcLab.Model;

namespace VpcLab.Analysis.Reach;

/// <summary>Every address outside every VPC's CIDR blocks that no interface of the world owns as its public
/// address (docs/semantics.md#reach).</summary>
public sealed record InternetEnd : ReachEnd
{
    public static readonly InternetEnd Instance = new();

    public override string Describe(Network network) => "the internet";
}
