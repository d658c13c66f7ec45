using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.FlowLogs;

/// <summary>What a record says about its interface: the same for every record of one interface, so records share
/// one instance instead of copying strings.</summary>
public sealed record InterfaceContext(string AccountId, string InterfaceId, string VpcId, string SubnetId,
    string? InstanceId, string Region, string AzId);
