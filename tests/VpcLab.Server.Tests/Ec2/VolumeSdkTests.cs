using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>EBS volumes as plain records through the AWS SDK for .NET (docs/semantics.md#ebs-volumes,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html): create, describe, attach, detach,
/// delete, and the root volume an instance's block device mapping shows.</summary>
public sealed class VolumeSdkTests : IAsyncLifetime
{
    private const string ImageId = "ami-0fc50b841d13a3d05"; // AL2023 us-east-1: root /dev/xvda, 8 GiB gp3

    private LoopbackEc2 _lab = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _lab = await LoopbackEc2.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _lab.DisposeAsync();

    private async Task<Instance> RunAsync(RunInstancesRequest request)
    {
        request.ImageId ??= ImageId;
        request.MinCount = 1;
        request.MaxCount = 1;
        request.Placement ??= new Placement { AvailabilityZone = "us-east-1a" };
        return Assert.Single((await _lab.Client.RunInstancesAsync(request, Ct)).Reservation.Instances);
    }

    private async Task<Instance> DescribeAsync(string id) =>
        Assert.Single(Assert.Single((await _lab.Client.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] }, Ct)).Reservations).Instances);

    // AWS: an instance gets its image's root volume (DeleteOnTermination true); its block device mapping names it,
    // DescribeVolumes shows it in-use; terminating the instance deletes it.
    [Fact]
    public async Task RunInstances_CatalogueImage_RootVolumeInBlockDeviceMappingAndGoneAtTermination()
    {
        var instance = await RunAsync(new RunInstancesRequest());
        var described = await DescribeAsync(instance.InstanceId);
        Assert.Equal("/dev/xvda", described.RootDeviceName);
        var mapping = Assert.Single(described.BlockDeviceMappings);
        Assert.Equal("/dev/xvda", mapping.DeviceName);
        Assert.True(mapping.Ebs.DeleteOnTermination);
        Assert.Equal(AttachmentStatus.Attached, mapping.Ebs.Status);
        var volume = Assert.Single((await _lab.Client.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [mapping.Ebs.VolumeId] }, Ct)).Volumes);
        Assert.Equal(8, volume.Size);
        Assert.Equal(VolumeType.Gp3, volume.VolumeType);
        Assert.Equal(3000, volume.Iops);
        Assert.Equal(125, volume.Throughput);
        Assert.Equal(VolumeState.InUse, volume.State);
        Assert.Equal("us-east-1a", volume.AvailabilityZone);
        Assert.Equal(instance.InstanceId, Assert.Single(volume.Attachments).InstanceId);

        await _lab.Client.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] }, Ct);
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _lab.Client.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [mapping.Ebs.VolumeId] }, Ct));
        Assert.Equal("InvalidVolume.NotFound", error.ErrorCode);
    }

    // RunInstances BlockDeviceMapping.N: the root device's size grows the root volume; another device adds a volume
    // that survives termination when DeleteOnTermination is false.
    [Fact]
    public async Task RunInstances_BlockDeviceMappings_RoundTripInDescribeInstances()
    {
        var instance = await RunAsync(new RunInstancesRequest
        {
            BlockDeviceMappings =
            [
                new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { VolumeSize = 20, VolumeType = VolumeType.Gp3 } },
                new BlockDeviceMapping { DeviceName = "/dev/sdf", Ebs = new EbsBlockDevice { VolumeSize = 100, VolumeType = VolumeType.Gp2, DeleteOnTermination = false } },
            ],
        });
        var mappings = (await DescribeAsync(instance.InstanceId)).BlockDeviceMappings;
        Assert.Equal(["/dev/sdf", "/dev/xvda"], mappings.Select(m => m.DeviceName));
        var volumes = (await _lab.Client.DescribeVolumesAsync(new DescribeVolumesRequest
        {
            Filters = [new Filter("attachment.instance-id", [instance.InstanceId])],
        }, Ct)).Volumes.ToDictionary(v => v.Attachments[0].Device);
        Assert.Equal(20, volumes["/dev/xvda"].Size);
        Assert.Equal(100, volumes["/dev/sdf"].Size);
        Assert.Equal(300, volumes["/dev/sdf"].Iops); // gp2: 3 IOPS per GiB
        await _lab.Client.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] }, Ct);
        var left = Assert.Single((await _lab.Client.DescribeVolumesAsync(new DescribeVolumesRequest(), Ct)).Volumes);
        Assert.Equal(volumes["/dev/sdf"].VolumeId, left.VolumeId);
        Assert.Equal(VolumeState.Available, left.State);
    }

    // CreateVolume, AttachVolume (attaching), DescribeInstances shows it, DeleteVolume while attached is VolumeInUse,
    // DetachVolume (detaching), DeleteVolume.
    [Fact]
    public async Task Volume_CreateAttachDetachDelete_StatesAndErrors()
    {
        var instance = await RunAsync(new RunInstancesRequest());
        var volume = (await _lab.Client.CreateVolumeAsync(new CreateVolumeRequest
        {
            AvailabilityZone = "us-east-1a",
            Size = 10,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Volume, Tags = [new Tag("Name", "data")] }],
        }, Ct)).Volume;
        Assert.Equal(VolumeType.Gp2, volume.VolumeType); // CreateVolume's default type
        Assert.Equal(100, volume.Iops);
        Assert.Equal(VolumeState.Available, volume.State);
        var attached = (await _lab.Client.AttachVolumeAsync(new AttachVolumeRequest { VolumeId = volume.VolumeId, InstanceId = instance.InstanceId, Device = "/dev/sdh" }, Ct)).Attachment;
        Assert.Equal(VolumeAttachmentState.Attaching, attached.State);
        Assert.Contains((await DescribeAsync(instance.InstanceId)).BlockDeviceMappings, m => m.Ebs.VolumeId == volume.VolumeId && m.DeviceName == "/dev/sdh");

        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId }, Ct));
        Assert.Equal("VolumeInUse", inUse.ErrorCode);
        var detached = (await _lab.Client.DetachVolumeAsync(new DetachVolumeRequest { VolumeId = volume.VolumeId }, Ct)).Attachment;
        Assert.Equal(VolumeAttachmentState.Detaching, detached.State);
        await _lab.Client.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId }, Ct);
        Assert.Empty((await _lab.Client.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("tag:Name", ["data"])] }, Ct)).Volumes);
    }

    // AWS's refusals: each row names the rule (CreateVolume/AttachVolume/DetachVolume API reference, error codes).
    public static TheoryData<string, string> Refusals => new()
    {
        { "size out of range for gp2 (1-16,384 GiB)", "InvalidParameterValue" },
        { "io1 without iops", "MissingParameter" },
        { "iops on a gp2 volume", "InvalidParameterCombination" },
        { "no size and no snapshot", "MissingParameter" },
        { "a zone of another Region", "InvalidParameterValue" },
        { "attach to an instance in another zone", "InvalidVolume.ZoneMismatch" },
        { "detach the root volume of a running instance", "IncorrectState" },
        { "an ill-formed volume id", "InvalidVolumeID.Malformed" },
        { "an unknown volume id", "InvalidVolume.NotFound" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Volume_RefusedRequest_AwsErrorCode(string rule, string code)
    {
        var instance = await RunAsync(new RunInstancesRequest());
        var root = (await DescribeAsync(instance.InstanceId)).BlockDeviceMappings[0].Ebs.VolumeId;
        Func<Task> call = rule switch
        {
            "size out of range for gp2 (1-16,384 GiB)" => () => _lab.Client.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 20000 }, Ct),
            "io1 without iops" => () => _lab.Client.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 10, VolumeType = VolumeType.Io1 }, Ct),
            "iops on a gp2 volume" => () => _lab.Client.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 10, Iops = 500 }, Ct),
            "no size and no snapshot" => () => _lab.Client.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a" }, Ct),
            "a zone of another Region" => () => _lab.Client.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "eu-west-1a", Size = 10 }, Ct),
            "attach to an instance in another zone" => async () =>
            {
                var other = (await _lab.Client.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1b", Size = 10 }, Ct)).Volume;
                await _lab.Client.AttachVolumeAsync(new AttachVolumeRequest { VolumeId = other.VolumeId, InstanceId = instance.InstanceId, Device = "/dev/sdg" }, Ct);
            },
            "detach the root volume of a running instance" => () => _lab.Client.DetachVolumeAsync(new DetachVolumeRequest { VolumeId = root }, Ct),
            "an ill-formed volume id" => () => _lab.Client.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = ["vol-xyz"] }, Ct),
            _ => () => _lab.Client.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = "vol-0123456789abcdef0" }, Ct),
        };
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(call);
        Assert.Equal(code, error.ErrorCode);
    }
}
