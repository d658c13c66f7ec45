using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace VpcLab.Server.Protocol;

/// <summary>A parsed EC2 Query request: the operation named by <c>Action</c>, the <c>Version</c> the client
/// sent, and the parameters as JSON keyed by the input shape's member names (<c>Filters[0].Values[1]</c>
/// for wire <c>Filter.1.Value.2</c>), ready for System.Text.Json to bind to a request record.</summary>
public sealed record Ec2Request(Ec2Operation Operation, string Version, JsonObject Parameters);
