using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>ModifyVolume and DescribeVolumesModifications through the AWS SDK for .NET (docs/semantics.md#volume-modifications,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVolume.html,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVolumesModifications.html).</summary>
public sealed class VolumeModificationSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _lab = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _lab = await LoopbackEc2.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _lab.DisposeAsync();

    private async Task<Volume> CreateAsync(int size, VolumeType type, int? iops = null) =>
        (await _lab.Client.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = size, VolumeType = type, Iops = iops }, Ct)).Volume;

    private async Task<Volume> DescribeAsync(string id) =>
        Assert.Single((await _lab.Client.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [id] }, Ct)).Volumes);

    // A modification changes the volume under CreateVolume's rules: each row is (from, request, expected size, type,
    // IOPS, throughput). gp2's IOPS follow its size (3 per GiB); a new type takes its defaults; a kept type keeps its
    // provisioned IOPS.
    public static TheoryData<string, int, string, int?, int?, string?, int?, int?, int, string, int?, int?> Modifications => new()
    {
        { "gp2 grown: 3 IOPS per GiB", 100, "gp2", null, 200, null, null, null, 200, "gp2", 600, null },
        { "gp2 to gp3: gp3's defaults", 100, "gp2", null, null, "gp3", null, null, 100, "gp3", 3000, 125 },
        { "gp3 throughput only", 50, "gp3", null, null, null, null, 500, 50, "gp3", 3000, 500 },
        { "io1 grown keeps its IOPS", 100, "io1", 1000, 150, null, null, null, 150, "io1", 1000, null },
        { "gp3 to io2 with IOPS", 100, "gp3", null, null, "io2", 5000, null, 100, "io2", 5000, null },
    };

    [Theory]
    [MemberData(nameof(Modifications))]
    public async Task ModifyVolume_Change_VolumeAndModificationRecordIt(string rule, int size, string type, int? iops,
        int? newSize, string? newType, int? newIops, int? newThroughput, int expectedSize, string expectedType, int? expectedIops, int? expectedThroughput)
    {
        var volume = await CreateAsync(size, VolumeType.FindValue(type), iops);
        var answer = (await _lab.Client.ModifyVolumeAsync(new ModifyVolumeRequest
        {
            VolumeId = volume.VolumeId, Size = newSize, VolumeType = newType is null ? null : VolumeType.FindValue(newType), Iops = newIops, Throughput = newThroughput,
        }, Ct)).VolumeModification;
        Assert.True(answer.ModificationState == VolumeModificationState.Modifying, rule);
        Assert.Equal((size, type), (answer.OriginalSize ?? 0, answer.OriginalVolumeType.Value));
        Assert.Equal((expectedSize, expectedType, expectedIops), (answer.TargetSize ?? 0, answer.TargetVolumeType.Value, answer.TargetIops));

        var described = await DescribeAsync(volume.VolumeId);
        Assert.Equal((expectedSize, expectedType, expectedIops, expectedThroughput), (described.Size ?? 0, described.VolumeType.Value, described.Iops, described.Throughput));
        var modification = Assert.Single((await _lab.Client.DescribeVolumesModificationsAsync(new DescribeVolumesModificationsRequest { VolumeIds = [volume.VolumeId] }, Ct)).VolumesModifications);
        Assert.Equal((VolumeModificationState.Completed, 100L), (modification.ModificationState, modification.Progress ?? 0));
        Assert.Equal(expectedSize, modification.TargetSize);
    }

    // "After modifying a volume, you must wait at least six hours … before you can modify the same volume."
    [Fact]
    public async Task ModifyVolume_WithinSixHours_RateExceededThenAllowed()
    {
        var volume = await CreateAsync(10, VolumeType.Gp3);
        await _lab.Client.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 20 }, Ct);
        _lab.Server.State.Clock.Advance(TimeSpan.FromHours(5));
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 30 }, Ct));
        Assert.Equal("VolumeModificationRateExceeded", error.ErrorCode);
        Assert.Equal(20, (await DescribeAsync(volume.VolumeId)).Size);
        _lab.Server.State.Clock.Advance(TimeSpan.FromHours(1));
        await _lab.Client.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 30 }, Ct);
        Assert.Equal(30, (await DescribeAsync(volume.VolumeId)).Size);
        var filtered = await _lab.Client.DescribeVolumesModificationsAsync(new DescribeVolumesModificationsRequest
        {
            Filters = [new Filter("target-size", ["30"]), new Filter("modification-state", ["completed"])],
        }, Ct);
        Assert.Equal(20, Assert.Single(filtered.VolumesModifications).OriginalSize);
    }

    // AWS's refusals, each naming its rule; the volume is unchanged.
    public static TheoryData<string, string> Refusals => new()
    {
        { "a smaller size", "InvalidParameterValue" },
        { "nothing to change", "MissingParameter" },
        { "a size out of the new type's range (st1 from 125 GiB)", "InvalidParameterValue" },
        { "IOPS on gp2", "InvalidParameterCombination" },
        { "io1 without IOPS", "MissingParameter" },
        { "an unknown volume", "InvalidVolume.NotFound" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ModifyVolume_Refused_AwsErrorAndVolumeUnchanged(string rule, string code)
    {
        var volume = await CreateAsync(100, VolumeType.Gp2);
        var request = rule switch
        {
            "a smaller size" => new ModifyVolumeRequest { Size = 50 },
            "nothing to change" => new ModifyVolumeRequest(),
            "a size out of the new type's range (st1 from 125 GiB)" => new ModifyVolumeRequest { VolumeType = VolumeType.St1 },
            "IOPS on gp2" => new ModifyVolumeRequest { Iops = 500 },
            "io1 without IOPS" => new ModifyVolumeRequest { VolumeType = VolumeType.Io1 },
            _ => new ModifyVolumeRequest { VolumeId = "vol-0123456789abcdef0", Size = 200 },
        };
        request.VolumeId ??= volume.VolumeId;
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.ModifyVolumeAsync(request, Ct));
        Assert.True(code == error.ErrorCode, $"{rule}: {error.ErrorCode} {error.Message}");
        var after = await DescribeAsync(volume.VolumeId);
        Assert.Equal((100, "gp2", 300), (after.Size ?? 0, after.VolumeType.Value, after.Iops ?? 0));
        Assert.Empty((await _lab.Client.DescribeVolumesModificationsAsync(new DescribeVolumesModificationsRequest(), Ct)).VolumesModifications);
    }
}
