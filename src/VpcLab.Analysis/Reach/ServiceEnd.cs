using VpcLab.Model;

namespace VpcLab.Analysis.Reach;

/// <summary>An AWS service's public addresses (<paramref name="Service"/> is the ip-ranges code: S3, DYNAMODB) in the
/// Region of the interface that sends to it (<see cref="AwsIpRanges.PrefixesOf(string, string)"/>): where its public name resolves
/// when no interface endpoint's private DNS answers, and what a gateway endpoint's prefix list holds.</summary>
public sealed record ServiceEnd(string Service) : ReachEnd
{
    public override string Describe(Network network) => Service == "DYNAMODB" ? "DynamoDB" : Service;
}
