using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Engine.Dns;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::Instance: RunInstances of one instance (subnet, groups, addresses, network interfaces). Its
/// UserData, cfn-init Metadata, key pair and IAM instance profile are kept, not run; an instance profile must exist
/// (made by a stack) when named. PrivateDnsNameOptions is RunInstances' (members left out keep the subnet's). https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html</summary>
internal sealed class InstanceHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::Instance";

    public override IReadOnlyList<string>? Known => null; // ~40 documented properties; the networking ones are used

    public override IReadOnlyList<string> Attributes =>
        ["AvailabilityZone", "InstanceId", "PrivateDnsName", "PrivateIp", "PublicDnsName", "PublicIp", "VpcId"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        if (Props.Text(p, "IamInstanceProfile") is { } profile && !profile.StartsWith("arn:", StringComparison.Ordinal)
            && context.Stored.Get(context.Request, "AWS::IAM::InstanceProfile", profile) is null)
            throw CloudFormationException.Validation($"Value ({profile}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name");
        var reservation = context.ControlPlane.RunInstances(context.Request, new RunInstancesRequest
        {
            ImageId = Props.Text(p, "ImageId"),
            InstanceType = Props.Text(p, "InstanceType") ?? "m1.small",
            MinCount = 1,
            MaxCount = 1,
            SubnetId = Props.Text(p, "SubnetId"),
            SecurityGroupIds = Props.Strings(p, "SecurityGroupIds"),
            SecurityGroups = Props.Strings(p, "SecurityGroups"),
            Placement = Props.Text(p, "AvailabilityZone") is { } zone ? new InstancePlacement { AvailabilityZone = zone } : null,
            PrivateIpAddress = Props.Text(p, "PrivateIpAddress"),
            Ipv6AddressCount = Props.Int(p, "Ipv6AddressCount"),
            NetworkInterfaces = Interfaces(p),
            TagSpecifications = Props.Tags(p, ResourceTypes.Instance),
            UserData = Props.Text(p, "UserData"), // kept on the instance (DescribeInstanceAttribute userData), not run
            PrivateDnsNameOptions = p["PrivateDnsNameOptions"] is JsonObject h
                ? new PrivateDnsNameOptionsRequest
                {
                    HostnameType = Props.Text(h, "HostnameType"),
                    EnableResourceNameDnsARecord = Props.Bool(h, "EnableResourceNameDnsARecord"),
                    EnableResourceNameDnsAAAARecord = Props.Bool(h, "EnableResourceNameDnsAAAARecord"),
                }
                : null,
        });
        return new Provisioned(reservation.Instances[0].Id.Value);
    }

    private static List<InstanceNetworkInterfaceSpecification>? Interfaces(JsonObject p)
    {
        var specs = Props.Objects(p, "NetworkInterfaces");
        return specs.Count == 0 ? null : [.. specs.Select(s => new InstanceNetworkInterfaceSpecification
        {
            DeviceIndex = Props.Int(s, "DeviceIndex"),
            NetworkInterfaceId = Props.Text(s, "NetworkInterfaceId"),
            SubnetId = Props.Text(s, "SubnetId"),
            Description = Props.Text(s, "Description"),
            Groups = Props.Strings(s, "GroupSet"),
            PrivateIpAddress = Props.Text(s, "PrivateIpAddress"),
            SecondaryPrivateIpAddressCount = Props.Int(s, "SecondaryPrivateIpAddressCount"),
            Ipv6AddressCount = Props.Int(s, "Ipv6AddressCount"),
            AssociatePublicIpAddress = Props.Bool(s, "AssociatePublicIpAddress"),
            DeleteOnTermination = Props.Bool(s, "DeleteOnTermination"),
        })];
    }

    /// <summary>The properties the type's page marks "Update requires: No interruption" or "Some interruptions"; every
    /// other one (ImageId, SubnetId, KeyName, NetworkInterfaces, PrivateIpAddress, AvailabilityZone, SecurityGroups, …)
    /// is Replacement.</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace =>
        ["AdditionalInfo", "Affinity", "CreditSpecification", "DisableApiStop", "DisableApiTermination", "EbsOptimized", "HostId",
         "IamInstanceProfile", "InstanceInitiatedShutdownBehavior", "InstanceType", "KernelId", "MetadataOptions", "Monitoring",
         "PrivateDnsNameOptions", "RamdiskId", "SecurityGroupIds", "SourceDestCheck", "SsmAssociations", "Tenancy", "UserData", "Volumes"];

    /// <summary>ModifyInstanceAttribute for what EC2 models: the groups, the source/destination check, termination and
    /// stop protection, and the instance type; ModifyPrivateDnsNameOptions for PrivateDnsNameOptions (the instance stopped and started again, the "Some interruptions" AWS
    /// documents). The rest (UserData, the profile, monitoring …) is kept, not run.</summary>
    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject after)
    {
        var cp = context.ControlPlane;
        var id = resource.PhysicalId;
        bool Changed(string key) => !JsonNode.DeepEquals(before[key], after[key]);
        if (Changed("SecurityGroupIds") && Props.Strings(after, "SecurityGroupIds") is { Count: > 0 } groups)
            cp.ModifyInstanceAttribute(context.Request, new ModifyInstanceAttributeRequest { InstanceId = id, Groups = groups });
        if (Changed("SourceDestCheck"))
            cp.ModifyInstanceAttribute(context.Request, new ModifyInstanceAttributeRequest { InstanceId = id, SourceDestCheck = Props.Bool(after, "SourceDestCheck") ?? true });
        if (Changed("DisableApiTermination"))
            cp.ModifyInstanceAttribute(context.Request, new ModifyInstanceAttributeRequest { InstanceId = id, DisableApiTermination = Props.Bool(after, "DisableApiTermination") ?? false });
        if (Changed("DisableApiStop"))
            cp.ModifyInstanceAttribute(context.Request, new ModifyInstanceAttributeRequest { InstanceId = id, DisableApiStop = Props.Bool(after, "DisableApiStop") ?? false });
        if (Changed("PrivateDnsNameOptions") && after["PrivateDnsNameOptions"] is JsonObject h)
            cp.ModifyPrivateDnsNameOptions(context.Request, new ModifyPrivateDnsNameOptionsRequest
            {
                InstanceId = id,
                PrivateDnsHostnameType = Props.Text(h, "HostnameType"),
                EnableResourceNameDnsARecord = Props.Bool(h, "EnableResourceNameDnsARecord"),
                EnableResourceNameDnsAAAARecord = Props.Bool(h, "EnableResourceNameDnsAAAARecord"),
            });
        if (Changed("InstanceType"))
        {
            var running = cp.Network.Instances[new InstanceId(id)].State == InstanceState.Running;
            if (running)
                cp.StopInstances(context.Request, new StopInstancesRequest { InstanceIds = [id] });
            cp.ModifyInstanceAttribute(context.Request, new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = new AttributeValue { Value = Props.Text(after, "InstanceType") ?? "m1.small" } });
            if (running)
                cp.StartInstances(context.Request, new StartInstancesRequest { InstanceIds = [id] });
        }
        return resource;
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.TerminateInstances(context.Request, new TerminateInstancesRequest { InstanceIds = [resource.PhysicalId] });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute)
    {
        var network = context.ControlPlane.Network;
        var instance = network.Instances[new InstanceId(resource.PhysicalId)];
        var eni = network.NetworkInterfaces[instance.PrimaryNetworkInterface];
        // An instance in an IPv6-only subnet has no private IPv4: PrivateIp is "" and its name the resource name.
        var primary = eni.PrivateIpAddresses.FirstOrDefault(a => a.Primary);
        var publicIp = primary is null ? null : network.PublicIpFor(eni, primary);
        return attribute switch
        {
            "AvailabilityZone" => eni.AvailabilityZone,
            "InstanceId" => instance.Id.Value,
            "PrivateDnsName" => Ec2Hostnames.OfInstance(instance, primary?.Address),
            "PrivateIp" => primary?.Address.ToString() ?? "",
            "PublicDnsName" => publicIp is { } dns ? Ec2Hostnames.Public(dns, instance.Region) : "",
            "PublicIp" => publicIp?.ToString() ?? "",
            "VpcId" => instance.VpcId.Value,
            _ => base.GetAtt(context, resource, attribute),
        };
    }
}
