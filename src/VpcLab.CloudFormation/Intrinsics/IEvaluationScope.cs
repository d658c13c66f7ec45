using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Intrinsics;

/// <summary>What the intrinsic functions read: parameters, pseudo parameters and resources by name, resource
/// attributes, conditions, mappings, exports and the Region's zones. A stack deployment supplies it; the evaluator
/// knows nothing of stacks.</summary>
internal interface IEvaluationScope
{
    string Region { get; }

    /// <summary>A parameter's or pseudo parameter's value, or a resource's physical id; null for AWS::NoValue.</summary>
    JsonNode? Ref(string name);

    JsonNode? GetAtt(string resource, string attribute);

    bool Condition(string name);

    JsonNode FindInMap(string map, string topLevelKey, string secondLevelKey);

    string ImportValue(string exportName);

    IReadOnlyList<string> AvailabilityZones(string region);
}
