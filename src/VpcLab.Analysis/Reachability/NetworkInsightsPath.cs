using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reachability;

/// <summary>A Reachability Analyzer path (nip-…): the question, not an answer. Not part of the network model the
/// engine decides on; kept by <see cref="NetworkInsights.Store"/>.</summary>
public sealed record NetworkInsightsPath(
    string Id, string Arn, AccountId OwnerId, string Region, DateTimeOffset CreatedDate,
    PathEndpoint Source, PathEndpoint? Destination, IpAddress? SourceIp, IpAddress? DestinationIp, string Protocol,
    int? DestinationPort, PathFilter? FilterAtSource, PathFilter? FilterAtDestination, Tags Tags) : IRegionalAnalysisItem
{
    public const string IdPrefix = "nip";
    public const string ResourceType = "network-insights-path";
}
