using System.Collections.Frozen;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>One AWS service's public DNS name in one Region (sns.us-east-1.amazonaws.com) and the public address
/// public DNS gives it.</summary>
public sealed record AwsServicePublicName(string Name, string ServiceName, string Region, IpAddress PublicAddress,
    bool PrivateDnsSupported);
