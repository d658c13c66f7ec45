using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The Instances operations.</summary>
public sealed class InstanceOperations
{
    private readonly ControlPlaneState _state;
    private readonly ImageOperations _images;

    internal InstanceOperations(ControlPlaneState state, ImageOperations images)
    {
        _state = state;
        _images = images;
    }

    /// <summary>The catalogue image a RunInstances call without ImageId launches (choice,
    /// docs/semantics.md#ami-catalogue): Amazon Linux 2023 for x86_64 of the Region.</summary>
    public const string DefaultImageName = "al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64";
    public const string DefaultInstanceType = "m1.small";

    /// <summary>Launches MinCount..MaxCount instances (the lab launches MaxCount, or fails). Choice
    /// (docs/semantics.md#instance-state): instances are running at once, no pending phase.</summary>
    public Reservation RunInstances(RequestContext ctx, RunInstancesRequest given) =>
        _state.MutateIdempotent(ctx, given.DryRun, given.ClientToken, nameof(RunInstances), given, tx =>
        {
            var (request, templateTags) = LaunchTemplateLaunch.Resolve(tx, given);
            var (max, nics) = CheckRunInstances(request);
            // AWS checks the image first: InvalidAMIID.Malformed / .NotFound, resolve:ssm: through the Region's parameters.
            KeyPairOperations.RequireForLaunch(tx, request.KeyName);
            var imageId = request.ImageId is null ? ImageCatalog.IdOf(tx.RegionName, DefaultImageName) : _images.ResolveForLaunch(tx.RegionName, request.ImageId).Id;
            var specs = nics.Count > 0 ? nics.OrderBy(n => n.DeviceIndex).ToList() :
            [
                new InstanceNetworkInterfaceSpecification
                {
                    DeviceIndex = 0,
                    // AWS: no subnet means a default subnet of the default VPC (docs/semantics.md#default-vpc-fallback).
                    SubnetId = request.SubnetId ?? DefaultVpcLookup.DefaultSubnet(tx, request.Placement?.AvailabilityZone).Id.Value,
                    Groups = GroupIds(tx, request),
                    PrivateIpAddress = request.PrivateIpAddress,
                    Ipv6AddressCount = request.Ipv6AddressCount,
                    Ipv6Addresses = request.Ipv6Addresses,
                },
            ];
            InstanceTypeLimits.CheckLaunch(request.InstanceType ?? DefaultInstanceType, specs.Count);
            var reservationId = tx.NewId(IdPrefixes.Reservation);
            IReadOnlyList<KeyValuePair<string, string>> instanceTags =
                [.. tx.TagsFor(request.TagSpecifications, ResourceTypes.Instance, [ResourceTypes.Instance, ResourceTypes.NetworkInterface, "volume"]), .. templateTags];
            var eniTags = tx.TagsFor(request.TagSpecifications, ResourceTypes.NetworkInterface, [ResourceTypes.Instance, ResourceTypes.NetworkInterface, "volume"]);
            var launched = new List<Instance>();
            for (int n = 0; n < max; n++)
            {
                var instance = Launch(tx, request, imageId, specs, reservationId, eniTags);
                if (instanceTags.Count > 0)
                    tx.SetTags(instance.Id.Value, instanceTags);
                launched.Add(instance);
            }
            return new Reservation(reservationId, tx.Account.Value, launched);
        });

    /// <summary>RunInstances' request-level rules (counts, instance-level versus per-interface parameters, device
    /// indexes); returns MaxCount and the interface specifications.</summary>
    private static (int Max, IReadOnlyList<InstanceNetworkInterfaceSpecification> Nics) CheckRunInstances(RunInstancesRequest request)
    {
        int min = request.MinCount ?? throw Ec2Errors.MissingParameter("MinCount");
        int max = request.MaxCount ?? throw Ec2Errors.MissingParameter("MaxCount");
        if (min < 1 || max < min)
            throw Ec2Errors.InvalidParameterValue($"Value ({min}) for parameter minCount is invalid. MinCount must be at least 1 and at most MaxCount ({max}).");
        var nics = request.NetworkInterfaces ?? [];
        if (nics.Count > 0 && request.SubnetId is not null)
            throw Ec2Errors.InvalidParameterCombination("Network interfaces and an instance-level subnet ID may not be specified on the same request");
        if (nics.Count > 0 && request.SecurityGroupIds is { Count: > 0 })
            throw Ec2Errors.InvalidParameterCombination("Network interfaces and an instance-level security groups may not be specified on the same request");
        if (nics.Count > 0 && (request.PrivateIpAddress is not null || request.Ipv6AddressCount is not null || request.Ipv6Addresses is not null))
            throw Ec2Errors.InvalidParameterCombination("Network interfaces and an instance-level private IP address or IPv6 addresses may not be specified on the same request");
        if (request.SecurityGroups is { Count: > 0 } && (request.SubnetId is not null || nics.Count > 0))
            throw InstanceErrors.GroupNameWithSubnet();
        if (max > 1 && (request.PrivateIpAddress is not null || nics.Any(n => n.PrivateIpAddress is not null || n.NetworkInterfaceId is not null
            || n.PrivateIpAddresses is { Count: > 0 } || n.Ipv6Addresses is { Count: > 0 }) || request.Ipv6Addresses is { Count: > 0 }))
            throw Ec2Errors.InvalidParameterCombination("Explicit private IP addresses or network interface ids can only be used when launching a single instance (MaxCount=1).");
        if (nics.Select(n => n.DeviceIndex ?? -1).Distinct().Count() != nics.Count || nics.Any(n => n.DeviceIndex is null or < 0))
            throw Ec2Errors.InvalidParameterValue("Each network interface needs a distinct, non-negative DeviceIndex.");
        if (nics.Count > 0 && !nics.Any(n => n.DeviceIndex == 0))
            throw Ec2Errors.InvalidParameterValue("When network interfaces are specified, one must have DeviceIndex 0.");
        // AWS: AssociatePublicIpAddress only on device index 0, and only when launching with one interface.
        if (nics.Any(n => n.AssociatePublicIpAddress is not null && n.DeviceIndex != 0))
            throw Ec2Errors.InvalidParameterValue("The associatePublicIPAddress parameter can only be specified for the network interface with DeviceIndex 0.");
        if (nics.Count > 1 && nics.Any(n => n.AssociatePublicIpAddress == true))
            throw Ec2Errors.InvalidParameterCombination("The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces.");
        if (nics.Any(n => n.NetworkInterfaceId is not null && (n.SubnetId is not null || n.PrivateIpAddress is not null || n.Groups is { Count: > 0 })))
            throw Ec2Errors.InvalidParameterCombination("A network interface id may not be combined with a subnet, private IP or groups for the same interface.");

        return (max, nics);
    }

    /// <summary>The instance-level groups: ids as given, names (SecurityGroup.N) resolved in the default VPC.</summary>
    private static IReadOnlyList<string>? GroupIds(Transaction tx, RunInstancesRequest request) =>
        request.SecurityGroups is not { Count: > 0 } names ? request.SecurityGroupIds
            : [.. request.SecurityGroupIds ?? [], .. names.Select(name => DefaultVpcLookup.GroupByName(tx, name).Id.Value)];

    /// <summary>One instance of a RunInstances call: its interfaces (new or given), attached in device order, a
    /// public IPv4 on the primary when AWS would give one, and the instance record.</summary>
    private static Instance Launch(Transaction tx, RunInstancesRequest request, string imageId, List<InstanceNetworkInterfaceSpecification> specs,
        string reservationId, IReadOnlyList<KeyValuePair<string, string>> eniTags)
    {
        var instanceId = new InstanceId(tx.NewId(IdPrefixes.Instance));
        var interfaces = new List<NetworkInterfaceId>();
        Subnet? primarySubnet = null;
        bool autoPublic = false;
        foreach (var spec in specs)
        {
            NetworkInterface eni;
            bool created = spec.NetworkInterfaceId is null;
            if (!created)
            {
                eni = tx.Require(ResourceKinds.NetworkInterface, spec.NetworkInterfaceId);
                if (ResourceKinds.NetworkInterface.FirstBlocker(tx.World, eni) is not null)
                    throw NetworkInterfaceErrors.NetworkInterfaceInUse(eni.Id.Value);
                InstanceTypeLimits.CheckAttach(request.InstanceType ?? DefaultInstanceType, specs.Count, eni);
            }
            else
            {
                var subnet = tx.Require(ResourceKinds.Subnet, spec.SubnetId ?? request.SubnetId
                    ?? DefaultVpcLookup.DefaultSubnet(tx, request.Placement?.AvailabilityZone).Id.Value);
                eni = NetworkInterfaceOperations.BuildInterface(tx, new NetworkInterfaceOperations.InterfaceSpec(subnet, spec.Description, spec.PrivateIpAddress, spec.Groups, spec.PrivateIpAddresses,
                    spec.SecondaryPrivateIpAddressCount, spec.Ipv6Addresses, spec.Ipv6AddressCount) { InstanceType = request.InstanceType ?? DefaultInstanceType });
            }
            var subnetOfEni = tx.N.Subnets[eni.SubnetId];
            Ipv6OnlySubnets.CheckLaunch(subnetOfEni, request.InstanceType ?? DefaultInstanceType, spec.AssociatePublicIpAddress);
            if (spec.DeviceIndex == 0)
            {
                primarySubnet = subnetOfEni;
                autoPublic = InstancePublicIpv4.AssignedAtLaunch(created, spec.AssociatePublicIpAddress, subnetOfEni, specs.Count);
            }
            else if (primarySubnet is not null && subnetOfEni.AvailabilityZone != primarySubnet.AvailabilityZone)
            {
                throw NetworkInterfaceErrors.InterfaceInOtherZone(eni.Id.Value, instanceId.Value);
            }
            var addresses = eni.PrivateIpAddresses;
            if (spec.DeviceIndex == 0 && autoPublic)
                addresses = [.. addresses.Select(p => p.Primary ? p with { AutoAssignedPublicIp = tx.AllocatePublicIpv4() } : p)];
            eni = eni with
            {
                PrivateIpAddresses = addresses,
                Attachment = new NetworkInterfaceAttachment(tx.NewId(IdPrefixes.NetworkInterfaceAttachment), instanceId,
                    spec.DeviceIndex!.Value, spec.DeleteOnTermination ?? created),
            };
            tx.Put(eni);
            if (created && eniTags.Count > 0)
                tx.SetTags(eni.Id.Value, eniTags);
            interfaces.Add(eni.Id);
        }
        var instance = new Instance(instanceId, tx.Account, tx.RegionName, imageId,
            request.InstanceType ?? DefaultInstanceType, InstanceState.Running, primarySubnet!.Id, primarySubnet.VpcId,
            [.. interfaces], tx.Now)
        {
            ReservationId = reservationId,
            AutoAssignPublicIp = autoPublic,
            KeyName = request.KeyName,
            UserData = InstanceUserData.Check(request.UserData),
            PrivateDnsNameOptions = HostnameOptions.AtLaunch(primarySubnet, request.PrivateDnsNameOptions),
        };
        tx.Put(instance);
        LaunchVolumes.Create(tx, instance, primarySubnet!.AvailabilityZone.Name, request.BlockDeviceMappings);
        return instance;
    }

    public DescribeInstancesResult DescribeInstances(RequestContext ctx, DescribeInstancesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            IEnumerable<Instance>? selected = null;
            if (request.InstanceIds is { Count: > 0 } ids)
            {
                foreach (var id in ids)
                {
                    if (!ResourceKinds.Instance.IsWellFormed(id))
                        throw ResourceIdErrors.InstanceMalformed(id);
                }
                var missing = ids.Where(id => tx.Find(ResourceKinds.Instance, id) is null).ToList();
                if (missing.Count == 1)
                    throw ResourceIdErrors.InstanceNotFound(missing[0]);
                if (missing.Count > 1)
                    throw InstanceErrors.InstancesNotFound(missing);
                selected = ids.Distinct(StringComparer.Ordinal).Select(id => tx.Find(ResourceKinds.Instance, id)!).ToList();
            }
            var n = tx.N;
            IEnumerable<NetworkInterface> Enis(Instance i) => i.NetworkInterfaces.Where(n.NetworkInterfaces.ContainsKey).Select(id => n.NetworkInterfaces[id]);
            NetworkInterface? Primary(Instance i) => n.NetworkInterfaces.GetValueOrDefault(i.PrimaryNetworkInterface);
            var schema = new FilterSchema<Instance>(IndexedKinds.Instance)
                .Add("instance-state-code", i => Wire.Int(InstanceStateCode(i.State)))
                .Add("instance-type", i => i.InstanceType)
                .Add("image-id", i => i.ImageId)
                .Add("owner-id", i => i.OwnerId.Value)
                .Add("availability-zone", i => n.Subnets.TryGetValue(i.SubnetId, out var s) ? s.AvailabilityZone.Name : null)
                .Add("private-ip-address", i => Primary(i)?.PrimaryPrivateIpv4?.ToString())
                .Add("ip-address", i => Primary(i) is { } e ? n.PublicIpFor(e, e.PrivateIpAddresses.First(p => p.Primary))?.ToString() : null)
                .AddMany("instance.group-id", i => Enis(i).SelectMany(e => e.Groups).Select(g => g.Value))
                .AddMany("network-interface.network-interface-id", i => Enis(i).Select(e => e.Id.Value))
                .AddMany("network-interface.subnet-id", i => Enis(i).Select(e => e.SubnetId.Value))
                .AddMany("network-interface.vpc-id", i => Enis(i).Select(e => e.VpcId.Value))
                .AddMany("network-interface.addresses.private-ip-address", i => Enis(i).SelectMany(e => e.PrivateIpAddresses).Select(p => p.Address.ToString()))
                .AddMany("network-interface.ipv6-addresses.ipv6-address", i => Enis(i).SelectMany(e => e.Ipv6Addresses).Select(a => a.ToString()));
            var matched = schema.Select(tx, request.Filters, selected).ToList();
            var reservations = matched.GroupBy(i => i.ReservationId)
                .Select(g => new Reservation(g.Key, g.First().OwnerId.Value, [.. g.OrderBy(i => i.Id.Value, StringComparer.Ordinal)]))
                .OrderBy(r => r.ReservationId, StringComparer.Ordinal);
            return new DescribeInstancesResult([.. reservations]);
        });

    /// <summary>AWS's instance state codes (low byte of instanceState.code).</summary>
    public static int InstanceStateCode(InstanceState state) => state switch
    {
        InstanceState.Pending => 0,
        InstanceState.Running => 16,
        InstanceState.ShuttingDown => 32,
        InstanceState.Terminated => 48,
        InstanceState.Stopping => 64,
        _ => 80,
    };

    private static List<Instance> InstancesFor(Transaction tx, IReadOnlyList<string>? ids)
    {
        if (ids is not { Count: > 0 })
            throw Ec2Errors.MissingParameter("InstanceId");
        return [.. ids.Distinct(StringComparer.Ordinal).Select(id => tx.Require(ResourceKinds.Instance, id))];
    }

    public TerminateInstancesResult TerminateInstances(RequestContext ctx, TerminateInstancesRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var changes = new List<InstanceStateChange>();
            foreach (var instance in InstancesFor(tx, request.InstanceIds))
            {
                if (instance.DisableApiTermination && instance.State != InstanceState.Terminated)
                    throw InstanceErrors.TerminationProtected(instance.Id.Value);
                if (instance.State != InstanceState.Terminated)
                {
                    // AWS: interfaces with DeleteOnTermination go (their EIPs are disassociated); the others are
                    // detached; auto-assigned public IPs are released.
                    foreach (var eniId in instance.NetworkInterfaces)
                    {
                        if (!tx.N.NetworkInterfaces.TryGetValue(eniId, out var eni))
                            continue;
                        if (eni.Attachment?.DeleteOnTermination == true)
                            NetworkInterfaceOperations.RemoveInterface(tx, eni);
                        else
                            tx.Put(InstancePublicIpv4.Released(eni) with { Attachment = null });
                    }
                    LaunchVolumes.Terminate(tx, instance.Id);
                    tx.Put(instance with { State = InstanceState.Terminated });
                }
                changes.Add(new InstanceStateChange(instance.Id.Value, InstanceState.Terminated, instance.State));
            }
            return new TerminateInstancesResult(changes);
        });

    public StopInstancesResult StopInstances(RequestContext ctx, StopInstancesRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var changes = new List<InstanceStateChange>();
            foreach (var instance in InstancesFor(tx, request.InstanceIds))
            {
                if (instance.State is InstanceState.Terminated or InstanceState.ShuttingDown)
                    throw Ec2Errors.IncorrectInstanceState(instance.Id.Value, InstanceStateName(instance.State));
                if (instance.DisableApiStop)
                    throw InstanceErrors.StopProtected(instance.Id.Value);
                // AWS: a stopped instance loses its auto-assigned public IPv4 (Elastic IPs stay).
                foreach (var eniId in instance.NetworkInterfaces)
                {
                    if (tx.N.NetworkInterfaces.TryGetValue(eniId, out var eni))
                        tx.Put(InstancePublicIpv4.Released(eni));
                }
                tx.Put(instance with { State = InstanceState.Stopped });
                changes.Add(new InstanceStateChange(instance.Id.Value, InstanceState.Stopped, instance.State));
            }
            return new StopInstancesResult(changes);
        });

    public StartInstancesResult StartInstances(RequestContext ctx, StartInstancesRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var changes = new List<InstanceStateChange>();
            foreach (var instance in InstancesFor(tx, request.InstanceIds))
            {
                if (instance.State is InstanceState.Terminated or InstanceState.ShuttingDown or InstanceState.Stopping)
                    throw Ec2Errors.IncorrectInstanceState(instance.Id.Value, InstanceStateName(instance.State));
                tx.Put(instance with { State = InstanceState.Running });
                // AWS: a stopped instance gets a new public IPv4 when it starts (docs/semantics.md#public-ipv4).
                if (instance.State == InstanceState.Stopped)
                    InstancePublicIpv4.RenewIfEligible(tx, instance.Id);
                changes.Add(new InstanceStateChange(instance.Id.Value, InstanceState.Running, instance.State));
            }
            return new StartInstancesResult(changes);
        });

    /// <summary>AWS's instance state names.</summary>
    public static string InstanceStateName(InstanceState state) => state switch
    {
        InstanceState.Pending => "pending",
        InstanceState.Running => "running",
        InstanceState.ShuttingDown => "shutting-down",
        InstanceState.Terminated => "terminated",
        InstanceState.Stopping => "stopping",
        _ => "stopped",
    };
}
