using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>LaunchTemplate → the model's LaunchTemplate, a version → LaunchTemplateVersion, and the kept parameters
/// → ResponseLaunchTemplateData (parameters not given are omitted, as AWS omits them; docs/semantics.md#launch-templates).</summary>
internal static class LaunchTemplateShape
{
    public static JsonObject Map(LaunchTemplate t, ShapeContext c) => new()
    {
        ["LaunchTemplateId"] = t.Id,
        ["LaunchTemplateName"] = t.Name,
        ["CreateTime"] = t.CreateTime,
        ["CreatedBy"] = t.CreatedBy,
        ["DefaultVersionNumber"] = t.DefaultVersionNumber,
        ["LatestVersionNumber"] = t.LatestVersionNumber,
        ["Tags"] = c.Tags(t.Id),
    };

    public static JsonObject Version(LaunchTemplateVersionResult x) => new()
    {
        ["LaunchTemplateId"] = x.Template.Id,
        ["LaunchTemplateName"] = x.Template.Name,
        ["VersionNumber"] = x.Version.VersionNumber,
        ["VersionDescription"] = x.Version.Description,
        ["CreateTime"] = x.Version.CreateTime,
        ["CreatedBy"] = x.Version.CreatedBy,
        ["DefaultVersion"] = x.Version.VersionNumber == x.Template.DefaultVersionNumber,
        ["LaunchTemplateData"] = Data(x.Version.Data),
    };

    /// <summary>The kept parameters under their own member names, which are ResponseLaunchTemplateData's (the request
    /// bound to the same record by the same names: one mapping both ways); members not given are left out, as AWS
    /// leaves them out.</summary>
    public static JsonObject Data(LaunchTemplateData d)
    {
        var o = JsonSerializer.SerializeToNode(d, s_options)!.AsObject();
        // AWS reports the metadata options' state: applied at once in the lab.
        if (o["MetadataOptions"] is JsonObject metadata)
            metadata["State"] = "applied";
        return o;
    }

    private static readonly JsonSerializerOptions s_options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutEmptyLists } },
    };

    /// <summary>An empty list is a list not given: left out, as a null member is.</summary>
    private static void LeaveOutEmptyLists(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
                property.ShouldSerialize = (_, value) => value is ICollection { Count: > 0 };
        }
    }
}
