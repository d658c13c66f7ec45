using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>AWS's endpoint states (wire values are lower camel case: pendingAcceptance, available, …).</summary>
public enum VpcEndpointState
{
    PendingAcceptance,
    Pending,
    Available,
    Deleting,
    Deleted,
    Rejected,
    Failed,
    Expired,
    Partial,
}
