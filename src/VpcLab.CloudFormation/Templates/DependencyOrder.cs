using System.Collections.Immutable;

namespace VpcLab.CloudFormation.Templates;

/// <summary>Checks every reference of a template and orders its resources so each comes after what it depends on
/// (DependsOn, Ref, Fn::GetAtt, Fn::Sub); ties keep template order, so a deployment is deterministic. Refuses with
/// CloudFormation's messages: an unknown name ("Unresolved resource dependencies [X] in the Resources block of the
/// template"), Fn::GetAtt of an unknown resource, and a cycle ("Circular dependency between resources: [A, B]").
/// docs/cloudformation.md#dependencies</summary>
internal static class DependencyOrder
{
    public static ImmutableArray<TemplateResource> Of(Template template)
    {
        var names = template.Resources.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        var dependencies = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var resource in template.Resources)
            dependencies[resource.LogicalId] = DependenciesOf(template, resource, names);
        CheckOutputs(template, names);
        return Sort(template, dependencies);
    }

    /// <summary>The resources one resource depends on, each reference checked.</summary>
    public static HashSet<string> DependenciesOf(Template template, TemplateResource resource, IReadOnlySet<string> names)
    {
        var references = TemplateReferences.Of(resource.Properties);
        CheckRefs(template, references, names, "Resources");
        foreach (var target in resource.DependsOn.Where(d => !names.Contains(d)))
            throw CloudFormationException.Format($"Unresolved resource dependencies [{target}] in the Resources block of the template");
        return [.. references.Resources(names).Concat(resource.DependsOn)];
    }

    private static void CheckOutputs(Template template, IReadOnlySet<string> names) =>
        CheckRefs(template, TemplateReferences.Of(template.Outputs), names, "Outputs");

    private static void CheckRefs(Template template, TemplateReferences references, IReadOnlySet<string> names, string block)
    {
        var unresolved = references.Refs
            .Where(r => !names.Contains(r) && !template.Parameters.ContainsKey(r) && !TemplateReferences.PseudoParameters.Contains(r))
            .Distinct(StringComparer.Ordinal).ToList();
        if (unresolved.Count > 0)
            throw CloudFormationException.Format($"Unresolved resource dependencies [{string.Join(", ", unresolved)}] in the {block} block of the template");
        foreach (var target in references.GetAtts.Where(g => !names.Contains(g)))
            throw CloudFormationException.Validation($"Template error: instance of Fn::GetAtt references undefined resource {target}");
    }

    private static ImmutableArray<TemplateResource> Sort(Template template, Dictionary<string, HashSet<string>> dependencies)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var order = ImmutableArray.CreateBuilder<TemplateResource>(template.Resources.Length);
        while (order.Count < template.Resources.Length)
        {
            var next = template.Resources.FirstOrDefault(r => !done.Contains(r.LogicalId) && dependencies[r.LogicalId].All(done.Contains));
            if (next is null)
            {
                var stuck = template.Resources.Where(r => !done.Contains(r.LogicalId)).Select(r => r.LogicalId);
                throw CloudFormationException.Validation($"Circular dependency between resources: [{string.Join(", ", stuck)}]");
            }
            done.Add(next.LogicalId);
            order.Add(next);
        }
        return order.MoveToImmutable();
    }
}
