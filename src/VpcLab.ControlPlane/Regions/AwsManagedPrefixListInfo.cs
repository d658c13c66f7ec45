using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>An AWS-managed prefix list seeded per Region (com.amazonaws.&lt;region&gt;.s3, .dynamodb).</summary>
public sealed record AwsManagedPrefixListInfo(string Id, string Name, ImmutableArray<Cidr> Cidrs);
