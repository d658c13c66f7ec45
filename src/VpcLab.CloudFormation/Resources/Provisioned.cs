using System.Collections.Immutable;

namespace VpcLab.CloudFormation.Resources;

/// <summary>What a handler made for one resource: the physical id Ref returns, and the other ids it needs to delete
/// it or answer Fn::GetAtt (a route's table, an attachment's VPC …).</summary>
internal sealed record Provisioned(string PhysicalId, ImmutableDictionary<string, string> State)
{
    public Provisioned(string physicalId)
        : this(physicalId, ImmutableDictionary<string, string>.Empty)
    {
    }

    public string this[string key] => State[key];

    public Provisioned With(string key, string value) => this with { State = State.SetItem(key, value) };
}
