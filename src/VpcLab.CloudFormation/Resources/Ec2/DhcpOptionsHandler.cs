using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::DHCPOptions: CreateDhcpOptions (DomainName, DomainNameServers, NtpServers, NetbiosNameServers,
/// NetbiosNodeType as the DHCP option keys). https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-dhcpoptions.html</summary>
internal sealed class DhcpOptionsHandler : ResourceHandler
{
    private static readonly (string Property, string Key)[] Options =
    [
        ("DomainName", "domain-name"), ("DomainNameServers", "domain-name-servers"), ("NtpServers", "ntp-servers"),
        ("NetbiosNameServers", "netbios-name-servers"), ("NetbiosNodeType", "netbios-node-type"),
        ("Ipv6AddressPreferredLeaseTime", "ipv6-address-preferred-lease-time"),
    ];

    public override string Type => "AWS::EC2::DHCPOptions";

    public override IReadOnlyList<string>? Known => [.. Options.Select(o => o.Property), "Tags"];

    public override IReadOnlyList<string> Attributes => ["DhcpOptionsId"];

    public override Provisioned Create(ResourceContext context, JsonObject p) =>
        new(context.ControlPlane.CreateDhcpOptions(context.Request, new CreateDhcpOptionsRequest
        {
            DhcpConfigurations = [.. Options.Where(o => p.ContainsKey(o.Property)).Select(o => new NewDhcpConfiguration
            {
                Key = o.Key,
                Values = p[o.Property] is JsonArray ? Props.Strings(p, o.Property) : [Props.Text(p, o.Property)!],
            })],
            TagSpecifications = Props.Tags(p, ResourceTypes.DhcpOptions),
        }).DhcpOptions.Id);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteDhcpOptions(context.Request, new DeleteDhcpOptionsRequest { DhcpOptionsId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "DhcpOptionsId" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
