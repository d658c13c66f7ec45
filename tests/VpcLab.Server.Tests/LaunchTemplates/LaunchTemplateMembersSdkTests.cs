using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.LaunchTemplates;

/// <summary>Every member of RequestLaunchTemplateData is kept and answered by DescribeLaunchTemplateVersions as
/// ResponseLaunchTemplateData, through the AWS SDK for .NET (docs/semantics.md#launch-templates): the
/// request binds to the model by AWS's member names and the answer is the model under the same names, one mapping.</summary>
public sealed class LaunchTemplateMembersSdkTests : IAsyncLifetime
{
    private const string ImageId = "ami-0fc50b841d13a3d05"; // AL2023 us-east-1

    private LoopbackEc2 _lab = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AmazonEC2Client Ec2 => _lab.Client;

    public async ValueTask InitializeAsync() => _lab = await LoopbackEc2.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _lab.DisposeAsync();

    private static readonly DateTime ValidUntil = new(2027, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    /// <summary>Members the lab does not apply at launch but keeps, as a Terraform aws_launch_template would send them.</summary>
    private static RequestLaunchTemplateData Everything() => new()
    {
        ImageId = ImageId,
        InstanceType = InstanceType.T3Micro,
        KernelId = "aki-0123456789abcdef0",
        RamDiskId = "ari-0123456789abcdef0",
        EbsOptimized = true,
        DisableApiTermination = true,
        DisableApiStop = false,
        InstanceInitiatedShutdownBehavior = ShutdownBehavior.Terminate,
        Monitoring = new LaunchTemplatesMonitoringRequest { Enabled = true },
        CreditSpecification = new CreditSpecificationRequest { CpuCredits = "unlimited" },
        CpuOptions = new LaunchTemplateCpuOptionsRequest { CoreCount = 1, ThreadsPerCore = 2 },
        InstanceMarketOptions = new LaunchTemplateInstanceMarketOptionsRequest
        {
            MarketType = MarketType.Spot,
            SpotOptions = new LaunchTemplateSpotMarketOptionsRequest
            {
                MaxPrice = "0.05", SpotInstanceType = SpotInstanceType.OneTime, InstanceInterruptionBehavior = InstanceInterruptionBehavior.Terminate, ValidUntil = ValidUntil,
            },
        },
        CapacityReservationSpecification = new LaunchTemplateCapacityReservationSpecificationRequest
        {
            CapacityReservationTarget = new CapacityReservationTarget { CapacityReservationId = "cr-0123456789abcdef0" },
        },
        LicenseSpecifications = [new LaunchTemplateLicenseConfigurationRequest { LicenseConfigurationArn = "arn:aws:license-manager:us-east-1:111111111111:license-configuration:lic-1" }],
        HibernationOptions = new LaunchTemplateHibernationOptionsRequest { Configured = true },
        EnclaveOptions = new LaunchTemplateEnclaveOptionsRequest { Enabled = true },
        MaintenanceOptions = new LaunchTemplateInstanceMaintenanceOptionsRequest { AutoRecovery = LaunchTemplateAutoRecoveryState.Disabled },
        PrivateDnsNameOptions = new LaunchTemplatePrivateDnsNameOptionsRequest { HostnameType = HostnameType.ResourceName, EnableResourceNameDnsARecord = true },
        Placement = new LaunchTemplatePlacementRequest { AvailabilityZone = "us-east-1b", Tenancy = Tenancy.Default, GroupName = "spread-1", PartitionNumber = 2 },
        InstanceRequirements = new InstanceRequirementsRequest
        {
            VCpuCount = new VCpuCountRangeRequest { Min = 2, Max = 8 },
            MemoryMiB = new MemoryMiBRequest { Min = 4096 },
            MemoryGiBPerVCpu = new MemoryGiBPerVCpuRequest { Min = 1.5, Max = 4 },
            CpuManufacturers = ["intel", "amd"],
            InstanceGenerations = ["current"],
            BurstablePerformance = BurstablePerformance.Included,
        },
        BlockDeviceMappings =
        [
            new LaunchTemplateBlockDeviceMappingRequest
            {
                DeviceName = "/dev/xvdb", Ebs = new LaunchTemplateEbsBlockDeviceRequest { VolumeSize = 20, VolumeType = VolumeType.Gp3, KmsKeyId = "alias/data", Encrypted = true },
            },
        ],
        NetworkInterfaces =
        [
            new LaunchTemplateInstanceNetworkInterfaceSpecificationRequest
            {
                DeviceIndex = 0, InterfaceType = "interface", NetworkCardIndex = 0, Ipv4PrefixCount = 1,
                PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.10", Primary = true }],
                EnaSrdSpecification = new EnaSrdSpecificationRequest { EnaSrdEnabled = true },
                ConnectionTrackingSpecification = new ConnectionTrackingSpecificationRequest { TcpEstablishedTimeout = 600 },
            },
        ],
    };

    /// <summary>The members of <see cref="Everything"/> as DescribeLaunchTemplateVersions answers them.</summary>
    private static void AssertEverything(ResponseLaunchTemplateData d, int cores = 1, int threads = 2)
    {
        Assert.Equal(("aki-0123456789abcdef0", "ari-0123456789abcdef0", true), (d.KernelId, d.RamDiskId, d.EbsOptimized));
        Assert.Equal((true, false, ShutdownBehavior.Terminate), (d.DisableApiTermination, d.DisableApiStop, d.InstanceInitiatedShutdownBehavior));
        Assert.True(d.Monitoring.Enabled);
        Assert.Equal("unlimited", d.CreditSpecification.CpuCredits);
        Assert.Equal((cores, threads), (d.CpuOptions.CoreCount, d.CpuOptions.ThreadsPerCore));
        Assert.Equal(MarketType.Spot, d.InstanceMarketOptions.MarketType);
        var spot = d.InstanceMarketOptions.SpotOptions;
        Assert.Equal(("0.05", SpotInstanceType.OneTime, InstanceInterruptionBehavior.Terminate, (DateTime?)ValidUntil),
            (spot.MaxPrice, spot.SpotInstanceType, spot.InstanceInterruptionBehavior, spot.ValidUntil?.ToUniversalTime()));
        Assert.Equal("cr-0123456789abcdef0", d.CapacityReservationSpecification.CapacityReservationTarget.CapacityReservationId);
        Assert.EndsWith("lic-1", Assert.Single(d.LicenseSpecifications).LicenseConfigurationArn, StringComparison.Ordinal);
        Assert.Equal((true, true), (d.HibernationOptions.Configured, d.EnclaveOptions.Enabled));
        Assert.Equal(LaunchTemplateAutoRecoveryState.Disabled, d.MaintenanceOptions.AutoRecovery);
        Assert.Equal((HostnameType.ResourceName, true), (d.PrivateDnsNameOptions.HostnameType, d.PrivateDnsNameOptions.EnableResourceNameDnsARecord));
        Assert.Equal(("us-east-1b", Tenancy.Default, "spread-1", 2), (d.Placement.AvailabilityZone, d.Placement.Tenancy, d.Placement.GroupName, d.Placement.PartitionNumber));
        var requirements = d.InstanceRequirements;
        Assert.Equal((2, 8, 4096), (requirements.VCpuCount.Min, requirements.VCpuCount.Max, requirements.MemoryMiB.Min));
        Assert.Null(requirements.MemoryMiB.Max);
        Assert.Equal((1.5, 4.0), (requirements.MemoryGiBPerVCpu.Min, requirements.MemoryGiBPerVCpu.Max));
        Assert.Equal(["intel", "amd"], requirements.CpuManufacturers);
        Assert.Equal(["current"], requirements.InstanceGenerations);
        Assert.Equal(BurstablePerformance.Included, requirements.BurstablePerformance);
        var device = Assert.Single(d.BlockDeviceMappings);
        Assert.Equal(("/dev/xvdb", 20, "alias/data", true), (device.DeviceName, device.Ebs.VolumeSize, device.Ebs.KmsKeyId, device.Ebs.Encrypted));
        var nic = Assert.Single(d.NetworkInterfaces);
        Assert.Equal(("interface", 0, 1), (nic.InterfaceType, nic.NetworkCardIndex, nic.Ipv4PrefixCount));
        var address = Assert.Single(nic.PrivateIpAddresses);
        Assert.Equal(("10.0.1.10", true), (address.PrivateIpAddress, address.Primary));
        Assert.True(nic.EnaSrdSpecification.EnaSrdEnabled);
        Assert.Equal(600, nic.ConnectionTrackingSpecification.TcpEstablishedTimeout);
        // Members not given are left out, as AWS leaves them out.
        Assert.Null(d.UserData);
        Assert.Null(d.MetadataOptions);
        Assert.True(d.SecurityGroupIds is null or { Count: 0 });
    }

    // API_CreateLaunchTemplate / API_DescribeLaunchTemplateVersions: the version's LaunchTemplateData is what was given,
    // member for member (ResponseLaunchTemplateData has RequestLaunchTemplateData's members).
    [Fact]
    public async Task CreateLaunchTemplate_EveryMember_DescribedAsGiven()
    {
        var id = (await Ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "everything", LaunchTemplateData = Everything() }, Ct))
            .LaunchTemplate.LaunchTemplateId;
        var version = Assert.Single((await Ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id }, Ct)).LaunchTemplateVersions);
        AssertEverything(version.LaunchTemplateData);
    }

    // API_CreateLaunchTemplateVersion SourceVersion: "the new version inherits the same launch parameters as the source
    // version, except for parameters that you specify in LaunchTemplateData" — the members kept as given included.
    [Fact]
    public async Task CreateLaunchTemplateVersion_SourceVersion_InheritsEveryMember()
    {
        var id = (await Ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "inherit", LaunchTemplateData = Everything() }, Ct))
            .LaunchTemplate.LaunchTemplateId;
        var second = (await Ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateId = id, SourceVersion = "1", LaunchTemplateData = new RequestLaunchTemplateData { CpuOptions = new LaunchTemplateCpuOptionsRequest { CoreCount = 4, ThreadsPerCore = 1 } },
        }, Ct)).LaunchTemplateVersion;
        Assert.Equal((4, 1), (second.LaunchTemplateData.CpuOptions.CoreCount, second.LaunchTemplateData.CpuOptions.ThreadsPerCore));
        var described = Assert.Single((await Ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id, Versions = ["2"] }, Ct)).LaunchTemplateVersions);
        Assert.Equal(4, described.LaunchTemplateData.CpuOptions.CoreCount);
        AssertEverything(described.LaunchTemplateData, cores: 4, threads: 1);
    }

    // API_RunInstances: "any parameters that you specify in RunInstances override the same parameters in the launch
    // template"; the template's PrivateDnsNameOptions and Placement zone are applied when the request has none.
    [Fact]
    public async Task RunInstances_TemplateHostnameOptionsAndZone_Applied()
    {
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct)).Vpc.VpcId;
        var subnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1b" }, Ct)).Subnet.SubnetId;
        var id = (await Ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
        {
            LaunchTemplateName = "names",
            LaunchTemplateData = new RequestLaunchTemplateData
            {
                ImageId = ImageId, InstanceType = InstanceType.T3Micro,
                PrivateDnsNameOptions = new LaunchTemplatePrivateDnsNameOptionsRequest { HostnameType = HostnameType.ResourceName, EnableResourceNameDnsARecord = true },
            },
        }, Ct)).LaunchTemplate.LaunchTemplateId;
        var instance = Assert.Single((await Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            MinCount = 1, MaxCount = 1, SubnetId = subnet, LaunchTemplate = new Amazon.EC2.Model.LaunchTemplateSpecification { LaunchTemplateId = id },
        }, Ct)).Reservation.Instances);
        Assert.Equal((HostnameType.ResourceName, true), (instance.PrivateDnsNameOptions.HostnameType, instance.PrivateDnsNameOptions.EnableResourceNameDnsARecord));
    }
}
