using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace VpcLab.Server.Protocol;

/// <summary>An EC2 operation (action) with its input and output shapes.</summary>
public sealed record Ec2Operation(string Name, Ec2Shape? Input, Ec2Shape? Output);
