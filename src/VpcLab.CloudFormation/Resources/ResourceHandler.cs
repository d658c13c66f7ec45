using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Resources;

/// <summary>One resource type: its properties (AWS's names; the required ones and every documented one, so a misspelt
/// key is refused as CloudFormation refuses it), how it is created and deleted through the control plane, and its
/// Fn::GetAtt attributes as the CloudFormation resource reference documents them. docs/cloudformation.md#resource-types</summary>
internal abstract class ResourceHandler
{
    public abstract string Type { get; }

    public virtual IReadOnlyList<string> Required => [];

    /// <summary>Every property AWS documents for the type (null: not checked).</summary>
    public abstract IReadOnlyList<string>? Known { get; }

    public virtual IReadOnlyList<string> Attributes => [];

    public abstract Provisioned Create(ResourceContext context, JsonObject properties);

    public abstract void Delete(ResourceContext context, Provisioned resource);

    /// <summary>The properties whose change AWS applies to the resource as it is (the type page's "Update requires: No
    /// interruption" or "Some interruptions"); a change to any other property replaces it ("Update requires:
    /// Replacement"). Tags always update in place. docs/cloudformation.md#updates</summary>
    public virtual IReadOnlyCollection<string> UpdatableInPlace => [];

    /// <summary>Whether a change of <paramref name="property"/> is applied in place (<see cref="UpdatableInPlace"/>, or
    /// a type's own rule where AWS lists the few properties that replace).</summary>
    public virtual bool UpdatesInPlace(string property) => property == "Tags" || UpdatableInPlace.Contains(property);

    /// <summary>Applies, through the control plane, the changes of <see cref="UpdatableInPlace"/> properties from
    /// <paramref name="before"/> to <paramref name="after"/> (Tags are the caller's); returns the resource's new state.
    /// The default keeps the new values as properties only (what VpcLab stores but does not run).</summary>
    public virtual Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject after) => resource;

    /// <summary>The EC2 id CloudFormation's tags go on (the stack's tags and aws:cloudformation:*): the physical id, or
    /// another id where Ref is not the resource's id (an Elastic IP's allocation).</summary>
    public virtual string TagTarget(Provisioned resource) => resource.PhysicalId;

    /// <summary>An attribute of a resource made by this handler (only names in <see cref="Attributes"/> are asked).</summary>
    public virtual JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        throw CloudFormationException.Validation($"Template error: resource {context.LogicalId} does not support attribute type {attribute} in Fn::GetAtt");

    public static JsonArray List(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);
}
