namespace VpcLab.Import;

/// <summary>Something an imported folder holds that VpcLab does not model (a transit gateway, a VPN connection, a
/// route to a local gateway…), listed so the user knows what the imported world lacks.</summary>
public sealed record SkippedResource(string Account, string Region, string Kind, string Id, string Reason);
