using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The ElasticIps operations.</summary>
public sealed class ElasticIpOperations
{
    private readonly ControlPlaneState _state;

    internal ElasticIpOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public AllocateAddressResult AllocateAddress(RequestContext ctx, AllocateAddressRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            if (request.Domain is not (null or "vpc"))
                throw Ec2Errors.InvalidParameterValue($"Value ({request.Domain}) for parameter domain is invalid. Only 'vpc' is supported (EC2-Classic is retired).");
            if (tx.AtRegionQuota(IndexedKinds.ElasticIp, tx.Quotas.ElasticIpsPerRegion))
                throw ElasticIpErrors.AddressLimitExceeded();
            var eip = new ElasticIpAddress(new AllocationId(tx.NewId(IdPrefixes.Allocation)), tx.Account, tx.RegionName,
                request.Address is { } address ? AddressRecovery.Recover(tx, address) : tx.AllocatePublicIpv4(), null, null, null);
            tx.Put(eip);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.ElasticIp, eip.AllocationId.Value);
            return new AllocateAddressResult(eip.AllocationId.Value, eip.PublicIp.ToString(), "vpc", "amazon", tx.RegionName) { Address = eip };
        });

    /// <summary>The caller's address by AllocationId or (deprecated) PublicIp: AWS's references call the allocation id
    /// "required", so neither is MissingParameter (<paramref name="missing"/>); both is InvalidParameterCombination.</summary>
    private static ElasticIpAddress FindAddress(Transaction tx, string? allocationId, string? publicIp, Func<Ec2Exception> missing)
    {
        if (allocationId is null && publicIp is null)
            throw missing();
        if (allocationId is not null && publicIp is not null)
            throw Ec2Errors.InvalidParameterCombination("The request must contain exactly one of allocationId or publicIp");
        if (allocationId is not null)
            return tx.Require(ResourceKinds.ElasticIp, allocationId);
        var ip = Transaction.ParseIp(publicIp, "publicIp");
        return tx.Where(IndexedKinds.ElasticIp, "public-ip", ip.ToString()).FirstOrDefault(e => tx.Owned(e.OwnerId, e.Region))
            ?? throw ElasticIpErrors.AddressNotFound(publicIp!);
    }

    public AssociateAddressResult AssociateAddress(RequestContext ctx, AssociateAddressRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            // AssociateAddress: the address ("AllocationId … is required") and what it goes to ("either the instance
            // ID or the network interface ID, but not both") are each MissingParameter when absent.
            if (request.AllocationId is null && request.PublicIp is null)
                throw ElasticIpErrors.MissingAddress();
            if (request.InstanceId is null && request.NetworkInterfaceId is null)
                throw ElasticIpErrors.MissingAssociationTarget();
            if (request.InstanceId is not null && request.NetworkInterfaceId is not null)
                throw Ec2Errors.InvalidParameterCombination("The request must contain exactly one of instanceId or networkInterfaceId");
            var eip = FindAddress(tx, request.AllocationId, request.PublicIp, ElasticIpErrors.MissingAddress);
            NetworkInterface eni;
            if (request.InstanceId is not null)
            {
                var instance = tx.Require(ResourceKinds.Instance, request.InstanceId);
                if (instance.State is InstanceState.Terminated or InstanceState.ShuttingDown)
                    throw Ec2Errors.IncorrectInstanceState(instance.Id.Value, InstanceOperations.InstanceStateName(instance.State));
                // AWS (AssociateAddress, InstanceId): the instance must have exactly one attached network interface.
                if (instance.NetworkInterfaces.Length > 1)
                    throw InstanceErrors.MultipleInterfaces(instance.Id.Value);
                eni = tx.N.NetworkInterfaces[instance.PrimaryNetworkInterface];
            }
            else
            {
                eni = tx.Require(ResourceKinds.NetworkInterface, request.NetworkInterfaceId);
            }
            if (eni.RequesterManaged)
                throw NetworkInterfaceErrors.NetworkInterfaceRequesterManaged(eni.Id.Value);
            var privateIp = request.PrivateIpAddress is null ? eni.PrimaryPrivateIp : Transaction.ParseIp(request.PrivateIpAddress, "privateIpAddress");
            if (!eni.PrivateIpAddresses.Any(p => p.Address == privateIp))
                throw NetworkInterfaceErrors.AddressNotAssigned(privateIp, eni.Id.Value);
            // AWS: the VPC needs an internet gateway for an Elastic IP to be associated in it.
            if (!tx.World.HasInternetGateway(eni.VpcId))
                throw NetworkInterfaceErrors.VpcHasNoInternetGateway(eni.VpcId.Value);
            if (eip.AssociationId is not null && request.AllowReassociation != true
                && !(eip.NetworkInterfaceId == eni.Id && eip.PrivateIp == privateIp))
                throw Ec2Errors.ResourceAlreadyAssociated(eip.AllocationId.Value);
            if (eip.NetworkInterfaceId is { } oldEni && tx.N.NetworkInterfaces.TryGetValue(oldEni, out var old) && old.RequesterManaged)
                throw ElasticIpErrors.AddressInUse(eip.AllocationId.Value);
            // An address already mapped to that private IP is replaced; the auto-assigned public IP is released
            // (docs/semantics.md#public-ipv4).
            foreach (var other in tx.Where(IndexedKinds.ElasticIp, "network-interface-id", eni.Id.Value).Where(e => e.PrivateIp == privateIp && e.AllocationId != eip.AllocationId).ToList())
                tx.Put(other with { AssociationId = null, NetworkInterfaceId = null, PrivateIp = null });
            tx.Put(eni with
            {
                PrivateIpAddresses = [.. eni.PrivateIpAddresses.Select(p => p.Address == privateIp ? p with { AutoAssignedPublicIp = null } : p)],
            });
            var associationId = tx.NewId(IdPrefixes.ElasticIpAssociation);
            tx.Put(eip with { AssociationId = associationId, NetworkInterfaceId = eni.Id, PrivateIp = privateIp });
            // Reassociation takes the address away from where it was: that instance may get a public IPv4 back.
            if (eip.NetworkInterfaceId is { } former && former != eni.Id)
                RenewPublicIpv4Of(tx, former);
            return new AssociateAddressResult(associationId);
        });

    public EmptyResult DisassociateAddress(RequestContext ctx, DisassociateAddressRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            ElasticIpAddress eip;
            if (request.AssociationId is not null)
            {
                if (request.PublicIp is not null)
                    throw Ec2Errors.InvalidParameterCombination("The request must contain exactly one of associationId or publicIp");
                eip = tx.Where(IndexedKinds.ElasticIp, "association-id", request.AssociationId).FirstOrDefault(e => tx.Owned(e.OwnerId, e.Region))
                    ?? throw ElasticIpErrors.AddressAssociationNotFound(request.AssociationId);
            }
            else
            {
                // DisassociateAddress: "AssociationId … This parameter is required."
                eip = FindAddress(tx, null, request.PublicIp, () => Ec2Errors.MissingParameter("AssociationId"));
                if (eip.AssociationId is null)
                    throw ElasticIpErrors.AddressAssociationNotFound(request.PublicIp ?? "");
            }
            if (eip.NetworkInterfaceId is { } eniId && tx.N.NetworkInterfaces.TryGetValue(eniId, out var eni) && eni.RequesterManaged)
                throw ElasticIpErrors.AddressInUse(eip.AllocationId.Value);
            tx.Put(eip with { AssociationId = null, NetworkInterfaceId = null, PrivateIp = null });
            RenewPublicIpv4Of(tx, eip.NetworkInterfaceId);
            return EmptyResult.Instance;
        });

    /// <summary>AWS: disassociating an Elastic IP from an instance gives it a new public IPv4 when it had one
    /// (docs/semantics.md#public-ipv4).</summary>
    internal static void RenewPublicIpv4Of(Transaction tx, NetworkInterfaceId? formerInterface)
    {
        if (formerInterface is { } id && tx.N.NetworkInterfaces.TryGetValue(id, out var eni) && eni.Attachment is { } attachment)
            InstancePublicIpv4.RenewIfEligible(tx, attachment.InstanceId);
    }

    public EmptyResult ReleaseAddress(RequestContext ctx, ReleaseAddressRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            // ReleaseAddress: "AllocationId … This parameter is required."
            var eip = FindAddress(tx, request.AllocationId, request.PublicIp, () => Ec2Errors.MissingParameter("AllocationId"));
            if (eip.PtrRecord is not null)
                throw ElasticIpErrors.AddressLocked(eip.AllocationId.Value);
            if (tx.World.Any(IndexedKinds.NatGateway, IndexedKinds.NatAllocationLink, eip.AllocationId.Value, g => g.State != NatGatewayState.Deleted))
                throw ElasticIpErrors.AddressInUse(eip.AllocationId.Value);
            if (eip.AssociationId is not null)
            {
                // AWS (ReleaseAddress): in a default VPC releasing disassociates the address; elsewhere it must be
                // disassociated first (InvalidIPAddress.InUse).
                var eni = eip.NetworkInterfaceId is { } id ? tx.N.NetworkInterfaces.GetValueOrDefault(id) : null;
                if (eni is null || eni.RequesterManaged || !tx.N.Vpcs.TryGetValue(eni.VpcId, out var vpc) || !vpc.IsDefault)
                    throw ElasticIpErrors.AddressInUse(eip.AllocationId.Value);
                tx.Put(eip with { AssociationId = null, NetworkInterfaceId = null, PrivateIp = null });
                RenewPublicIpv4Of(tx, eni.Id);
            }
            tx.Remove(eip.AllocationId);
            tx.RemoveTags(eip.AllocationId.Value);
            return EmptyResult.Instance;
        });

    public DescribeAddressesResult DescribeAddresses(RequestContext ctx, DescribeAddressesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var selected = Transaction.Named(request.AllocationIds, id => tx.Require(ResourceKinds.ElasticIp, id));
            if (request.PublicIps is { Count: > 0 } ips)
            {
                // Public addresses are indexed (public-ip): the caller's addresses holding one of them.
                var byAddress = ips.Distinct(StringComparer.Ordinal)
                    .SelectMany(ip => tx.Index.Ids(IndexedKinds.ElasticIp.Key, "public-ip", ip))
                    .Select(id => tx.Find(ResourceKinds.ElasticIp, id)).OfType<ElasticIpAddress>();
                selected = (selected ?? byAddress).Where(e => ips.Contains(e.PublicIp.ToString())).ToList();
            }
            if (request.PublicIps is { Count: > 0 } wanted && wanted.FirstOrDefault(ip => !selected!.Any(e => e.PublicIp.ToString() == ip)) is { } missing)
                throw ElasticIpErrors.AddressNotFound(missing);
            var n = tx.N;
            string? InstanceOf(ElasticIpAddress e) =>
                e.NetworkInterfaceId is { } id && n.NetworkInterfaces.TryGetValue(id, out var eni) ? eni.Attachment?.InstanceId.Value : null;
            var schema = new FilterSchema<ElasticIpAddress>(IndexedKinds.ElasticIp)
                .Add("domain", _ => "vpc")
                .Add("instance-id", InstanceOf)
                .Add("network-interface-owner-id", e => e.NetworkInterfaceId is null ? null : e.OwnerId.Value)
                .Add("network-border-group", e => e.Region);
            return new DescribeAddressesResult([.. schema.Select(tx, request.Filters, selected)]);
        });
}
