namespace VpcLab.Analysis.AccessScopes;

/// <summary>A path's source or destination statement: a packet header statement, a resource statement, or both.</summary>
public sealed record ScopePathStatement(ScopePacketHeader? PacketHeader, ScopeResources? Resources);
