using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A CIDR associated with a VPC or subnet, with its association id (vpc-cidr-assoc-…).</summary>
public sealed record VpcCidrBlock(string AssociationId, Cidr Cidr, CidrBlockState State);
