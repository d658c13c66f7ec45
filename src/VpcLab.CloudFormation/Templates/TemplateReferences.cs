using System.Text.Json.Nodes;
using VpcLab.CloudFormation.Intrinsics;

namespace VpcLab.CloudFormation.Templates;

/// <summary>What a template fragment refers to: names in Ref (and ${Name} of Fn::Sub) and resources in Fn::GetAtt
/// (and ${Resource.Attribute}). A resource that refers to another depends on it implicitly.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html</summary>
internal sealed class TemplateReferences
{
    public static readonly IReadOnlySet<string> PseudoParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId",
        "AWS::StackName", "AWS::URLSuffix",
    };

    public List<string> Refs { get; } = [];
    public List<string> GetAtts { get; } = [];

    /// <summary>Conditions named by Fn::If and by Condition (inside a condition's definition).</summary>
    public List<string> Conditions { get; } = [];

    public static TemplateReferences Of(JsonNode? node)
    {
        var references = new TemplateReferences();
        references.Walk(node, null);
        return references;
    }

    /// <summary>The resources referred to, in first-mention order (Ref names that are not resources are dropped).</summary>
    public IEnumerable<string> Resources(IReadOnlySet<string> resourceNames) =>
        Refs.Concat(GetAtts).Where(resourceNames.Contains).Distinct(StringComparer.Ordinal);

    private void Walk(JsonNode? node, JsonObject? subVariables)
    {
        switch (node)
        {
            case JsonObject obj when IntrinsicEvaluator.FunctionOf(obj) is { } function:
                Function(function.Name, function.Argument);
                break;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                    Walk(value, subVariables);
                break;
            case JsonArray array:
                foreach (var item in array)
                    Walk(item, subVariables);
                break;
        }
    }

    private void Function(string name, JsonNode? argument)
    {
        switch (name)
        {
            case "Ref" when argument is JsonValue target:
                Refs.Add(IntrinsicEvaluator.ScalarText(target));
                return;
            case "Fn::GetAtt" when argument is JsonArray { Count: 2 } pair && pair[0] is JsonValue resource:
                GetAtts.Add(IntrinsicEvaluator.ScalarText(resource));
                Walk(pair[1], null);
                return;
            case "Fn::Sub":
                Sub(argument);
                return;
            case "Fn::If" when argument is JsonArray { Count: 3 } branches && branches[0] is JsonValue condition:
                Conditions.Add(IntrinsicEvaluator.ScalarText(condition));
                Walk(branches[1], null);
                Walk(branches[2], null);
                return;
            case "Condition" when argument is JsonValue condition:
                Conditions.Add(IntrinsicEvaluator.ScalarText(condition));
                return;
            default:
                Walk(argument, null);
                return;
        }
    }

    private void Sub(JsonNode? argument)
    {
        var (template, variables) = argument switch
        {
            JsonValue text => (IntrinsicEvaluator.ScalarText(text), null),
            JsonArray { Count: 2 } pair when pair[0] is JsonValue text => (IntrinsicEvaluator.ScalarText(text), pair[1] as JsonObject),
            _ => ("", null),
        };
        if (variables is not null)
            Walk(variables, null);
        foreach (var name in SubFunction.Names(template))
        {
            if (variables?.ContainsKey(name) == true)
                continue;
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
                GetAtts.Add(name[..dot]);
            else
                Refs.Add(name);
        }
    }
}
