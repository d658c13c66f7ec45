using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>ModifyPrivateDnsNameOptions: an instance's hostname type and resource-name DNS records
/// (docs/semantics.md#ipv6-only-subnets). The rules live in <see cref="HostnameOptions"/>.</summary>
public sealed class PrivateDnsNameOperations
{
    private readonly ControlPlaneState _state;

    internal PrivateDnsNameOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>Members left out stay as they are. The hostname type is the guest OS hostname, set at boot: changing
    /// it needs a stopped instance (choice after the EC2 User Guide's "Change resource based naming options"); the
    /// DNS record options take effect at once. An IPv6-only subnet's instance keeps resource-name.</summary>
    public ReturnResult ModifyPrivateDnsNameOptions(RequestContext ctx, ModifyPrivateDnsNameOptionsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var instance = tx.Require(ResourceKinds.Instance, request.InstanceId);
            if (instance.State is InstanceState.Terminated or InstanceState.ShuttingDown)
                throw Errors.Ec2Errors.IncorrectInstanceState(instance.Id.Value, InstanceOperations.InstanceStateName(instance.State));
            var options = HostnameOptions.Apply(instance.PrivateDnsNameOptions, request.PrivateDnsHostnameType,
                request.EnableResourceNameDnsARecord, request.EnableResourceNameDnsAAAARecord, "PrivateDnsHostnameType");
            if (options.HostnameType != instance.PrivateDnsNameOptions.HostnameType)
            {
                if (instance.State != InstanceState.Stopped)
                    throw Errors.InstanceErrors.NotStopped(instance.Id.Value);
                HostnameOptions.CheckForSubnet(tx.N.Subnets[instance.SubnetId], options.HostnameType);
            }
            tx.Put(instance with { PrivateDnsNameOptions = options });
            return new ReturnResult();
        });
}
