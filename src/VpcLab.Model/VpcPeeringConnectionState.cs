using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>AWS's peering lifecycle (status.code).</summary>
public enum VpcPeeringConnectionState
{
    InitiatingRequest,
    PendingAcceptance,
    Provisioning,
    Active,
    Deleting,
    Deleted,
    Rejected,
    Failed,
    Expired,
}
