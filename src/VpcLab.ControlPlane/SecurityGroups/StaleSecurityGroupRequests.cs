using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>DescribeStaleSecurityGroups: VpcId (required), DryRun. MaxResults (5–255) and NextToken are the
/// server's (paging is done once for every Describe*).</summary>
public sealed record DescribeStaleSecurityGroupsRequest
{
    public string? VpcId { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>The groups of the VPC with at least one stale rule, by group id.</summary>
public sealed record DescribeStaleSecurityGroupsResult(IReadOnlyList<StaleSecurityGroup> StaleSecurityGroupSet);

/// <summary>A group and its stale rules only (botocore StaleSecurityGroup).</summary>
public sealed record StaleSecurityGroup(SecurityGroupId GroupId, string GroupName, string Description, VpcId VpcId,
    IReadOnlyList<StaleIpPermission> StaleIpPermissions, IReadOnlyList<StaleIpPermission> StaleIpPermissionsEgress);

/// <summary>One stale rule (botocore StaleIpPermission): ports are absent for all-traffic rules.</summary>
public sealed record StaleIpPermission(string IpProtocol, int? FromPort, int? ToPort, IReadOnlyList<StaleGroupPair> UserIdGroupPairs);

/// <summary>The referenced group of a stale rule (botocore UserIdGroupPair) with the peering it went through and
/// that peering's status now (e.g. deleted), when there is one.</summary>
public sealed record StaleGroupPair(string GroupId, string? GroupName, string? UserId, string? VpcId,
    string? VpcPeeringConnectionId, string? PeeringStatus);
