using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>One public address range of an AWS service in a Region, as ip-ranges.json lists it
/// (service codes such as S3, DYNAMODB, EC2, AMAZON).</summary>
public sealed record AwsIpRange(Cidr Prefix, string Region, string Service);
