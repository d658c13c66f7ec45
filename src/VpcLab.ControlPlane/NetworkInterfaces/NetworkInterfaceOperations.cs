using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The NetworkInterfaces operations.</summary>
public sealed class NetworkInterfaceOperations
{
    private readonly ControlPlaneState _state;

    internal NetworkInterfaceOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>The ceiling of an interface no instance type bounds; the limits of attached interfaces come from
    /// their instance's type (<see cref="InstanceTypeCatalog.AddressesPerInterface"/>, docs/semantics.md#instance-types).</summary>
    public const int MaxAddressesPerInterface = InstanceTypeCatalog.UnboundedAddressesPerInterface;

    /// <summary>The address limits of an interface: its instance's type when attached, else the ceiling.</summary>
    internal static (int Ipv4, int Ipv6) Limits(Transaction tx, NetworkInterface eni) =>
        InstanceTypeCatalog.AddressesPerInterface(eni.Attachment is { } a && tx.N.Instances.TryGetValue(a.InstanceId, out var instance) ? instance.InstanceType : null);

    /// <summary>What an interface is to be built from: CreateNetworkInterface and RunInstances share it.</summary>
    internal sealed record InterfaceSpec(
        Subnet Subnet, string? Description, string? PrivateIpAddress, IReadOnlyList<string>? Groups,
        IReadOnlyList<PrivateIpAddressSpecification>? PrivateIpAddresses, int? SecondaryPrivateIpAddressCount,
        IReadOnlyList<InstanceIpv6Address>? Ipv6Addresses, int? Ipv6AddressCount)
    {
        /// <summary>The type of the instance RunInstances builds it for (its address limits), null for CreateNetworkInterface.</summary>
        public string? InstanceType { get; init; }
    }

    internal static NetworkInterface BuildInterface(Transaction tx, InterfaceSpec spec)
    {
        var subnet = spec.Subnet;
        var (max4, max6) = InstanceTypeCatalog.AddressesPerInterface(spec.InstanceType);
        var groups = ResolveGroups(tx, subnet.VpcId, spec.Groups);
        var used = tx.UsedAddresses(subnet.Id);
        var explicitPrimary = spec.PrivateIpAddresses?.Where(p => p.Primary == true).ToList() ?? [];
        if (explicitPrimary.Count > 1)
            throw Ec2Errors.InvalidParameterValue("Only one private IP address can be designated as primary.");
        string? primaryText = spec.PrivateIpAddress;
        if (explicitPrimary.Count == 1)
        {
            if (primaryText is not null && primaryText != explicitPrimary[0].PrivateIpAddress)
                throw Ec2Errors.InvalidParameterCombination("The primary private IP address is specified twice, with different values.");
            primaryText = explicitPrimary[0].PrivateIpAddress;
        }
        var addresses = new List<PrivateIpAddress>();
        if (primaryText is not null)
        {
            var ip = Transaction.ParseIp(primaryText, "privateIpAddress");
            if (!ip.IsV4)
                throw Ec2Errors.InvalidIpAddress(primaryText, "privateIpAddress");
            tx.CheckRequestedAddress(subnet, ip, used);
            addresses.Add(new PrivateIpAddress(ip, true, null));
        }
        foreach (var secondary in spec.PrivateIpAddresses?.Where(p => p.Primary != true) ?? [])
        {
            var ip = Transaction.ParseIp(secondary.PrivateIpAddress, "privateIpAddress");
            if (!ip.IsV4)
                throw Ec2Errors.InvalidIpAddress(secondary.PrivateIpAddress, "privateIpAddress");
            if (primaryText is not null && ip.ToString() == Transaction.ParseIp(primaryText, "privateIpAddress").ToString())
                continue;
            tx.CheckRequestedAddress(subnet, ip, used);
            addresses.Add(new PrivateIpAddress(ip, false, null));
        }
        // An IPv6-only subnet has no IPv4 range: its interfaces have no private IPv4 (docs/semantics.md#ipv6-only-subnets).
        if (subnet.CidrBlock is not null && !addresses.Any(a => a.Primary))
        {
            // With only secondaries named, AWS picks the primary itself: the lab takes the lowest free address.
            addresses.Insert(0, new PrivateIpAddress(tx.AllocatePrivateIpv4(subnet, used), true, null));
        }
        int extra = spec.SecondaryPrivateIpAddressCount ?? 0;
        if (extra < 0)
            throw Ec2Errors.InvalidParameterValue($"Value ({extra}) for parameter secondaryPrivateIpAddressCount is invalid.");
        if (addresses.Count + extra > max4)
            throw NetworkInterfaceErrors.PrivateIpAddressLimitExceeded(max4);
        for (int i = 0; i < extra; i++)
            addresses.Add(new PrivateIpAddress(tx.AllocatePrivateIpv4(subnet, used), false, null));

        var v6 = new List<IpAddress>();
        if (spec.Ipv6Addresses is { Count: > 0 } && spec.Ipv6AddressCount is not null)
            throw Ec2Errors.InvalidParameterCombination("Only one of ipv6Addresses or ipv6AddressCount may be specified.");
        foreach (var item in spec.Ipv6Addresses ?? [])
        {
            var ip = Transaction.ParseIp(item.Ipv6Address, "ipv6Address");
            if (!ip.IsV6)
                throw Ec2Errors.InvalidIpAddress(item.Ipv6Address, "ipv6Address");
            tx.CheckRequestedAddress(subnet, ip, used);
            v6.Add(ip);
        }
        // AWS: a subnet with assign-ipv6-address-on-creation gives a new interface one IPv6 address when none is asked for.
        int v6Count = spec.Ipv6AddressCount ?? (spec.Ipv6Addresses is { Count: > 0 } ? 0 : subnet.AssignIpv6AddressOnCreation ? 1 : 0);
        if (v6Count < 0 || v6Count + v6.Count > max6)
            throw Ec2Errors.InvalidParameterValue($"Value ({v6Count}) for parameter ipv6AddressCount is invalid.");
        for (int i = 0; i < v6Count; i++)
            v6.Add(tx.AllocateIpv6(subnet, used));
        if (subnet.Ipv6Native && v6.Count == 0)
            throw NetworkInterfaceErrors.Ipv6OnlySubnetNeedsIpv6(subnet.Id.Value);

        var description = spec.Description ?? "";
        if (description.Length > 255)
            throw Ec2Errors.InvalidParameterValue("Value for parameter description is invalid: longer than 255 characters.");
        if (tx.AtRegionQuota(IndexedKinds.NetworkInterface, tx.Quotas.NetworkInterfacesPerRegion))
            throw NetworkInterfaceErrors.NetworkInterfaceLimitExceeded();
        var eni = new NetworkInterface(new NetworkInterfaceId(tx.NewId(IdPrefixes.NetworkInterface)), tx.Account, tx.RegionName, subnet.Id,
            subnet.VpcId, subnet.AvailabilityZone.Name, [.. addresses], [.. v6], groups, SourceDestCheck: true,
            NetworkInterfaceType.Interface, null, description, tx.NewMacAddress());
        tx.Put(eni);
        return eni;
    }

    /// <summary>Security groups of an interface: default = the VPC's default group; each of the VPC; at most the
    /// quota (5 by default).</summary>
    internal static ImmutableArray<SecurityGroupId> ResolveGroups(Transaction tx, VpcId vpc, IReadOnlyList<string>? ids)
    {
        if (ids is null || ids.Count == 0)
            return [tx.Where(IndexedKinds.SecurityGroup, "vpc-id", vpc.Value).First(g => g.IsDefault).Id]; // the VPC's groups, not the world's
        var groups = ids.Distinct(StringComparer.Ordinal).Select(id => tx.Require(ResourceKinds.SecurityGroup, id, "SecurityGroupId")).ToList();
        foreach (var group in groups)
        {
            if (group.VpcId != vpc)
                throw SecurityGroupErrors.SecurityGroupInOtherVpc(group.Id.Value);
        }
        if (groups.Count > tx.Quotas.SecurityGroupsPerNetworkInterface)
            throw SecurityGroupErrors.TooManySecurityGroups(tx.Quotas.SecurityGroupsPerNetworkInterface);
        return [.. groups.Select(g => g.Id)];
    }

    public CreateNetworkInterfaceResult CreateNetworkInterface(RequestContext ctx, CreateNetworkInterfaceRequest request) =>
        _state.MutateIdempotent(ctx, request.DryRun, request.ClientToken, nameof(CreateNetworkInterface), request, tx =>
        {
            var subnet = tx.Require(ResourceKinds.Subnet, request.SubnetId);
            var eni = BuildInterface(tx, new InterfaceSpec(subnet, request.Description, request.PrivateIpAddress, request.Groups,
                request.PrivateIpAddresses, request.SecondaryPrivateIpAddressCount, request.Ipv6Addresses, request.Ipv6AddressCount));
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.NetworkInterface, eni.Id.Value);
            return new CreateNetworkInterfaceResult(eni);
        });

    public EmptyResult DeleteNetworkInterface(RequestContext ctx, DeleteNetworkInterfaceRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var eni = tx.Require(ResourceKinds.NetworkInterface, request.NetworkInterfaceId);
            if (ResourceKinds.NetworkInterface.FirstBlocker(tx.World, eni) is not null)
                throw NetworkInterfaceErrors.NetworkInterfaceInUse(eni.Id.Value);
            RemoveInterface(tx, eni);
            return EmptyResult.Instance;
        });

    /// <summary>Deletes an interface; Elastic IPs mapped to it are disassociated (they stay allocated).</summary>
    internal static void RemoveInterface(Transaction tx, NetworkInterface eni)
    {
        foreach (var eip in tx.Where(IndexedKinds.ElasticIp, "network-interface-id", eni.Id.Value).ToList())
            tx.Put(eip with { AssociationId = null, NetworkInterfaceId = null, PrivateIp = null });
        tx.Remove(eni.Id);
        tx.RemoveTags(eni.Id.Value);
        FlowLogOperations.DeleteFlowLogsOf(tx, eni.Id.Value); // src/VpcLab.ControlPlane/FlowLogs/
    }

    public DescribeNetworkInterfacesResult DescribeNetworkInterfaces(RequestContext ctx, DescribeNetworkInterfacesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.NetworkInterfaceIds, id => tx.Require(ResourceKinds.NetworkInterface, id));
            var n = tx.N;
            var world = tx.World;
            var schema = new FilterSchema<NetworkInterface>(IndexedKinds.NetworkInterface)
                .Add("description", e => e.Description)
                .Add("owner-id", e => e.OwnerId.Value)
                .Add("requester-managed", e => Wire.Bool(e.RequesterManaged))
                .Add("source-dest-check", e => Wire.Bool(e.SourceDestCheck))
                .Add("interface-type", e => InterfaceTypeName(e.InterfaceType))
                .AddMany("addresses.primary", e => e.PrivateIpAddresses.Select(p => Wire.Bool(p.Primary)))
                .AddMany("group-name", e => e.Groups.Select(g => n.SecurityGroups.TryGetValue(g, out var sg) ? sg.GroupName : null))
                .Add("attachment.device-index", e => e.Attachment is { } a ? Wire.Int(a.DeviceIndex) : null)
                .Add("attachment.delete-on-termination", e => e.Attachment is { } a ? Wire.Bool(a.DeleteOnTermination) : null)
                .AddMany("association.public-ip", e => e.PrivateIpAddresses.Select(p => n.PublicIpFor(e, p)?.ToString()), PublicIpCandidates)
                .AddMany("association.allocation-id", e => world.Where(IndexedKinds.ElasticIp, "network-interface-id", e.Id.Value).Select(x => x.AllocationId.Value))
                .AddMany("association.association-id", e => world.Where(IndexedKinds.ElasticIp, "network-interface-id", e.Id.Value).Select(x => x.AssociationId));
            return new DescribeNetworkInterfacesResult([.. schema.Select(tx, request.Filters, named)]);
        });

    /// <summary>The interfaces that may show a public IPv4 (association.public-ip): those it was auto-assigned to, and the
    /// one the Elastic IP of that address is associated with (<see cref="Network.PublicIpFor"/> reads both).</summary>
    private static IEnumerable<string> PublicIpCandidates(IndexedWorld world, string ip) =>
        world.Index.Ids(IndexedKinds.NetworkInterface.Key, IndexedKinds.AutoAssignedPublicIpLink, ip)
            .Concat(world.Where(IndexedKinds.ElasticIp, "public-ip", ip).Select(a => a.NetworkInterfaceId?.Value).OfType<string>());

    /// <summary>AWS's interfaceType wire values.</summary>
    public static string InterfaceTypeName(NetworkInterfaceType type) => type switch
    {
        NetworkInterfaceType.NatGateway => "nat_gateway",
        NetworkInterfaceType.VpcEndpoint => "vpc_endpoint",
        NetworkInterfaceType.NetworkLoadBalancer => "network_load_balancer",
        _ => "interface",
    };

    public EmptyResult ModifyNetworkInterfaceAttribute(RequestContext ctx, ModifyNetworkInterfaceAttributeRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var eni = tx.Require(ResourceKinds.NetworkInterface, request.NetworkInterfaceId);
            int given = (request.Description is not null ? 1 : 0) + (request.SourceDestCheck is not null ? 1 : 0)
                + (request.Groups is not null ? 1 : 0) + (request.Attachment is not null ? 1 : 0);
            if (given != 1)
                throw Ec2Errors.InvalidParameterCombination("Fields for multiple attribute types specified: specify exactly one of description, sourceDestCheck, groupSet or attachment");
            if (eni.RequesterManaged)
                throw NetworkInterfaceErrors.NetworkInterfaceRequesterManaged(eni.Id.Value);
            if (request.Description is { } description)
                eni = eni with { Description = description.Value ?? "" };
            if (request.SourceDestCheck is { } check)
                eni = WithSourceDestCheck(eni, check);
            if (request.Groups is { } groups)
                eni = WithGroups(tx, eni, groups, "SecurityGroupId");
            if (request.Attachment is { } change)
            {
                if (eni.Attachment is null || eni.Attachment.AttachmentId != change.AttachmentId)
                    throw NetworkInterfaceErrors.AttachmentNotFound(change.AttachmentId ?? "");
                eni = eni with { Attachment = eni.Attachment with { DeleteOnTermination = change.DeleteOnTermination ?? eni.Attachment.DeleteOnTermination } };
            }
            tx.Put(eni);
            return EmptyResult.Instance;
        });

    /// <summary>The interface with source/destination checking on or off (ModifyNetworkInterfaceAttribute, and
    /// ModifyInstanceAttribute on the primary interface).</summary>
    internal static NetworkInterface WithSourceDestCheck(NetworkInterface eni, AttributeBooleanValue check) =>
        eni with { SourceDestCheck = check.Value ?? throw Ec2Errors.MissingParameter("SourceDestCheck.Value") };

    /// <summary>The interface with its security groups replaced: at least one, each of the interface's VPC
    /// (ModifyNetworkInterfaceAttribute, and ModifyInstanceAttribute on the primary interface).</summary>
    internal static NetworkInterface WithGroups(Transaction tx, NetworkInterface eni, IReadOnlyList<string> groups, string parameter)
    {
        if (groups.Count == 0)
            throw Ec2Errors.MissingParameter(parameter);
        return eni with { Groups = ResolveGroups(tx, eni.VpcId, groups) };
    }

    public AssignPrivateIpAddressesResult AssignPrivateIpAddresses(RequestContext ctx, AssignPrivateIpAddressesRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var eni = tx.Require(ResourceKinds.NetworkInterface, request.NetworkInterfaceId);
            if (eni.RequesterManaged)
                throw NetworkInterfaceErrors.NetworkInterfaceRequesterManaged(eni.Id.Value);
            var subnet = tx.N.Subnets[eni.SubnetId];
            bool given = request.PrivateIpAddresses is { Count: > 0 };
            if (given == (request.SecondaryPrivateIpAddressCount is not null))
                throw Ec2Errors.InvalidParameterCombination("Specify exactly one of privateIpAddress or secondaryPrivateIpAddressCount.");
            var used = tx.UsedAddresses(subnet.Id);
            var added = new List<IpAddress>();
            foreach (var text in request.PrivateIpAddresses ?? [])
            {
                var ip = Transaction.ParseIp(text, "privateIpAddress");
                var holder = tx.Where(IndexedKinds.NetworkInterface, "subnet-id", subnet.Id.Value).FirstOrDefault(e => e.Id != eni.Id && e.PrivateIpAddresses.Any(p => p.Address == ip));
                if (holder is not null && request.AllowReassignment == true && !holder.PrivateIpAddresses.First(p => p.Address == ip).Primary)
                {
                    // AWS: AllowReassignment moves a secondary address from another interface of the subnet.
                    tx.Put(holder with { PrivateIpAddresses = holder.PrivateIpAddresses.RemoveAll(p => p.Address == ip) });
                    used.Remove(ip);
                }
                tx.CheckRequestedAddress(subnet, ip, used);
                added.Add(ip);
            }
            int count = request.SecondaryPrivateIpAddressCount ?? 0;
            if (count < 0)
                throw Ec2Errors.InvalidParameterValue($"Value ({count}) for parameter secondaryPrivateIpAddressCount is invalid.");
            var max4 = Limits(tx, eni).Ipv4;
            if (eni.PrivateIpAddresses.Length + added.Count + count > max4)
                throw NetworkInterfaceErrors.PrivateIpAddressLimitExceeded(max4);
            for (int i = 0; i < count; i++)
                added.Add(tx.AllocatePrivateIpv4(subnet, used));
            tx.Put(eni with { PrivateIpAddresses = eni.PrivateIpAddresses.AddRange(added.Select(ip => new PrivateIpAddress(ip, false, null))) });
            return new AssignPrivateIpAddressesResult(eni.Id.Value, [.. added.Select(ip => new AssignedPrivateIpAddress(ip.ToString()))]);
        });

    public EmptyResult UnassignPrivateIpAddresses(RequestContext ctx, UnassignPrivateIpAddressesRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var eni = tx.Require(ResourceKinds.NetworkInterface, request.NetworkInterfaceId);
            if (eni.RequesterManaged)
                throw NetworkInterfaceErrors.NetworkInterfaceRequesterManaged(eni.Id.Value);
            if (request.PrivateIpAddresses is not { Count: > 0 } texts)
                throw Ec2Errors.MissingParameter("PrivateIpAddress");
            var addresses = eni.PrivateIpAddresses;
            bool disassociated = false;
            foreach (var text in texts)
            {
                var ip = Transaction.ParseIp(text, "privateIpAddress");
                var entry = addresses.FirstOrDefault(p => p.Address == ip) ?? throw NetworkInterfaceErrors.AddressNotAssigned(ip, eni.Id.Value);
                if (entry.Primary)
                    throw NetworkInterfaceErrors.CannotUnassignPrimary(ip);
                addresses = addresses.Remove(entry);
                foreach (var eip in tx.Where(IndexedKinds.ElasticIp, "network-interface-id", eni.Id.Value).Where(e => e.PrivateIp == ip).ToList())
                {
                    tx.Put(eip with { AssociationId = null, NetworkInterfaceId = null, PrivateIp = null });
                    disassociated = true;
                }
            }
            tx.Put(eni with { PrivateIpAddresses = addresses });
            // The Elastic IP of a secondary address went with it: like a disassociation (docs/semantics.md#public-ipv4).
            if (disassociated)
                ElasticIpOperations.RenewPublicIpv4Of(tx, eni.Id);
            return EmptyResult.Instance;
        });

    public AssignIpv6AddressesResult AssignIpv6Addresses(RequestContext ctx, AssignIpv6AddressesRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var eni = tx.Require(ResourceKinds.NetworkInterface, request.NetworkInterfaceId);
            if (eni.RequesterManaged)
                throw NetworkInterfaceErrors.NetworkInterfaceRequesterManaged(eni.Id.Value);
            var subnet = tx.N.Subnets[eni.SubnetId];
            if (subnet.Ipv6Cidr is null)
                throw NetworkInterfaceErrors.NoIpv6InSubnet(subnet.Id.Value);
            bool given = request.Ipv6Addresses is { Count: > 0 };
            if (given == (request.Ipv6AddressCount is not null))
                throw Ec2Errors.InvalidParameterCombination("Specify exactly one of ipv6Addresses or ipv6AddressCount.");
            var used = tx.UsedAddresses(subnet.Id);
            var added = new List<IpAddress>();
            foreach (var text in request.Ipv6Addresses ?? [])
            {
                var ip = Transaction.ParseIp(text, "ipv6Addresses");
                if (!ip.IsV6)
                    throw Ec2Errors.InvalidIpAddress(text, "ipv6Addresses");
                tx.CheckRequestedAddress(subnet, ip, used);
                added.Add(ip);
            }
            int count = request.Ipv6AddressCount ?? 0;
            if (count < 0 || eni.Ipv6Addresses.Length + added.Count + count > Limits(tx, eni).Ipv6)
                throw Ec2Errors.InvalidParameterValue($"Value ({count}) for parameter ipv6AddressCount is invalid.");
            for (int i = 0; i < count; i++)
                added.Add(tx.AllocateIpv6(subnet, used));
            tx.Put(eni with { Ipv6Addresses = eni.Ipv6Addresses.AddRange(added) });
            return new AssignIpv6AddressesResult(eni.Id.Value, [.. added.Select(a => a.ToString())]);
        });

    public UnassignIpv6AddressesResult UnassignIpv6Addresses(RequestContext ctx, UnassignIpv6AddressesRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var eni = tx.Require(ResourceKinds.NetworkInterface, request.NetworkInterfaceId);
            if (request.Ipv6Addresses is not { Count: > 0 } texts)
                throw Ec2Errors.MissingParameter("Ipv6Addresses");
            var addresses = eni.Ipv6Addresses;
            foreach (var text in texts)
            {
                var ip = Transaction.ParseIp(text, "ipv6Addresses");
                if (!addresses.Contains(ip))
                    throw NetworkInterfaceErrors.AddressNotAssigned(ip, eni.Id.Value);
                addresses = addresses.Remove(ip);
            }
            tx.Put(eni with { Ipv6Addresses = addresses });
            return new UnassignIpv6AddressesResult(eni.Id.Value, texts);
        });

    public AttachNetworkInterfaceResult AttachNetworkInterface(RequestContext ctx, AttachNetworkInterfaceRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var eni = tx.Require(ResourceKinds.NetworkInterface, request.NetworkInterfaceId);
            var instance = tx.Require(ResourceKinds.Instance, request.InstanceId);
            int index = request.DeviceIndex ?? throw Ec2Errors.MissingParameter("DeviceIndex");
            if (eni.Attachment is not null || eni.RequesterManaged)
                throw NetworkInterfaceErrors.NetworkInterfaceInUse(eni.Id.Value);
            if (instance.State is not (InstanceState.Running or InstanceState.Stopped))
                throw Ec2Errors.IncorrectInstanceState(instance.Id.Value, InstanceOperations.InstanceStateName(instance.State));
            var primary = tx.N.NetworkInterfaces[instance.PrimaryNetworkInterface];
            // Choice (docs/semantics.md#attach-same-vpc): same Availability Zone and same VPC.
            if (eni.AvailabilityZone != primary.AvailabilityZone || eni.VpcId != instance.VpcId)
                throw NetworkInterfaceErrors.InterfaceInOtherZone(eni.Id.Value, instance.Id.Value);
            if (index < 0 || instance.NetworkInterfaces.Any(id => tx.N.NetworkInterfaces[id].Attachment?.DeviceIndex == index))
                throw NetworkInterfaceErrors.DeviceIndexInUse(index, instance.Id.Value);
            InstanceTypeLimits.CheckAttach(instance.InstanceType, instance.NetworkInterfaces.Length + 1, eni);
            var attachmentId = tx.NewId(IdPrefixes.NetworkInterfaceAttachment);
            tx.Put(eni with { Attachment = new NetworkInterfaceAttachment(attachmentId, instance.Id, index, false) });
            tx.Put(instance with { NetworkInterfaces = instance.NetworkInterfaces.Add(eni.Id) });
            return new AttachNetworkInterfaceResult(attachmentId);
        });

    public EmptyResult DetachNetworkInterface(RequestContext ctx, DetachNetworkInterfaceRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var attachmentId = request.AttachmentId ?? throw Ec2Errors.MissingParameter("AttachmentId");
            var eni = tx.Where(IndexedKinds.NetworkInterface, "attachment.attachment-id", attachmentId).FirstOrDefault(e => tx.Owned(e.OwnerId, e.Region))
                ?? throw NetworkInterfaceErrors.AttachmentNotFound(attachmentId);
            if (eni.Attachment!.DeviceIndex == 0)
                throw NetworkInterfaceErrors.CannotDetachPrimary(attachmentId);
            var instance = tx.N.Instances[eni.Attachment.InstanceId];
            tx.Put(eni with { Attachment = null });
            tx.Put(instance with { NetworkInterfaces = instance.NetworkInterfaces.Remove(eni.Id) });
            return EmptyResult.Instance;
        });
}
