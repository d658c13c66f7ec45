using System.Collections.Immutable;
using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Scenarios;

/// <summary>One run of a scenario through the control plane. Order follows dependencies: a VPC, its gateways
/// and subnets, security groups (all created before any rule, since rules name each other), network ACLs, NAT
/// gateways, interfaces and instances, and route tables last (routes name gateways and instances).</summary>
internal sealed partial class ScenarioBuild(ScenarioDocument document, string file, Ec2ControlPlane controlPlane)
{
    private readonly Dictionary<string, (string Id, int Line)> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountId> _accounts = new(StringComparer.Ordinal);

    public ImmutableDictionary<string, string> Ids => _names.ToImmutableDictionary(n => n.Key, n => n.Value.Id, StringComparer.Ordinal);

    public void Run()
    {
        foreach (var account in document.Accounts)
        {
            if (account.Id.Length != 12 || !account.Id.All(char.IsAsciiDigit))
                throw Fail(account.Line, $"account '{account.Name}': '{account.Id}' is not a 12-digit AWS account id");
            if (!_accounts.TryAdd(account.Name, new AccountId(account.Id)))
                throw Fail(account.Line, $"account '{account.Name}' is defined twice");
        }
        foreach (var list in document.PrefixLists)
            BuildPrefixList(list); // ScenarioBuild.Endpoints.cs: before the VPCs, whose rules and routes name them
        // Route tables come last, after every VPC and peering exists: routes may name a peering.
        var built = document.Vpcs.Select(BuildVpc).ToList();
        foreach (var peering in document.Peerings)
            BuildPeering(peering);
        AuthorizeDeferredRules();
        foreach (var (ctx, spec, vpc) in built)
        {
            foreach (var table in spec.RouteTables)
                BuildRouteTable(ctx, table, vpc);
        }
        foreach (var (ctx, spec, vpc) in built)
        {
            foreach (var endpoint in spec.Endpoints)
                BuildEndpoint(ctx, endpoint, vpc); // after the route tables a gateway endpoint adds its route to
        }
        foreach (var bucket in document.Buckets)
            BuildBucket(bucket); // after the endpoints: a bucket policy may name one ({{s3-endpoint}})
        foreach (var flowLog in document.FlowLogs)
            BuildFlowLog(flowLog); // ScenarioBuild.FlowLogs.cs: last, they name instances and interfaces
    }

    private (RequestContext Ctx, VpcSpec Spec, VpcId Vpc) BuildVpc(VpcSpec spec)
    {
        var ctx = new RequestContext(AccountOf(spec), spec.Region ?? document.Region);
        var vpc = Do(spec.Line, "VPC", spec.Name, () => controlPlane.CreateVpc(ctx, new CreateVpcRequest
        {
            CidrBlock = spec.Cidr,
            AmazonProvidedIpv6CidrBlock = spec.Ipv6 ? true : null,
            TagSpecifications = TagSpecification.Named("vpc", spec.Name),
        }).Vpc);
        Register(spec.Line, spec.Name, vpc.Id.Value);
        NameDefaults(ctx, spec, vpc.Id);

        foreach (var cidr in spec.SecondaryCidrs)
            Do(spec.Line, "VPC", spec.Name, () => controlPlane.AssociateVpcCidrBlock(ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, CidrBlock = cidr }));
        if (spec.EnableDnsSupport is { } support)
            Do(spec.Line, "VPC", spec.Name, () => controlPlane.ModifyVpcAttribute(ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsSupport = support }));
        if (spec.EnableDnsHostnames is { } hostnames)
            Do(spec.Line, "VPC", spec.Name, () => controlPlane.ModifyVpcAttribute(ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = hostnames }));

        BuildGateways(ctx, spec, vpc.Id);
        foreach (var subnet in spec.Subnets)
            BuildSubnet(ctx, subnet, vpc.Id);
        BuildSecurityGroups(ctx, spec.SecurityGroups, vpc.Id);
        foreach (var acl in spec.NetworkAcls)
            BuildNetworkAcl(ctx, acl, vpc.Id);
        foreach (var nat in spec.NatGateways)
            BuildNatGateway(ctx, nat);
        foreach (var eni in spec.NetworkInterfaces)
            BuildNetworkInterface(ctx, eni);
        foreach (var instance in spec.Instances)
            BuildInstance(ctx, instance);
        _vpcs[spec.Name] = (ctx, vpc.Id);
        return (ctx, spec, vpc.Id);
    }

    private readonly Dictionary<string, (RequestContext Ctx, VpcId Id)> _vpcs = new(StringComparer.Ordinal);

    /// <summary>The requester's account asks; the accepter's account accepts, in the accepter's Region, as AWS
    /// requires.</summary>
    private void BuildPeering(PeeringSpec spec)
    {
        if (!_vpcs.TryGetValue(spec.Requester, out var requester))
            throw Fail(spec.Line, $"peering '{spec.Name}': requester VPC '{spec.Requester}' is not defined in this scenario");
        if (!_vpcs.TryGetValue(spec.Accepter, out var accepter))
            throw Fail(spec.Line, $"peering '{spec.Name}': accepter VPC '{spec.Accepter}' is not defined in this scenario");
        var pcx = Do(spec.Line, "peering", spec.Name, () => controlPlane.CreateVpcPeeringConnection(requester.Ctx, new CreateVpcPeeringConnectionRequest
        {
            VpcId = requester.Id.Value,
            PeerVpcId = accepter.Id.Value,
            PeerOwnerId = accepter.Ctx.Account.Value,
            PeerRegion = accepter.Ctx.Region,
            TagSpecifications = TagSpecification.Named("vpc-peering-connection", spec.Name),
        }).VpcPeeringConnection);
        Register(spec.Line, spec.Name, pcx.Id.Value);
        if (spec.Accepted)
        {
            Do(spec.Line, "peering", spec.Name, () => controlPlane.AcceptVpcPeeringConnection(accepter.Ctx,
                new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value }));
        }
        foreach (var side in spec.DnsResolution)
        {
            if (!spec.Accepted)
                throw Fail(spec.Line, $"peering '{spec.Name}': dns-resolution needs an accepted peering (AWS sets the option only on active connections)");
            var on = new PeeringConnectionOptionsRequest { AllowDnsResolutionFromRemoteVpc = true };
            var request = side switch
            {
                "requester" => new ModifyVpcPeeringConnectionOptionsRequest { VpcPeeringConnectionId = pcx.Id.Value, RequesterPeeringConnectionOptions = on },
                "accepter" => new ModifyVpcPeeringConnectionOptionsRequest { VpcPeeringConnectionId = pcx.Id.Value, AccepterPeeringConnectionOptions = on },
                _ => throw Fail(spec.Line, $"peering '{spec.Name}': dns-resolution lists '{side}'; the sides are requester and accepter"),
            };
            // Each account sets its own side.
            Do(spec.Line, "peering", spec.Name, () => controlPlane.ModifyVpcPeeringConnectionOptions(side == "requester" ? requester.Ctx : accepter.Ctx, request));
        }
    }

    /// <summary>Names the VPC's main route table and default network ACL after the VPC, so traces read well.</summary>
    private void NameDefaults(RequestContext ctx, VpcSpec spec, VpcId vpc)
    {
        var network = controlPlane.Network;
        var ids = new[] { network.MainRouteTable(vpc).Id.Value, network.NetworkAcls.Values.First(a => a.VpcId == vpc && a.IsDefault).Id.Value };
        var names = new[] { $"{spec.Name}-main", $"{spec.Name}-default-acl" };
        for (int i = 0; i < ids.Length; i++)
        {
            Do(spec.Line, "VPC", spec.Name, () => controlPlane.CreateTags(ctx, new CreateTagsRequest { Resources = [ids[i]], Tags = [new Tag("Name", names[i])] }));
            _names.TryAdd(names[i], (ids[i], spec.Line));
        }
    }

    private void BuildGateways(RequestContext ctx, VpcSpec spec, VpcId vpc)
    {
        if (spec.InternetGateway is { } igwName)
        {
            var igw = Do(spec.Line, "internet gateway", igwName, () => controlPlane.CreateInternetGateway(ctx, new CreateInternetGatewayRequest
            {
                TagSpecifications = TagSpecification.Named("internet-gateway", igwName),
            }).InternetGateway);
            Register(spec.Line, igwName, igw.Id.Value);
            Do(spec.Line, "internet gateway", igwName, () => controlPlane.AttachInternetGateway(ctx, new AttachInternetGatewayRequest
            {
                InternetGatewayId = igw.Id.Value,
                VpcId = vpc.Value,
            }));
        }
        if (spec.EgressOnlyInternetGateway is { } eigwName)
        {
            var eigw = Do(spec.Line, "egress-only internet gateway", eigwName, () => controlPlane.CreateEgressOnlyInternetGateway(ctx, new CreateEgressOnlyInternetGatewayRequest
            {
                VpcId = vpc.Value,
                TagSpecifications = TagSpecification.Named("egress-only-internet-gateway", eigwName),
            }).EgressOnlyInternetGateway);
            Register(spec.Line, eigwName, eigw.Id.Value);
        }
    }

    private void BuildSubnet(RequestContext ctx, SubnetSpec spec, VpcId vpcId)
    {
        string? ipv6 = null;
        if (spec.Ipv6Index is { } index)
        {
            var vpc = controlPlane.Network.Vpcs[vpcId];
            var block = vpc.Ipv6CidrBlocks.FirstOrDefault()?.Cidr
                ?? throw Fail(spec.Line, $"subnet '{spec.Name}': ipv6-index needs a VPC with 'ipv6: true'");
            if (index < 0 || index > 255)
                throw Fail(spec.Line, $"subnet '{spec.Name}': ipv6-index {index} is outside the VPC's /56 (0-255)");
            ipv6 = block.Subnet(64, (UInt128)index).ToString();
        }
        bool isZoneId = spec.Az.Contains("-az", StringComparison.Ordinal);
        var subnet = Do(spec.Line, "subnet", spec.Name, () => controlPlane.CreateSubnet(ctx, new CreateSubnetRequest
        {
            VpcId = vpcId.Value,
            CidrBlock = spec.Cidr,
            Ipv6CidrBlock = ipv6,
            AvailabilityZone = isZoneId ? null : spec.Az,
            AvailabilityZoneId = isZoneId ? spec.Az : null,
            TagSpecifications = TagSpecification.Named("subnet", spec.Name),
        }).Subnet);
        Register(spec.Line, spec.Name, subnet.Id.Value);
        if (spec.MapPublicIpOnLaunch)
        {
            Do(spec.Line, "subnet", spec.Name, () => controlPlane.ModifySubnetAttribute(ctx, new ModifySubnetAttributeRequest
            {
                SubnetId = subnet.Id.Value,
                MapPublicIpOnLaunch = true,
            }));
        }
    }

    private AccountId AccountOf(VpcSpec spec)
    {
        if (spec.Account is null)
            return AccountNamed(spec.Line, null);
        return _accounts.TryGetValue(spec.Account, out var id)
            ? id
            : throw Fail(spec.Line, $"VPC '{spec.Name}': no account is named '{spec.Account}'");
    }

    private void Register(int line, string name, string id)
    {
        if (_names.TryGetValue(name, out var existing))
            throw Fail(line, $"the name '{name}' is already used at line {existing.Line}; names must be unique in a scenario");
        _names[name] = (id, line);
    }

    /// <summary>The id a name stands for; ids themselves pass through.</summary>
    private string Resolve(int line, string nameOrId, string what)
    {
        if (_names.TryGetValue(nameOrId, out var entry))
            return entry.Id;
        if (nameOrId.Contains('-', StringComparison.Ordinal) && nameOrId.Split('-')[^1].All(char.IsAsciiHexDigit) && nameOrId.Split('-')[^1].Length >= 8)
            return nameOrId;
        throw Fail(line, $"{what} '{nameOrId}' is not defined in this scenario (known: {string.Join(", ", _names.Keys.Order(StringComparer.Ordinal))})");
    }

    private T Do<T>(int line, string kind, string name, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Ec2Exception e)
        {
            throw new ScenarioException($"{file}:{line}: {kind} '{name}': {e.Code.Code}: {e.Message}", e);
        }
    }

    private ScenarioException Fail(int line, string message) => new($"{file}:{line}: {message}");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
