using CsCheck;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The kinds indexed last (issue 21): volumes, key pairs, launch templates, Network Load Balancers, their
/// listeners and target groups, endpoint service configurations. Their lookups, answered from the index, must answer
/// what the scans they replaced answered: the caller's records in the Region (every Describe* of them), a volume by the
/// instance it is attached to, a key pair, launch template, load balancer or target group by name (unique per account
/// and Region: https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html), a
/// load balancer's listeners, the listeners forwarding to a group (DeleteTargetGroup's ResourceInUse), the endpoint
/// services holding a load balancer (DeleteLoadBalancer's ResourceInUse). Over random worlds of two accounts.</summary>
public sealed class LaterIndexedKindsPropertyTests
{
    private static readonly RequestContext A = TestLab.Ctx;
    private static readonly RequestContext B = RequestContext.For("222222222222");

    [Fact]
    public void Lookups_AnyWorld_IndexAnswersAsScan()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        // Every lookup has something to answer before the random steps (a volume attached to an instance, a key pair, a
        // launch template, a target group behind a listener of a load balancer, a service on it); that world is also
        // checked alone, so the check at the end holds in every run, not only when the random steps kept each.
        (int, int, int)[] everyKind = [(0, 0, 1), (15, 0, 1), (1, 0, 1), (3, 0, 1), (5, 0, 1), (7, 0, 1), (8, 0, 1), (9, 0, 1), (13, 0, 1)];
        CheckWorld(everyKind);
        Gen.Select(Gen.Int[0, 17], Gen.Int[0, 99], Gen.Int[0, 99]).Array[10, 60].Sample(random => CheckWorld([.. everyKind, .. random]), iter: 25);
        // Each lookup answered something somewhere: one never seen non-empty would pass vacuously.
        Assert.Subset(held, new HashSet<string>(StringComparer.Ordinal)
        {
            "volumes", "key pairs", "launch templates", "load balancers", "listeners", "target groups", "endpoint services", "a key pair by name",
            "a launch template by name", "a load balancer by name", "a target group by name", "an instance's volumes", "a load balancer's listeners",
            "the services of a load balancer", "the listeners of a target group",
        });

        void CheckWorld((int, int, int)[] steps)
        {
            var cp = Build(steps);
            var world = cp.World;
            var n = world.Network;
            foreach (var ctx in new[] { A, B })
            {
                bool Mine(AccountId owner, string region) => owner == ctx.Account && region == ctx.Region;
                Check(held, "volumes", Scope(world, IndexedKinds.Volume, ctx), n.Volumes.Values.Where(v => Mine(v.OwnerId, v.Region)).Select(v => v.Id));
                Check(held, "key pairs", Scope(world, IndexedKinds.KeyPair, ctx), n.KeyPairs.Values.Where(k => Mine(k.OwnerId, k.Region)).Select(k => k.Id));
                Check(held, "launch templates", Scope(world, IndexedKinds.LaunchTemplate, ctx), n.LaunchTemplates.Values.Where(t => Mine(t.OwnerId, t.Region)).Select(t => t.Id));
                Check(held, "load balancers", Scope(world, IndexedKinds.LoadBalancer, ctx), n.LoadBalancers.Values.Where(l => Mine(l.OwnerId, l.Region)).Select(l => l.Arn.Value));
                Check(held, "listeners", Scope(world, IndexedKinds.Listener, ctx), n.Listeners.Values.Where(l => Mine(l.OwnerId, l.Region)).Select(l => l.Arn.Value));
                Check(held, "target groups", Scope(world, IndexedKinds.TargetGroup, ctx), n.TargetGroups.Values.Where(g => Mine(g.OwnerId, g.Region)).Select(g => g.Arn.Value));
                Check(held, "endpoint services", Scope(world, IndexedKinds.EndpointService, ctx),
                    n.VpcEndpointServiceConfigurations.Values.Where(s => Mine(s.OwnerId, s.Region)).Select(s => s.Id.Value));
                foreach (var name in Names)
                {
                    var scope = IndexedKind<KeyPair>.Scope(ctx.Account, ctx.Region);
                    Check(held, "a key pair by name", Named(world, IndexedKinds.KeyPair, "key-name", name, ctx, k => k.Id),
                        n.KeyPairs.Values.Where(k => Mine(k.OwnerId, k.Region) && k.Name == name).Select(k => k.Id));
                    Check(held, "a launch template by name", Named(world, IndexedKinds.LaunchTemplate, "launch-template-name", name, ctx, t => t.Id),
                        n.LaunchTemplates.Values.Where(t => Mine(t.OwnerId, t.Region) && t.Name == name).Select(t => t.Id));
                    Check(held, "a load balancer by name", Named(world, IndexedKinds.LoadBalancer, IndexedKinds.ElbNameLink, name, ctx, l => l.Arn.Value),
                        n.LoadBalancers.Values.Where(l => Mine(l.OwnerId, l.Region) && l.Name == name).Select(l => l.Arn.Value));
                    Check(held, "a target group by name", Named(world, IndexedKinds.TargetGroup, IndexedKinds.ElbNameLink, name, ctx, g => g.Arn.Value),
                        n.TargetGroups.Values.Where(g => Mine(g.OwnerId, g.Region) && g.Name == name).Select(g => g.Arn.Value));
                }
            }
            foreach (var instance in n.Instances.Values)
            {
                Check(held, "an instance's volumes", world.Where(IndexedKinds.Volume, "attachment.instance-id", instance.Id.Value).Select(v => v.Id),
                    n.Volumes.Values.Where(v => v.Attachment?.InstanceId == instance.Id).Select(v => v.Id));
            }
            foreach (var lb in n.LoadBalancers.Values)
            {
                Check(held, "a load balancer's listeners", world.Where(IndexedKinds.Listener, IndexedKinds.ListenerLoadBalancerLink, lb.Arn.Value).Select(l => l.Arn.Value),
                    n.Listeners.Values.Where(l => l.LoadBalancerArn == lb.Arn).Select(l => l.Arn.Value));
                Check(held, "the services of a load balancer", world.Where(IndexedKinds.EndpointService, IndexedKinds.ServiceLoadBalancerLink, lb.Arn.Value).Select(s => s.Id.Value),
                    n.VpcEndpointServiceConfigurations.Values.Where(s => s.NetworkLoadBalancerArns.Contains(lb.Arn)).Select(s => s.Id.Value));
            }
            foreach (var group in n.TargetGroups.Values)
            {
                Check(held, "the listeners of a target group", world.Where(IndexedKinds.Listener, IndexedKinds.ListenerTargetGroupLink, group.Arn.Value).Select(l => l.Arn.Value),
                    n.Listeners.Values.Where(l => l.DefaultTargetGroupArn == group.Arn).Select(l => l.Arn.Value));
            }
            var rebuilt = WorldIndex.Build(n);
            foreach (var key in rebuilt.Keys.Concat(world.Index.Keys).Distinct())
                Assert.Equal(rebuilt.Ids(key.Kind, key.Name, key.Value), world.Index.Ids(key.Kind, key.Name, key.Value));
        }
    }

    private static readonly string[] Names = ["nm0", "nm1", "nm2"];

    private static void Check(HashSet<string> held, string what, IEnumerable<string> index, IEnumerable<string> scan)
    {
        var expected = scan.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, index.Order(StringComparer.Ordinal).ToList());
        if (expected.Count > 0)
            held.Add(what);
    }

    private static SortedIdSet Scope<T>(IndexedWorld world, IndexedKind<T> kind, RequestContext ctx) =>
        world.Index.Ids(kind.Key, WorldIndex.ScopeName, IndexedKind<T>.Scope(ctx.Account, ctx.Region));

    private static IEnumerable<string> Named<T>(IndexedWorld world, IndexedKind<T> kind, string name, string value, RequestContext ctx, Func<T, string> id) =>
        world.Where(kind, name, value).Where(x => kind.Owner(x) == ctx.Account && kind.Region(x) == ctx.Region).Select(id);

    internal static Ec2ControlPlane Build((int Op, int A, int B)[] steps, bool indexedFilters = true)
    {
        var cp = new Ec2ControlPlane(new ControlPlaneOptions { IdSeed = 5, Quotas = Ec2Quotas.Generous, IndexedFilters = indexedFilters });
        var vpc = cp.CreateVpc(A, new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }).Vpc;
        var subnet = cp.CreateSubnet(A, new CreateSubnetRequest { VpcId = vpc.Id.Value, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" }).Subnet;
        foreach (var (op, a, b) in steps)
        {
            try
            {
                Step(cp, vpc, subnet, op, a, b);
            }
            catch (Ec2Exception)
            {
                // Refused steps (duplicates, resources in use) leave the world as it was.
            }
        }
        return cp;
    }

    /// <summary>One step of the random worlds: 0–15 as below, 16 tags a volume, key pair, launch template or endpoint
    /// service (env or team), 17 detaches a volume.</summary>
    internal static void Step(Ec2ControlPlane cp, Vpc vpc, Subnet subnet, int op, int a, int b)
    {
        var ctx = b % 4 == 0 ? B : A;
        var n = cp.Network;
        var name = Names[a % Names.Length];
        T Pick<T>(IEnumerable<T> items, Func<T, string> key)
        {
            var list = items.OrderBy(key, StringComparer.Ordinal).ToList();
            return list.Count == 0 ? throw Ec2Errors.MissingParameter("nothing to pick") : list[a % list.Count];
        }
        switch (op)
        {
            case 0:
                cp.Volumes.CreateVolume(ctx, new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 8 });
                break;
            case 1:
                cp.Volumes.AttachVolume(A, new AttachVolumeRequest
                {
                    VolumeId = Pick(n.Volumes.Values, v => v.Id).Id, InstanceId = Pick(n.Instances.Values, i => i.Id.Value).Id.Value,
                    Device = "/dev/sd" + (char)('f' + (b % 8)),
                });
                break;
            case 2:
                cp.Volumes.DeleteVolume(ctx, new DeleteVolumeRequest { VolumeId = Pick(n.Volumes.Values, v => v.Id).Id });
                break;
            case 3:
                cp.CreateKeyPair(ctx, new CreateKeyPairRequest { KeyName = name });
                break;
            case 4:
                cp.DeleteKeyPair(ctx, new DeleteKeyPairRequest { KeyName = name });
                break;
            case 5:
                cp.LaunchTemplates.CreateLaunchTemplate(ctx, new CreateLaunchTemplateRequest { LaunchTemplateName = name, LaunchTemplateData = new LaunchTemplateData() });
                break;
            case 6:
                cp.LaunchTemplates.DeleteLaunchTemplate(ctx, new DeleteLaunchTemplateRequest { LaunchTemplateName = name });
                break;
            case 7:
                cp.TargetGroups.CreateTargetGroup(A, new CreateTargetGroupRequest { Name = name, Protocol = "TCP", Port = 80, VpcId = vpc.Id.Value, TargetType = "instance" });
                break;
            case 8:
                cp.LoadBalancers.CreateLoadBalancer(A, new CreateLoadBalancerRequest { Name = name, Type = "network", Scheme = "internal", Subnets = [subnet.Id.Value] });
                break;
            case 9:
                cp.Listeners.CreateListener(A, new CreateListenerRequest
                {
                    LoadBalancerArn = Pick(n.LoadBalancers.Values, l => l.Arn.Value).Arn.Value, Protocol = "TCP", Port = 80 + (b % 3),
                    DefaultActions = [new ListenerAction { Type = "forward", TargetGroupArn = Pick(n.TargetGroups.Values, g => g.Arn.Value).Arn.Value }],
                });
                break;
            case 10:
                cp.Listeners.DeleteListener(A, new DeleteListenerRequest { ListenerArn = Pick(n.Listeners.Values, l => l.Arn.Value).Arn.Value });
                break;
            case 11:
                cp.TargetGroups.DeleteTargetGroup(A, new DeleteTargetGroupRequest { TargetGroupArn = Pick(n.TargetGroups.Values, g => g.Arn.Value).Arn.Value });
                break;
            case 12:
                cp.LoadBalancers.DeleteLoadBalancer(A, new DeleteLoadBalancerRequest { LoadBalancerArn = Pick(n.LoadBalancers.Values, l => l.Arn.Value).Arn.Value });
                break;
            case 13:
                cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(A,
                    new CreateVpcEndpointServiceConfigurationRequest { NetworkLoadBalancerArns = [Pick(n.LoadBalancers.Values, l => l.Arn.Value).Arn.Value] });
                break;
            case 14:
                cp.EndpointServiceConfigurations.DeleteVpcEndpointServiceConfigurations(A,
                    new DeleteVpcEndpointServiceConfigurationsRequest { ServiceIds = [Pick(n.VpcEndpointServiceConfigurations.Values, s => s.Id.Value).Id.Value] });
                break;
            case 16:
                var ids = n.Volumes.Keys.Concat(n.KeyPairs.Keys).Concat(n.LaunchTemplates.Keys).Concat(n.VpcEndpointServiceConfigurations.Keys.Select(k => k.Value));
                cp.CreateTags(ctx, new CreateTagsRequest
                {
                    Resources = [Pick(ids, x => x)], Tags = [new Tag(b % 2 == 0 ? "env" : "team", "v" + (a % 3).ToString(System.Globalization.CultureInfo.InvariantCulture))],
                });
                break;
            case 17:
                cp.Volumes.DetachVolume(A, new DetachVolumeRequest { VolumeId = Pick(n.Volumes.Values.Where(v => v.Attachment is not null), v => v.Id).Id });
                break;
            default:
                cp.RunInstances(A, new RunInstancesRequest { SubnetId = subnet.Id.Value, MinCount = 1, MaxCount = 1 });
                break;
        }
    }
}
