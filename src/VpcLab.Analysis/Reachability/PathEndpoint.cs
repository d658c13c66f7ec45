namespace VpcLab.Analysis.Reachability;

/// <summary>A path's source or destination as stored: its kind, id and ARN (as the caller gave it or as we built it).</summary>
public sealed record PathEndpoint(PathEndpointKind Kind, string Id, string Arn);
