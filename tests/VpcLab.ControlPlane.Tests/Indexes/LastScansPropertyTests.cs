using CsCheck;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The last lookups that read every record of the world now read an index (issue 21,
/// docs/semantics.md#filter-indexes): the endpoint services DescribeVpcEndpointServices lists to a consumer, an IP
/// target's zone in DescribeTargetHealth, and the Elastic IP of an interface's private address. Each answers, over
/// random worlds, as the scan it replaced, whose old form is kept inline here as the reference.</summary>
public sealed class LastScansPropertyTests
{
    private static readonly string[] s_accounts = ["111111111111", "222222222222", "333333333333"];
    private static readonly string[] s_regions = ["us-east-1", "us-west-2"];

    // AWS DescribeVpcEndpointServices lists the endpoint services of the Regions asked (ServiceRegion.N, else the
    // caller's) that the caller owns or is an allowed principal of ("*", or its account's root ARN), and that support
    // the caller's Region (https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#add-remove-permissions,
    // https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html#endpoint-service-cross-region).
    [Fact]
    public void DescribeVpcEndpointServices_AnyWorld_ProviderServicesAsScan()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 99], Gen.Int[0, 99]).Array[5, 40].Sample(steps =>
        {
            var lab = new TestLab(7, Ec2Quotas.Generous);
            var cp = lab.Cp;
            // One VPC and subnet per provider account and Region, where the steps put load balancers.
            var subnets = new Dictionary<(string, string), string>();
            foreach (var account in s_accounts[..2])
            {
                foreach (var region in s_regions)
                {
                    var ctx = lab.Enabled(RequestContext.For(account, region));
                    var vpc = lab.Vpc("10.0.0.0/16", ctx: ctx);
                    subnets[(account, region)] = cp.CreateSubnet(ctx, new CreateSubnetRequest
                    {
                        VpcId = vpc.Id.Value, CidrBlock = "10.0.1.0/24", AvailabilityZoneId = lab.N.Regions[region].Zones[0].ZoneId,
                    }).Subnet.Id.Value;
                }
            }
            string[] principals = ["*", "arn:aws:iam::333333333333:root", "arn:aws:iam::222222222222:root", "arn:aws:iam::111111111111:root"];
            foreach (var (op, a, b) in steps)
            {
                var services = lab.N.VpcEndpointServiceConfigurations.Values.OrderBy(s => s.Id.Value, StringComparer.Ordinal).ToList();
                var service = services.Count == 0 ? null : services[a % services.Count];
                var owner = service is null ? null : RequestContext.For(service.OwnerId.Value, service.Region);
                try
                {
                    switch (op)
                    {
                        case 0 or 1 when service is not null:
                            cp.EndpointConnections.ModifyVpcEndpointServicePermissions(owner!, new ModifyVpcEndpointServicePermissionsRequest
                            {
                                ServiceId = service.Id.Value,
                                AddAllowedPrincipals = op == 0 ? [principals[b % principals.Length]] : null,
                                RemoveAllowedPrincipals = op == 1 ? [principals[b % principals.Length]] : null,
                            });
                            break;
                        case 2 when service is not null && b % 2 == 0:
                            cp.EndpointServiceConfigurations.DeleteVpcEndpointServiceConfigurations(owner!,
                                new DeleteVpcEndpointServiceConfigurationsRequest { ServiceIds = [service.Id.Value] });
                            break;
                        case 2 when service is not null:
                            var other = s_regions.First(r => r != service.Region);
                            cp.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(owner!, new ModifyVpcEndpointServiceConfigurationRequest
                            {
                                ServiceId = service.Id.Value,
                                AddSupportedRegions = service.Supports(other) ? null : [other],
                                RemoveSupportedRegions = service.Supports(other) ? [other] : null,
                            });
                            break;
                        default:
                            var ctx = RequestContext.For(s_accounts[a % 2], s_regions[b % 2]);
                            var lb = cp.LoadBalancers.CreateLoadBalancer(ctx, new CreateLoadBalancerRequest
                            {
                                Name = "lb" + lab.N.LoadBalancers.Count, Type = "network", Scheme = "internal", Subnets = [subnets[(ctx.Account.Value, ctx.Region)]],
                            });
                            cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(ctx, new CreateVpcEndpointServiceConfigurationRequest
                            {
                                NetworkLoadBalancerArns = [lb.Arn.Value], SupportedRegions = b % 3 == 0 ? [s_regions[(b / 2 + 1) % 2]] : null,
                            });
                            break;
                    }
                }
                catch (Ec2Exception)
                {
                    // A refused step (a principal not there, the host Region removed) leaves the world as it was.
                }
            }
            var n = lab.N;
            string[][] asked = [[], ["us-east-1"], ["us-west-2"], ["us-east-1", "us-west-2"]];
            foreach (var account in s_accounts)
            {
                foreach (var region in s_regions)
                {
                    var ctx = RequestContext.For(account, region);
                    foreach (var serviceRegions in asked)
                    {
                        var regions = serviceRegions.Length > 0 ? serviceRegions.ToHashSet(StringComparer.Ordinal) : [region];
                        // The old form: every account's services, each checked.
                        var expected = n.VpcEndpointServiceConfigurations.Values
                            .Where(s => regions.Contains(s.Region) && s.Supports(region) && s.Allows(ctx.Account))
                            .OrderBy(s => s.ServiceName, StringComparer.Ordinal).Select(s => s.Id.Value).ToList();
                        var actual = cp.DescribeVpcEndpointServices(ctx, new DescribeVpcEndpointServicesRequest { ServiceRegions = serviceRegions })
                            .ProviderServices.Select(p => p.Service.Id.Value).ToList();
                        Assert.Equal(expected, actual);
                        foreach (var s in expected.Select(id => n.VpcEndpointServiceConfigurations[new VpcEndpointServiceId(id)]))
                        {
                            held.Add(s.OwnerId == ctx.Account ? "owner" : s.AllowedPrincipals.Contains("*") ? "everyone" : "principal");
                            if (s.Region != region)
                                held.Add("another Region");
                        }
                    }
                }
            }
        }, iter: 20);
        // Each way of being listed was seen: a property that held only on empty answers would pass vacuously.
        Assert.Subset(held, new HashSet<string>(StringComparer.Ordinal) { "owner", "everyone", "principal", "another Region" });
    }

    // AWS DescribeTargetHealth: an IP target's zone is that of the subnet of the target group's VPC holding its address
    // (none when no subnet does); a target registered with AvailabilityZone "all" is outside the VPC
    // (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-register-targets.html).
    [Fact]
    public void DescribeTargetHealth_AnyIpTargets_ZoneAsScan()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 99], Gen.Int[0, 255]).Array[5, 50].Sample(steps =>
        {
            var lab = new TestLab(9, Ec2Quotas.Generous);
            var cp = lab.Cp;
            var vpc = lab.Vpc("10.0.0.0/16");
            // A second VPC over the same addresses: its subnets hold the targets' addresses too, and must not count.
            var twin = lab.Vpc("10.0.0.0/16");
            var group = cp.TargetGroups.CreateTargetGroup(TestLab.Ctx, new CreateTargetGroupRequest
            {
                Name = "ips", Protocol = "TCP", Port = 80, VpcId = vpc.Id.Value, TargetType = "ip",
            });
            string[] zones = ["us-east-1a", "us-east-1b", "us-east-1c"];
            foreach (var (op, a, b) in steps)
            {
                try
                {
                    switch (op)
                    {
                        case 0:
                            lab.Subnet(a % 4 == 0 ? twin : vpc, $"10.0.{a % 16}.0/24", zones[b % 3]);
                            break;
                        case 1:
                            var mine = lab.N.Subnets.Values.OrderBy(s => s.Id.Value, StringComparer.Ordinal).ToList();
                            if (mine.Count > 0)
                                cp.DeleteSubnet(TestLab.Ctx, new DeleteSubnetRequest { SubnetId = mine[a % mine.Count].Id.Value });
                            break;
                        default:
                            var outside = op == 3 && a % 3 == 0;
                            cp.TargetGroups.RegisterTargets(TestLab.Ctx, new TargetsRequest
                            {
                                TargetGroupArn = group.Arn.Value,
                                Targets = [new TargetDescription
                                {
                                    Id = outside ? $"192.168.0.{b}" : $"10.0.{a % 20}.{b}", AvailabilityZone = outside ? "all" : null,
                                }],
                            });
                            break;
                    }
                }
                catch (Ec2Exception)
                {
                    // A refused step (an overlapping subnet, a reserved address) leaves the world as it was.
                }
            }
            var n = lab.N;
            var health = cp.TargetGroups.DescribeTargetHealth(TestLab.Ctx, new TargetsRequest { TargetGroupArn = group.Arn.Value });
            var registered = n.TargetGroups[group.Arn];
            Assert.Equal(registered.Targets.Length, health.Targets.Count);
            foreach (var candidate in health.Targets)
            {
                var target = candidate.Target;
                // The old form: every subnet of the world, the first of the group's VPC holding the address.
                var expected = target.AvailabilityZone ?? (Net.IpAddress.TryParse(target.Id, out var ip)
                    ? n.Subnets.Values.FirstOrDefault(s => s.VpcId == registered.VpcId && (s.CidrBlock?.Contains(ip) == true || s.Ipv6Cidr?.Contains(ip) == true))
                        ?.AvailabilityZone.Name
                    : null);
                Assert.Equal(expected, candidate.AvailabilityZone);
                held.Add(expected is null ? "no subnet" : expected == LoadBalancerTargets.AllZones ? "all" : "a subnet's zone");
            }
        }, iter: 40);
        Assert.Subset(held, new HashSet<string>(StringComparer.Ordinal) { "no subnet", "all", "a subnet's zone" });
    }

    // AWS: an Elastic IP maps to one private address of one interface, and the internet gateway translates that address
    // to it; associating another address with the same private address replaces it
    // (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html). The lookup is kept from one
    // snapshot to the next, one change at a time: asked after every step, it must equal the scan.
    [Fact]
    public void ElasticIpFor_AnyAssociations_AnswersAsScan()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 99], Gen.Int[0, 99]).Array[5, 60].Sample(steps =>
        {
            var lab = new TestLab(11, Ec2Quotas.Generous);
            var cp = lab.Cp;
            var vpc = lab.Vpc();
            lab.AttachedIgw(vpc);
            var subnet = lab.Subnet(vpc);
            foreach (var (op, a, b) in steps)
            {
                var n = lab.N;
                var eips = n.ElasticIps.Values.OrderBy(e => e.AllocationId.Value, StringComparer.Ordinal).ToList();
                var enis = n.NetworkInterfaces.Values.OrderBy(e => e.Id.Value, StringComparer.Ordinal).ToList();
                try
                {
                    switch (op)
                    {
                        case 0:
                            lab.Eip();
                            break;
                        case 1 when eips.Count > 0 && enis.Count > 0:
                            var eni = enis[b % enis.Count];
                            cp.AssociateAddress(TestLab.Ctx, new AssociateAddressRequest
                            {
                                AllocationId = eips[a % eips.Count].AllocationId.Value, NetworkInterfaceId = eni.Id.Value,
                                PrivateIpAddress = eni.PrivateIpAddresses[a % eni.PrivateIpAddresses.Length].Address.ToString(), AllowReassociation = b % 3 != 0,
                            });
                            break;
                        case 2 when eips.Count > 0:
                            var eip = eips[a % eips.Count];
                            if (b % 2 == 0 && eip.AssociationId is { } association)
                                cp.DisassociateAddress(TestLab.Ctx, new DisassociateAddressRequest { AssociationId = association });
                            else
                                cp.ReleaseAddress(TestLab.Ctx, new ReleaseAddressRequest { AllocationId = eip.AllocationId.Value });
                            break;
                        case 3 when enis.Count > 0 && b % 2 == 0:
                            cp.DeleteNetworkInterface(TestLab.Ctx, new DeleteNetworkInterfaceRequest { NetworkInterfaceId = enis[a % enis.Count].Id.Value });
                            break;
                        default:
                            cp.CreateNetworkInterface(TestLab.Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value, SecondaryPrivateIpAddressCount = a % 3 });
                            break;
                    }
                }
                catch (Ec2Exception)
                {
                    // A refused step (an address in use, an interface with an address) leaves the world as it was.
                }
                n = lab.N;
                // Every (interface, private address) pair, and those the Elastic IPs name (an interface deleted since).
                var pairs = n.NetworkInterfaces.Values.SelectMany(e => e.PrivateIpAddresses.Select(p => (e.Id, p.Address)))
                    .Concat(n.ElasticIps.Values.Where(e => e.NetworkInterfaceId is not null && e.PrivateIp is not null)
                        .Select(e => (e.NetworkInterfaceId!.Value, e.PrivateIp!.Value)));
                foreach (var (eni, privateIp) in pairs)
                {
                    // The old form: every Elastic IP of the world.
                    var expected = n.ElasticIps.Values.FirstOrDefault(e => e.NetworkInterfaceId == eni && e.PrivateIp == privateIp);
                    Assert.Equal(expected, n.ElasticIpFor(eni, privateIp));
                    if (expected is not null)
                        held.Add(n.ElasticIps.Count > 1 ? "associated, among others" : "associated");
                }
                if (n.ElasticIps.Values.Any(e => e.AssociationId is null))
                    held.Add("unassociated");
            }
        }, iter: 40);
        Assert.Subset(held, new HashSet<string>(StringComparer.Ordinal) { "associated, among others", "unassociated" });
    }
}
