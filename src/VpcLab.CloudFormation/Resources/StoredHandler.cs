using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Resources;

/// <summary>A type of a service VpcLab does not model (IAM, SSM parameters, CloudWatch Logs groups, Lambda functions):
/// kept in <see cref="StoredResources"/> so that Ref and Fn::GetAtt resolve and a second stack cannot take the same
/// name; nothing runs. Ref is the name (or, for a managed policy, the ARN) as AWS documents per type.</summary>
internal sealed class StoredHandler(string type, string? nameProperty, Func<ResourceContext, string, string> arn,
    IReadOnlyList<string> attributes, bool refIsArn = false) : ResourceHandler
{
    public override string Type => type;

    public override IReadOnlyList<string>? Known => null;

    public override IReadOnlyList<string> Attributes => attributes;

    public override Provisioned Create(ResourceContext context, JsonObject properties)
    {
        var name = (nameProperty is null ? null : Props.Text(properties, nameProperty)) ?? context.GeneratedName(64);
        if (!context.Stored.Add(context.Request, type, name, (JsonObject)properties.DeepClone()))
            throw CloudFormationException.Validation($"{name} already exists");
        var resourceArn = arn(context, name);
        return new Provisioned(refIsArn ? resourceArn : name).With("Name", name).With("Arn", resourceArn);
    }

    /// <summary>The name property is "Update requires: Replacement" on each stored type's page; the rest is kept as the
    /// new properties.</summary>
    public override bool UpdatesInPlace(string property) => property != nameProperty;

    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject after)
    {
        context.Stored.Remove(context.Request, type, resource["Name"]);
        context.Stored.Add(context.Request, type, resource["Name"], (JsonObject)after.DeepClone());
        return resource;
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.Stored.Remove(context.Request, type, resource["Name"]);

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute)
    {
        if (attribute == "Arn")
            return resource["Arn"];
        if (!Attributes.Contains(attribute))
            return base.GetAtt(context, resource, attribute);
        var stored = context.Stored.Get(context.Request, type, resource["Name"]);
        return attribute switch
        {
            // Drawn from the type and name (not string.GetHashCode, which differs per process), so a replayed log
            // and a restarted server give the same id.
            "RoleId" or "PolicyId" or "Id" => "ARO" + Stacks.DeterministicIds.Guid($"{type}/{resource["Name"]}").ToString("N")[..17].ToUpperInvariant(),
            _ => stored?[attribute]?.DeepClone() ?? resource["Name"],
        };
    }
}
