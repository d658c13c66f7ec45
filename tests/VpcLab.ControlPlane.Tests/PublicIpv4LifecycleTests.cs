using CsCheck;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The public IPv4 lifecycle of an instance, step by step, each row naming the AWS rule it checks
/// (docs/semantics.md#public-ipv4). Pages: EC2 User Guide "Public IPv4 addresses"
/// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses) and
/// "Elastic IP addresses" (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html).</summary>
public sealed class PublicIpv4LifecycleTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    /// <summary>What the primary private address maps to at the end: the address auto-assigned at launch ("same"),
    /// a new auto-assigned one ("new"), the Elastic IP ("eip"), or nothing ("none").</summary>
    public static TheoryData<string, string, string> Lifecycles => new()
    {
        { "launch: public IPv4 on the primary interface (concepts-public-addresses)", "", "same" },
        { "released when the instance is stopped (concepts-public-addresses)", "stop", "none" },
        { "a stopped instance gets a new one when started (concepts-public-addresses)", "stop start", "new" },
        { "released when an Elastic IP is associated (concepts-public-addresses; eip-basics)", "eip-primary", "eip" },
        { "a new one when that Elastic IP is disassociated (concepts-public-addresses)", "eip-primary unassoc-primary", "new" },
        { "the Elastic IP survives stop and start, no public IPv4 on top (eip-basics)", "eip-primary stop start", "eip" },
        { "none after disassociation with two interfaces attached (concepts-public-addresses)", "attach eip-primary unassoc-primary", "none" },
        { "none on start with two interfaces attached (concepts-public-addresses)", "attach stop start", "none" },
        { "one interface again when it starts: a new one (concepts-public-addresses)", "attach stop detach start", "new" },
        { "attaching a second interface releases nothing by itself (concepts-public-addresses)", "attach", "same" },
        { "none after disassociation while a secondary address holds an Elastic IP (concepts-public-addresses)", "eip-secondary eip-primary unassoc-primary", "none" },
        { "none on start while a secondary address holds an Elastic IP (concepts-public-addresses)", "eip-secondary stop start", "none" },
        { "choice: an Elastic IP on a secondary address keeps the primary's public IPv4 (docs/semantics.md#public-ipv4)", "eip-secondary", "same" },
        { "choice: the secondary's Elastic IP goes, the instance gets a new one (docs/semantics.md#public-ipv4)", "eip-secondary eip-primary unassoc-primary unassoc-secondary", "new" },
        { "choice: unassigning the secondary address takes its Elastic IP, as a disassociation (docs/semantics.md#public-ipv4)", "eip-secondary eip-primary unassoc-primary unassign-secondary", "new" },
        { "stopped: no public IPv4 until it starts, even after a disassociation (concepts-public-addresses)", "stop eip-primary unassoc-primary", "none" },
        { "stopped, disassociated, then started: a new one (concepts-public-addresses)", "stop eip-primary unassoc-primary start", "new" },
        { "reassociating the Elastic IP elsewhere is a disassociation from this instance (concepts-public-addresses)", "eip-primary move-eip", "new" },
    };

    [Theory]
    [MemberData(nameof(Lifecycles))]
    public void PublicIpv4_Lifecycle_FollowsAwsRules(string rule, string steps, string expected)
    {
        var story = new Story(launchWithPublicIp: true);
        story.Run(steps);
        Assert.True(expected == story.Outcome(), $"{rule}: expected {expected}, got {story.Outcome()}");
    }

    // Elastic IP addresses (eip-basics): only an instance launched with a public IPv4 gets one back.
    [Theory]
    [InlineData("eip-primary unassoc-primary")]
    [InlineData("stop start")]
    public void PublicIpv4_LaunchedWithout_NeverGetsOne(string steps)
    {
        var story = new Story(launchWithPublicIp: false);
        story.Run(steps);
        Assert.Equal("none", story.Outcome());
    }

    private static readonly string[] s_steps =
        ["stop", "start", "attach", "detach", "eip-primary", "eip-secondary", "unassoc-primary", "unassoc-secondary", "unassign-secondary", "move-eip"];

    // Invariants of the lifecycle, whatever the sequence of steps (steps AWS would refuse are skipped): a stopped
    // instance has no public IPv4; an address maps to an Elastic IP or an auto-assigned address, never both; only
    // the primary private address of the primary interface has an auto-assigned one; none appears while more than one
    // interface is attached or a secondary address holds an Elastic IP; a released address never comes back
    // (Story.Observe).
    [Fact]
    public void PublicIpv4_AnyStepSequence_InvariantsHold()
    {
        Gen.Int[0, s_steps.Length - 1].Array[1, 14].Sample(indexes =>
        {
            var story = new Story(launchWithPublicIp: true);
            foreach (var index in indexes)
            {
                var hadNone = story.AutoAssigned is null;
                if (!story.TryRun(s_steps[index]))
                    continue;
                story.CheckInvariants();
                if (hadNone && (story.InterfaceCount > 1 || story.SecondaryHoldsEip))
                    Assert.Null(story.AutoAssigned);
            }
        }, iter: 200);
    }

    // Public IPv4 addresses: the subnet's MapPublicIpOnLaunch or AssociatePublicIpAddress decides, for a new primary
    // interface (device index 0) and a launch with one interface; AssociatePublicIpAddress overrides the subnet.
    [Theory]
    [InlineData("subnet maps, one new interface", true, null, "new-single", true)]
    [InlineData("subnet maps, AssociatePublicIpAddress=false overrides", true, false, "new-single", false)]
    [InlineData("subnet does not map, AssociatePublicIpAddress=true overrides", false, true, "new-single", true)]
    [InlineData("subnet maps, two interfaces at launch: none", true, null, "two-new", false)]
    [InlineData("subnet maps, existing interface as eth0: none", true, null, "existing", false)]
    public void RunInstances_LaunchShape_PublicIpv4OnlyOnANewSinglePrimary(string rule, bool subnetMaps, bool? associate, string shape, bool expected)
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        lab.Cp.ModifySubnetAttribute(Ctx, new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, MapPublicIpOnLaunch = subnetMaps });
        var id = subnet.Id.Value;
        List<InstanceNetworkInterfaceSpecification> nics = shape switch
        {
            "new-single" => [new() { DeviceIndex = 0, SubnetId = id, AssociatePublicIpAddress = associate }],
            "two-new" => [new() { DeviceIndex = 0, SubnetId = id }, new() { DeviceIndex = 1, SubnetId = id }],
            _ => [new() { DeviceIndex = 0, NetworkInterfaceId = lab.Eni(subnet).Id.Value }],
        };
        var instance = lab.Cp.RunInstances(Ctx, new RunInstancesRequest { MinCount = 1, MaxCount = 1, NetworkInterfaces = nics }).Instances[0];
        Assert.True(expected == instance.NetworkInterfaces.Any(e => lab.N.NetworkInterfaces[e].PrivateIpAddresses.Any(p => p.AutoAssignedPublicIp is not null)), rule);
        Assert.Equal(expected, instance.AutoAssignPublicIp);
    }

    // AssociateAddress (EC2 API reference): with InstanceId, the instance must have exactly one attached interface.
    [Fact]
    public void AssociateAddress_InstanceWithTwoInterfaces_InvalidInstanceId()
    {
        var story = new Story(launchWithPublicIp: true);
        story.Run("attach");
        var error = story.Lab.Fails(InstanceErrors.InvalidInstanceIdCode, () => story.Lab.Cp.AssociateAddress(Ctx,
            new AssociateAddressRequest { AllocationId = story.PrimaryEip.AllocationId.Value, InstanceId = story.Instance.Id.Value }));
        Assert.Contains("multiple interfaces attached", error.Message, StringComparison.Ordinal);
    }

    // Terminating releases the public IPv4 (concepts-public-addresses) of an interface that outlives the instance.
    [Fact]
    public void TerminateInstances_ExistingPrimaryInterface_PublicIpv4Released()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var instance = lab.Instance(subnet, publicIp: true);
        lab.Cp.ModifyNetworkInterfaceAttribute(Ctx, new ModifyNetworkInterfaceAttributeRequest
        {
            NetworkInterfaceId = instance.PrimaryNetworkInterface.Value,
            Attachment = new NetworkInterfaceAttachmentChanges { AttachmentId = lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface].Attachment!.AttachmentId, DeleteOnTermination = false },
        });
        lab.Cp.TerminateInstances(Ctx, new TerminateInstancesRequest { InstanceIds = [instance.Id.Value] });
        Assert.All(lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface].PrivateIpAddresses, p => Assert.Null(p.AutoAssignedPublicIp));
    }

    // ReleaseAddress (EC2 API reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReleaseAddress.html):
    // in a default VPC releasing an associated address disassociates it (and, as any disassociation, the instance
    // gets a new public IPv4); in a nondefault VPC it is InvalidIPAddress.InUse.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReleaseAddress_Associated_DisassociatesOnlyInADefaultVpc(bool defaultVpc)
    {
        var lab = new TestLab();
        Subnet subnet;
        if (defaultVpc)
        {
            lab.Cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest());
            subnet = lab.N.Subnets.Values.First(s => s.DefaultForAz);
        }
        else
        {
            var vpc = lab.Vpc();
            lab.AttachedIgw(vpc);
            subnet = lab.Subnet(vpc);
        }
        var instance = lab.Instance(subnet, publicIp: true);
        var eip = lab.Eip();
        lab.Cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = eip.AllocationId.Value, InstanceId = instance.Id.Value });
        var release = new ReleaseAddressRequest { AllocationId = eip.AllocationId.Value };
        if (!defaultVpc)
        {
            lab.Fails(ElasticIpErrors.InvalidIpAddressInUse, () => lab.Cp.ReleaseAddress(Ctx, release));
            return;
        }
        lab.Cp.ReleaseAddress(Ctx, release);
        Assert.Empty(lab.N.ElasticIps);
        Assert.NotNull(lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface].PrivateIpAddresses[0].AutoAssignedPublicIp);
    }

    /// <summary>One instance launched into a subnet of a VPC with an internet gateway, its primary interface holding a
    /// secondary private address, two Elastic IPs ready, and a spare interface to attach.</summary>
    private sealed class Story
    {
        private readonly Subnet _subnet;
        private readonly NetworkInterface _spare;
        private readonly IpAddress? _launchAddress;
        private readonly HashSet<IpAddress> _seen = [];
        private IpAddress? _last;

        public Story(bool launchWithPublicIp)
        {
            var vpc = Lab.Vpc();
            Lab.AttachedIgw(vpc);
            _subnet = Lab.Subnet(vpc);
            Instance = Lab.Instance(_subnet, launchWithPublicIp);
            Lab.Cp.AssignPrivateIpAddresses(Ctx, new AssignPrivateIpAddressesRequest { NetworkInterfaceId = Primary.Id.Value, SecondaryPrivateIpAddressCount = 1 });
            PrimaryEip = Lab.Eip();
            SecondaryEip = Lab.Eip();
            _spare = Lab.Eni(_subnet);
            _launchAddress = Primary.PrivateIpAddresses[0].AutoAssignedPublicIp;
            Observe();
        }

        public TestLab Lab { get; } = new();
        public Instance Instance { get; }
        public ElasticIpAddress PrimaryEip { get; }
        public ElasticIpAddress SecondaryEip { get; }
        private NetworkInterface Primary => Lab.N.NetworkInterfaces[Instance.PrimaryNetworkInterface];
        private IpAddress SecondaryAddress => Primary.PrivateIpAddresses.First(p => !p.Primary).Address;
        private string[] Ids => [Instance.Id.Value];

        public IpAddress? AutoAssigned => Primary.PrivateIpAddresses.First(p => p.Primary).AutoAssignedPublicIp;
        public int InterfaceCount => Lab.N.Instances[Instance.Id].NetworkInterfaces.Length;
        public bool SecondaryHoldsEip => Lab.N.ElasticIps.Values.Any(e => e.NetworkInterfaceId == Primary.Id && e.PrivateIp != Primary.PrimaryPrivateIp);

        /// <summary>Runs one step unless it does not apply now (nothing to detach, no such association, no secondary
        /// left) or the control plane refuses it; true when it ran.</summary>
        public bool TryRun(string step)
        {
            bool applies = step switch
            {
                "detach" => Lab.N.NetworkInterfaces[_spare.Id].Attachment is not null,
                "attach" => Lab.N.NetworkInterfaces[_spare.Id].Attachment is null,
                "unassoc-primary" or "move-eip" => Lab.N.ElasticIps[PrimaryEip.AllocationId].AssociationId is not null,
                "unassoc-secondary" => Lab.N.ElasticIps[SecondaryEip.AllocationId].AssociationId is not null,
                "eip-secondary" or "unassign-secondary" => Primary.PrivateIpAddresses.Any(p => !p.Primary),
                _ => true,
            };
            if (!applies)
                return false;
            try
            {
                Run(step);
                return true;
            }
            catch (Ec2Exception)
            {
                return false;
            }
        }

        public void CheckInvariants()
        {
            var n = Lab.N;
            if (n.Instances[Instance.Id].State == InstanceState.Stopped)
                Assert.All(Primary.PrivateIpAddresses, p => Assert.Null(p.AutoAssignedPublicIp));
            foreach (var eni in n.NetworkInterfaces.Values)
            {
                foreach (var p in eni.PrivateIpAddresses)
                {
                    if (p.AutoAssignedPublicIp is null)
                        continue;
                    Assert.Null(n.ElasticIpFor(eni.Id, p.Address));
                    Assert.True(p.Primary && eni.Id == Instance.PrimaryNetworkInterface, $"{p.Address} of {eni.Id} has an auto-assigned public IPv4");
                }
            }
        }

        public void Run(string steps)
        {
            foreach (var step in steps.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Do(step);
                Observe();
            }
        }

        private void Do(string step)
        {
            var cp = Lab.Cp;
            object _ = step switch
            {
                "stop" => cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = Ids }),
                "start" => cp.StartInstances(Ctx, new StartInstancesRequest { InstanceIds = Ids }),
                "attach" => cp.AttachNetworkInterface(Ctx, new AttachNetworkInterfaceRequest { NetworkInterfaceId = _spare.Id.Value, InstanceId = Instance.Id.Value, DeviceIndex = 1 }),
                "detach" => cp.DetachNetworkInterface(Ctx, new DetachNetworkInterfaceRequest { AttachmentId = Lab.N.NetworkInterfaces[_spare.Id].Attachment!.AttachmentId }),
                "eip-primary" => cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = PrimaryEip.AllocationId.Value, NetworkInterfaceId = Primary.Id.Value }),
                "eip-secondary" => cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = SecondaryEip.AllocationId.Value, NetworkInterfaceId = Primary.Id.Value, PrivateIpAddress = SecondaryAddress.ToString() }),
                "unassoc-primary" => cp.DisassociateAddress(Ctx, new DisassociateAddressRequest { AssociationId = Lab.N.ElasticIps[PrimaryEip.AllocationId].AssociationId }),
                "unassoc-secondary" => cp.DisassociateAddress(Ctx, new DisassociateAddressRequest { AssociationId = Lab.N.ElasticIps[SecondaryEip.AllocationId].AssociationId }),
                "unassign-secondary" => cp.UnassignPrivateIpAddresses(Ctx, new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = Primary.Id.Value, PrivateIpAddresses = [SecondaryAddress.ToString()] }),
                "move-eip" => cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = PrimaryEip.AllocationId.Value, NetworkInterfaceId = _spare.Id.Value, AllowReassociation = true }),
                _ => throw new ArgumentException($"unknown step {step}", nameof(step)),
            };
        }

        /// <summary>AWS never gives a released public IPv4 back: each new address is one not seen before.</summary>
        private void Observe()
        {
            var current = Primary.PrivateIpAddresses[0].AutoAssignedPublicIp;
            if (current is { } address && current != _last)
                Assert.True(_seen.Add(address), $"{address} was given twice: AWS never reuses a released public IPv4");
            _last = current;
        }

        public string Outcome()
        {
            var primary = Primary.PrivateIpAddresses.First(p => p.Primary);
            if (Lab.N.ElasticIpFor(Primary.Id, primary.Address) is not null)
                return primary.AutoAssignedPublicIp is null ? "eip" : "eip and a public IPv4";
            if (primary.AutoAssignedPublicIp is not { } auto)
                return "none";
            return auto == _launchAddress ? "same" : "new";
        }
    }
}
