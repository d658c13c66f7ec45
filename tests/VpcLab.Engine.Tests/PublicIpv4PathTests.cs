using VpcLab.ControlPlane;
using VpcLab.Engine.Dns;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

/// <summary>The internet path of an instance follows its public IPv4 through the lifecycle AWS documents (EC2 User
/// Guide, "Public IPv4 addresses",
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses;
/// docs/semantics.md#public-ipv4): the world is built through the control plane (a default VPC: internet gateway,
/// 0.0.0.0/0 route, subnets that map public IPv4s, DNS hostnames on) and each row's steps are API calls; then the
/// egress to the internet and the ingress to the instance's public DNS name are traced.</summary>
public sealed class PublicIpv4PathTests
{
    private const string Accepted = "ACCEPT";
    private const string NoPublicIp = "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS";
    private static readonly RequestContext Ctx = RequestContext.Default;

    public static TheoryData<string, string, string> Paths => new()
    {
        { "launch: a public IPv4, so a path both ways", "", Accepted },
        { "stopped and started: a new public IPv4, the path comes back", "stop start", Accepted },
        { "Elastic IP associated then disassociated: a new public IPv4, the path stays", "eip unassoc", Accepted },
        { "two interfaces, stopped and started: no new public IPv4, no path", "attach stop start", NoPublicIp },
        { "two interfaces, Elastic IP disassociated: no new public IPv4, no path", "attach eip-eni unassoc", NoPublicIp },
        { "a secondary address holds an Elastic IP: no new public IPv4 for the primary, no path", "eip-secondary eip unassoc", NoPublicIp },
        { "a secondary address holds an Elastic IP, stopped and started: no path", "eip-secondary stop start", NoPublicIp },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void InternetPath_AfterLifecycleSteps_AppearsOnlyWithAPublicIpv4(string rule, string steps, string expected)
    {
        var world = new World();
        var launchName = world.PublicDnsName();
        world.Run(steps);
        var compiled = CompiledNetwork.Compile(world.Cp.Network);
        var egress = compiled.Run(world.InstanceId, "8.8.8.8");
        Assert.True(expected == (egress.Verdict == Verdict.Accepted ? Accepted : egress.Explanations[0].Code.Value), $"{rule}\n{egress}");
        var name = world.PublicDnsName();
        if (expected != Accepted)
        {
            Assert.Null(name);
            return;
        }
        // The path uses the instance's current address: the IGW translates the source to it ...
        var igw = egress.Forward.Single(h => h.Component.Kind == ComponentKind.InternetGateway);
        Assert.Equal(world.PublicIp(), igw.OutboundHeader.Source);
        // ... and the internet reaches it by its public DNS name, which changed with the address.
        compiled.Run("198.51.100.7", name!).AssertAccepted();
        Assert.Equal(steps.Length == 0, name == launchName);
    }

    // The name of a released address no longer resolves: the old path is gone (Public IPv4 addresses: "you cannot
    // reuse it").
    [Fact]
    public void InternetPath_OldDnsNameAfterRenewal_NoLongerResolves()
    {
        var world = new World();
        var old = world.PublicDnsName()!;
        world.Run("eip unassoc");
        var compiled = CompiledNetwork.Compile(world.Cp.Network);
        Assert.Throws<TraceRequestException>(() => compiled.Run("198.51.100.7", old));
        Assert.NotEqual(old, world.PublicDnsName());
    }

    /// <summary>A default VPC with one instance launched into a default subnet (so with a public IPv4), its group
    /// open to HTTPS from anywhere, a secondary private address, two Elastic IPs and a spare interface.</summary>
    private sealed class World
    {
        private readonly ElasticIpAddress _eip;
        private readonly ElasticIpAddress _secondaryEip;
        private readonly NetworkInterface _spare;

        public World()
        {
            Cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest());
            var subnet = Cp.Network.Subnets.Values.Where(s => s.DefaultForAz).OrderBy(s => s.AvailabilityZone.Name, StringComparer.Ordinal).First();
            var instance = Cp.RunInstances(Ctx, new RunInstancesRequest { MinCount = 1, MaxCount = 1, SubnetId = subnet.Id.Value }).Instances[0];
            InstanceId = instance.Id.Value;
            Primary = instance.PrimaryNetworkInterface;
            var group = Cp.Network.NetworkInterfaces[Primary].Groups[0];
            Cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest { GroupId = group.Value, IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIp = "0.0.0.0/0" });
            Cp.AssignPrivateIpAddresses(Ctx, new AssignPrivateIpAddressesRequest { NetworkInterfaceId = Primary.Value, SecondaryPrivateIpAddressCount = 1 });
            _eip = Cp.AllocateAddress(Ctx, new AllocateAddressRequest()).Address!;
            _secondaryEip = Cp.AllocateAddress(Ctx, new AllocateAddressRequest()).Address!;
            _spare = Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value }).NetworkInterface;
        }

        public Ec2ControlPlane Cp { get; } = new(new ControlPlaneOptions { IdSeed = 11 });
        public string InstanceId { get; }
        private NetworkInterfaceId Primary { get; }
        private NetworkInterface PrimaryInterface => Cp.Network.NetworkInterfaces[Primary];

        public IpAddress? PublicIp() => Cp.Network.PublicIpFor(PrimaryInterface, PrimaryInterface.PrivateIpAddresses.First(p => p.Primary));

        /// <summary>The instance's public DNS name (DNS hostnames are on in a default VPC), or null without a public IPv4.</summary>
        public string? PublicDnsName() => PublicIp() is { } ip ? Ec2Hostnames.Public(ip, "us-east-1") : null;

        public void Run(string steps)
        {
            foreach (var step in steps.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                Do(step);
        }

        private void Do(string step)
        {
            string[] ids = [InstanceId];
            var secondary = PrimaryInterface.PrivateIpAddresses.First(p => !p.Primary).Address.ToString();
            object _ = step switch
            {
                "stop" => Cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = ids }),
                "start" => Cp.StartInstances(Ctx, new StartInstancesRequest { InstanceIds = ids }),
                "attach" => Cp.AttachNetworkInterface(Ctx, new AttachNetworkInterfaceRequest { NetworkInterfaceId = _spare.Id.Value, InstanceId = InstanceId, DeviceIndex = 1 }),
                "eip" => Cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = _eip.AllocationId.Value, InstanceId = InstanceId }),
                "eip-eni" => Cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = _eip.AllocationId.Value, NetworkInterfaceId = Primary.Value }),
                "eip-secondary" => Cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = _secondaryEip.AllocationId.Value, NetworkInterfaceId = Primary.Value, PrivateIpAddress = secondary }),
                "unassoc" => Cp.DisassociateAddress(Ctx, new DisassociateAddressRequest { AssociationId = Cp.Network.ElasticIps[_eip.AllocationId].AssociationId }),
                _ => throw new ArgumentException($"unknown step {step}", nameof(step)),
            };
        }
    }
}
