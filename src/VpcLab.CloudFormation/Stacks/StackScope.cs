using System.Collections.Immutable;
using System.Text.Json.Nodes;
using VpcLab.CloudFormation.Intrinsics;
using VpcLab.CloudFormation.Parameters;
using VpcLab.CloudFormation.Resources;
using VpcLab.CloudFormation.Templates;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Stacks;

/// <summary>The names one stack's intrinsic functions see: its parameters, the pseudo parameters, its resources made
/// so far (Ref is the physical id, Fn::GetAtt asks the resource's handler), conditions, mappings, exports of the
/// account and Region, and the Region's zones. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html</summary>
internal sealed class StackScope(
    Template template, IReadOnlyList<BoundParameter> parameters, string stackId, string stackName, RequestContext request,
    Ec2ControlPlane controlPlane, StoredResources stored, Func<string, string?> export) : IEvaluationScope
{
    private readonly Dictionary<string, bool> _conditions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    /// <summary>The resources made so far, by logical id.</summary>
    public Dictionary<string, StackResource> Resources { get; } = new(StringComparer.Ordinal);

    public List<string> Imports { get; } = [];

    public string Region => request.Region;

    public JsonNode? Ref(string name)
    {
        if (parameters.FirstOrDefault(p => p.Key == name) is { } parameter)
            return parameter.RefValue.DeepClone();
        switch (name)
        {
            case "AWS::AccountId": return request.Account.Value;
            case "AWS::Region": return request.Region;
            case "AWS::StackId": return stackId;
            case "AWS::StackName": return stackName;
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::NoValue": return null;
            case "AWS::NotificationARNs": return new JsonArray();
        }
        if (Resources.TryGetValue(name, out var resource))
            return resource.PhysicalResourceId;
        throw CloudFormationException.Format($"Unresolved resource dependencies [{name}] in the Resources block of the template");
    }

    public JsonNode? GetAtt(string resource, string attribute)
    {
        if (!Resources.TryGetValue(resource, out var made))
            throw CloudFormationException.Validation($"Template error: instance of Fn::GetAtt references undefined resource {resource}");
        if (made.Skipped || made.Provisioned is null)
            return made.PhysicalResourceId;
        var handler = ResourceHandlers.For(made.ResourceType)!;
        if (!handler.Attributes.Contains(attribute))
            throw CloudFormationException.Validation($"Template error: resource {resource} does not support attribute type {attribute} in Fn::GetAtt");
        return handler.GetAtt(Context(resource), made.Provisioned, attribute);
    }

    public ResourceContext Context(string logicalId) => new(controlPlane, request, stackName, logicalId, stored);

    public bool Condition(string name)
    {
        if (_conditions.TryGetValue(name, out var known))
            return known;
        if (!template.Conditions.TryGetPropertyValue(name, out var definition))
            throw CloudFormationException.Format($"Unresolved condition dependency {name} in Fn::If");
        if (!_evaluating.Add(name))
            throw CloudFormationException.Format($"Circular condition dependency: {name}");
        var value = IntrinsicEvaluator.Evaluate(definition, this) is JsonValue v && IntrinsicEvaluator.ScalarText(v) is "true" or "True";
        _evaluating.Remove(name);
        return _conditions[name] = value;
    }

    public JsonNode FindInMap(string map, string topLevelKey, string secondLevelKey)
    {
        var value = (template.Mappings[map] as JsonObject)?[topLevelKey] is JsonObject top ? top[secondLevelKey] : null;
        return value ?? throw CloudFormationException.Validation(template.Mappings.ContainsKey(map)
            ? $"Template error: Unable to get mapping for {map}::{topLevelKey}::{secondLevelKey}"
            : $"Template error: Mapping named '{map}' is not present in the 'Mappings' section of template.");
    }

    public string ImportValue(string exportName)
    {
        var value = export(exportName) ?? throw CloudFormationException.Validation($"No export named {exportName} found.");
        if (!Imports.Contains(exportName))
            Imports.Add(exportName);
        return value;
    }

    public IReadOnlyList<string> AvailabilityZones(string region) =>
        controlPlane.Regions.TryGetValue(region, out var info) ? [.. info.Zones.Select(z => z.Name)] : ImmutableArray<string>.Empty;
}
