using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>One coded reason (RA's Explanation): only the members relevant to the code are set.</summary>
public sealed record Explanation(ExplanationCode Code, TrafficDirection? Direction = null,
    ComponentRef? Component = null, ComponentRef? Acl = null, int? AclRuleNumber = null)
{
    /// <summary>The security groups that were evaluated (ENI_SG_RULES_MISMATCH, SG_HAS_NO_RULES).</summary>
    public ImmutableArray<ComponentRef> SecurityGroups { get; init; } = [];

    /// <summary>The address the code is about (the source without a public IP, the refused destination...).</summary>
    public IpAddress? Address { get; init; }

    /// <summary>The route involved (BAD_STATE_ROUTE).</summary>
    public RouteRef? Route { get; init; }

    /// <summary>A sentence for people; codes are for programs.</summary>
    public string? Message { get; init; }

    public override string ToString() => Message is null ? Code.Value : $"{Code.Value}: {Message}";
}
