using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Parameters;

/// <summary>A parameter's value for one stack: as given (or defaulted), and as Ref sees it (a list for list types, the
/// stored value for SSM parameter types).</summary>
public sealed record BoundParameter(string Key, string Type, string Value, string? ResolvedValue, bool NoEcho)
{
    internal JsonNode RefValue { get; init; } = JsonValue.Create(Value);
}
