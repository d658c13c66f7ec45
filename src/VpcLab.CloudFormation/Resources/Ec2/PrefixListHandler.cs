using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::PrefixList: CreateManagedPrefixList with its entries.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-prefixlist.html</summary>
internal sealed class PrefixListHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::PrefixList";

    public override IReadOnlyList<string> Required => ["AddressFamily", "PrefixListName"];

    public override IReadOnlyList<string>? Known => ["AddressFamily", "Entries", "MaxEntries", "PrefixListName", "Tags"];

    public override IReadOnlyList<string> Attributes => ["Arn", "OwnerId", "PrefixListId", "Version"];

    public override Provisioned Create(ResourceContext context, JsonObject p) =>
        new(context.ControlPlane.CreateManagedPrefixList(context.Request, new CreateManagedPrefixListRequest
        {
            PrefixListName = Props.Text(p, "PrefixListName"),
            AddressFamily = Props.Text(p, "AddressFamily"),
            MaxEntries = Props.Int(p, "MaxEntries"),
            Entries = [.. Props.Objects(p, "Entries").Select(e => new AddPrefixListEntry { Cidr = Props.Text(e, "Cidr"), Description = Props.Text(e, "Description") })],
            TagSpecifications = Props.Tags(p, ResourceTypes.PrefixList),
        }).PrefixList.Id.Value);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteManagedPrefixList(context.Request, new DeleteManagedPrefixListRequest { PrefixListId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute)
    {
        var list = context.ControlPlane.Network.PrefixLists[new PrefixListId(resource.PhysicalId)];
        return attribute switch
        {
            "Arn" => $"arn:aws:ec2:{context.Request.Region}:{context.Request.Account}:prefix-list/{list.Id}",
            "OwnerId" => context.Request.Account.Value,
            "PrefixListId" => list.Id.Value,
            "Version" => list.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => base.GetAtt(context, resource, attribute),
        };
    }
}
