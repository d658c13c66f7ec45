using VpcLab.Model;

namespace VpcLab.Engine;

/// <summary>On an interface endpoint hop: the zone of the client and of the endpoint interface it reached. AWS's
/// resolver returns every interface of the endpoint; clients pick one. VpcLab's traces pick the interface in the
/// client's zone when there is one (docs/semantics.md#interface-endpoints). A cross-zone path depends on the other zone staying up and
/// pays inter-zone data transfer.</summary>
public sealed record EndpointZoneChoice(VpcEndpointId Endpoint, string ServiceName, string? SourceZone, string EndpointZone,
    bool SameZone, bool SourceZoneHasEndpointInterface)
{
    /// <summary>"same AZ", "cross-AZ", or "cross-AZ (no endpoint interface in the client's zone)".</summary>
    public string Summary => SameZone ? $"same AZ ({EndpointZone})"
        : SourceZone is null ? $"endpoint interface in {EndpointZone}"
        : SourceZoneHasEndpointInterface ? $"cross-AZ ({SourceZone} → {EndpointZone})"
        : $"cross-AZ ({SourceZone} → {EndpointZone}): {Endpoint} has no interface in {SourceZone}";
}
