using VpcLab.Model;

namespace VpcLab.ControlPlane.Scenarios;

// Network interfaces and instances of a scenario.
internal sealed partial class ScenarioBuild
{
    private void BuildNetworkInterface(RequestContext ctx, NetworkInterfaceSpec spec)
    {
        var subnetId = Resolve(spec.Line, spec.Subnet, "subnet");
        var groups = spec.SecurityGroups.Select(g => Resolve(spec.Line, g, "security group")).ToList();
        var eni = Do(spec.Line, "network interface", spec.Name, () => controlPlane.CreateNetworkInterface(ctx, new CreateNetworkInterfaceRequest
        {
            SubnetId = subnetId,
            Groups = groups.Count > 0 ? groups : null,
            PrivateIpAddress = spec.PrivateIp,
            Ipv6AddressCount = spec.Ipv6 ? 1 : null,
            TagSpecifications = TagSpecification.Named("network-interface", spec.Name),
        }).NetworkInterface);
        Register(spec.Line, spec.Name, eni.Id.Value);
        SetSourceDestCheck(ctx, spec.Line, spec.Name, eni.Id.Value, spec.SourceDestCheck);
        if (spec.ElasticIp is { } eipName)
        {
            var allocation = Do(spec.Line, "network interface", spec.Name, () => controlPlane.AllocateAddress(ctx, new AllocateAddressRequest
            {
                Domain = "vpc",
                TagSpecifications = TagSpecification.Named("elastic-ip", eipName),
            }).AllocationId);
            Register(spec.Line, eipName, allocation);
            Do(spec.Line, "network interface", spec.Name, () => controlPlane.AssociateAddress(ctx, new AssociateAddressRequest
            {
                AllocationId = allocation,
                NetworkInterfaceId = eni.Id.Value,
            }));
        }
    }

    private void BuildInstance(RequestContext ctx, InstanceSpec spec)
    {
        var subnetId = Resolve(spec.Line, spec.Subnet, "subnet");
        var groups = spec.SecurityGroups.Select(g => Resolve(spec.Line, g, "security group")).ToList();
        var result = Do(spec.Line, "instance", spec.Name, () => controlPlane.RunInstances(ctx, new RunInstancesRequest
        {
            ImageId = "ami-0vpclab00000000",
            InstanceType = "t3.micro",
            MinCount = 1,
            MaxCount = 1,
            NetworkInterfaces =
            [
                new InstanceNetworkInterfaceSpecification
                {
                    DeviceIndex = 0,
                    SubnetId = subnetId,
                    Groups = groups.Count > 0 ? groups : null,
                    PrivateIpAddress = spec.PrivateIp,
                    AssociatePublicIpAddress = spec.PublicIp,
                    Ipv6AddressCount = spec.Ipv6 ? 1 : null,
                    DeleteOnTermination = true,
                },
            ],
            TagSpecifications =
            [
                new TagSpecification("instance", new Tag("Name", spec.Name)),
                new TagSpecification("network-interface", new Tag("Name", $"{spec.Name}-eth0")),
            ],
        }));
        var instance = result.Instances[0];
        Register(spec.Line, spec.Name, instance.Id.Value);
        SetSourceDestCheck(ctx, spec.Line, spec.Name, instance.PrimaryNetworkInterface.Value, spec.SourceDestCheck);

        int deviceIndex = 1;
        foreach (var extra in spec.ExtraInterfaces)
        {
            var eniId = Resolve(spec.Line, extra, "network interface");
            var index = deviceIndex++;
            Do(spec.Line, "instance", spec.Name, () => controlPlane.AttachNetworkInterface(ctx, new AttachNetworkInterfaceRequest
            {
                NetworkInterfaceId = eniId,
                InstanceId = instance.Id.Value,
                DeviceIndex = index,
            }));
        }
    }

    private void SetSourceDestCheck(RequestContext ctx, int line, string name, string eniId, bool? check)
    {
        if (check is not { } value)
            return;
        Do(line, "network interface", name, () => controlPlane.ModifyNetworkInterfaceAttribute(ctx, new ModifyNetworkInterfaceAttributeRequest
        {
            NetworkInterfaceId = eniId,
            SourceDestCheck = value,
        }));
    }
}
