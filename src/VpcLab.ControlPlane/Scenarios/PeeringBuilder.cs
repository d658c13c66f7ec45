using System.Collections.Immutable;
using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Scenarios;

/// <summary>Builds a scenario's VPC peering connections through the control plane.</summary>
internal sealed class PeeringBuilder(ScenarioContext context)
{
    /// <summary>The requester's account asks; the accepter's account accepts, in the accepter's Region, as AWS
    /// requires.</summary>
    public void BuildPeering(PeeringSpec spec)
    {
        if (!context.Vpcs.TryGetValue(spec.Requester, out var requester))
            throw context.Fail(spec.Line, $"peering '{spec.Name}': requester VPC '{spec.Requester}' is not defined in this scenario");
        if (!context.Vpcs.TryGetValue(spec.Accepter, out var accepter))
            throw context.Fail(spec.Line, $"peering '{spec.Name}': accepter VPC '{spec.Accepter}' is not defined in this scenario");
        var pcx = context.Do(spec.Line, "peering", spec.Name, () => context.ControlPlane.CreateVpcPeeringConnection(requester.Ctx, new CreateVpcPeeringConnectionRequest
        {
            VpcId = requester.Id.Value,
            PeerVpcId = accepter.Id.Value,
            PeerOwnerId = accepter.Ctx.Account.Value,
            PeerRegion = accepter.Ctx.Region,
            TagSpecifications = TagSpecification.Named("vpc-peering-connection", spec.Name),
        }).VpcPeeringConnection);
        context.Register(spec.Line, spec.Name, pcx.Id.Value);
        // AWS does not refuse an overlapping request: the connection goes to failed at once, and accepting it would
        // only report InvalidStateTransition. Say what failed (docs/semantics.md#vpc-peering).
        if (spec.Accepted && pcx.State == VpcPeeringConnectionState.Failed)
        {
            throw context.Fail(spec.Line, $"peering '{spec.Name}': the request failed ({pcx.StatusMessage}): the VPCs' CIDRs overlap " +
                $"({spec.Requester}: {Cidrs(pcx.Requester)}; {spec.Accepter}: {Cidrs(pcx.Accepter)}). Peered VPCs need CIDRs that do not overlap; " +
                "'accepted: false' keeps the failed request in the scenario");
        }
        if (spec.Accepted)
        {
            context.Do(spec.Line, "peering", spec.Name, () => context.ControlPlane.AcceptVpcPeeringConnection(accepter.Ctx,
                new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value }));
        }
        foreach (var side in spec.DnsResolution)
        {
            if (!spec.Accepted)
                throw context.Fail(spec.Line, $"peering '{spec.Name}': dns-resolution needs an accepted peering (AWS sets the option only on active connections)");
            var on = new PeeringConnectionOptionsRequest { AllowDnsResolutionFromRemoteVpc = true };
            var request = side switch
            {
                "requester" => new ModifyVpcPeeringConnectionOptionsRequest { VpcPeeringConnectionId = pcx.Id.Value, RequesterPeeringConnectionOptions = on },
                "accepter" => new ModifyVpcPeeringConnectionOptionsRequest { VpcPeeringConnectionId = pcx.Id.Value, AccepterPeeringConnectionOptions = on },
                _ => throw context.Fail(spec.Line, $"peering '{spec.Name}': dns-resolution lists '{side}'; the sides are requester and accepter"),
            };
            // Each account sets its own side.
            context.Do(spec.Line, "peering", spec.Name, () => context.ControlPlane.ModifyVpcPeeringConnectionOptions(side == "requester" ? requester.Ctx : accepter.Ctx, request));
        }
    }

    private static string Cidrs(VpcPeeringConnectionVpcInfo side) => string.Join(", ", side.CidrBlocks.Concat(side.Ipv6CidrBlocks));
}
