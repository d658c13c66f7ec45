using VpcLab.Model;

namespace VpcLab.ControlPlane.Scenarios;

// Network interfaces and instances of a scenario.

/// <summary>Builds a scenario's network interfaces and instances through the control plane.</summary>
internal sealed class ComputeBuilder(ScenarioContext context)
{
    public void BuildNetworkInterface(RequestContext ctx, NetworkInterfaceSpec spec)
    {
        var subnetId = context.Resolve(spec.Line, spec.Subnet, "subnet");
        var groups = spec.SecurityGroups.Select(g => context.Resolve(spec.Line, g, "security group")).ToList();
        var eni = context.Do(spec.Line, "network interface", spec.Name, () => context.ControlPlane.CreateNetworkInterface(ctx, new CreateNetworkInterfaceRequest
        {
            SubnetId = subnetId,
            Groups = groups.Count > 0 ? groups : null,
            PrivateIpAddress = spec.PrivateIp,
            Ipv6AddressCount = spec.Ipv6 ? 1 : null,
            TagSpecifications = TagSpecification.Named("network-interface", spec.Name),
        }).NetworkInterface);
        context.Register(spec.Line, spec.Name, eni.Id.Value);
        SetSourceDestCheck(ctx, spec.Line, spec.Name, eni.Id.Value, spec.SourceDestCheck);
        if (spec.ElasticIp is { } eipName)
        {
            var allocation = context.Do(spec.Line, "network interface", spec.Name, () => context.ControlPlane.AllocateAddress(ctx, new AllocateAddressRequest
            {
                Domain = "vpc",
                TagSpecifications = TagSpecification.Named("elastic-ip", eipName),
            }).AllocationId);
            context.Register(spec.Line, eipName, allocation);
            context.Do(spec.Line, "network interface", spec.Name, () => context.ControlPlane.AssociateAddress(ctx, new AssociateAddressRequest
            {
                AllocationId = allocation,
                NetworkInterfaceId = eni.Id.Value,
            }));
        }
    }

    public void BuildInstance(RequestContext ctx, InstanceSpec spec)
    {
        var subnetId = context.Resolve(spec.Line, spec.Subnet, "subnet");
        var groups = spec.SecurityGroups.Select(g => context.Resolve(spec.Line, g, "security group")).ToList();
        var result = context.Do(spec.Line, "instance", spec.Name, () => context.ControlPlane.RunInstances(ctx, new RunInstancesRequest
        {
            InstanceType = "t3.micro",
            PrivateDnsNameOptions = spec.Hostnames is { } h
                ? new PrivateDnsNameOptionsRequest { HostnameType = h.Type, EnableResourceNameDnsARecord = h.ARecord, EnableResourceNameDnsAAAARecord = h.AaaaRecord }
                : null,
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
        context.Register(spec.Line, spec.Name, instance.Id.Value);
        SetSourceDestCheck(ctx, spec.Line, spec.Name, instance.PrimaryNetworkInterface.Value, spec.SourceDestCheck);

        int deviceIndex = 1;
        foreach (var extra in spec.ExtraInterfaces)
        {
            var eniId = context.Resolve(spec.Line, extra, "network interface");
            var index = deviceIndex++;
            context.Do(spec.Line, "instance", spec.Name, () => context.ControlPlane.AttachNetworkInterface(ctx, new AttachNetworkInterfaceRequest
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
        context.Do(line, "network interface", name, () => context.ControlPlane.ModifyNetworkInterfaceAttribute(ctx, new ModifyNetworkInterfaceAttributeRequest
        {
            NetworkInterfaceId = eniId,
            SourceDestCheck = value,
        }));
    }
}
