using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>DescribeInstanceTypes and DescribeInstanceTypeOfferings through the AWS SDK for .NET
/// (docs/semantics.md#instance-types).</summary>
public sealed class InstanceTypeSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _lab = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _lab = await LoopbackEc2.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _lab.DisposeAsync();

    // The networking facts Terraform's and the CNI plugins' lookups read (NetworkInfo), AWS's table values.
    [Fact]
    public async Task DescribeInstanceTypes_M5Large_NetworkInfo()
    {
        var type = Assert.Single((await _lab.Client.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["m5.large"] }, Ct)).InstanceTypes);
        Assert.Equal(3, type.NetworkInfo.MaximumNetworkInterfaces);
        Assert.Equal(10, type.NetworkInfo.Ipv4AddressesPerInterface);
        Assert.Equal(10, type.NetworkInfo.Ipv6AddressesPerInterface);
        Assert.True(type.NetworkInfo.Ipv6Supported);
        Assert.Equal("Up to 10 Gigabit", type.NetworkInfo.NetworkPerformance);
        Assert.Equal(2, type.VCpuInfo.DefaultVCpus);
        Assert.Equal(8192, type.MemoryInfo.SizeInMiB);
    }

    // Paged (MaxResults 5..100): the pages cover the catalogue once.
    [Fact]
    public async Task DescribeInstanceTypes_Paged_EveryTypeOnce()
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await _lab.Client.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { MaxResults = 10, NextToken = token }, Ct);
            names.AddRange(page.InstanceTypes.Select(t => t.InstanceType.Value));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(50, names.Count);
    }

    // The moto test's call: offerings per zone id of the Region.
    [Fact]
    public async Task DescribeInstanceTypeOfferings_ZoneIds_EveryZoneOfTheRegion()
    {
        var offerings = new List<InstanceTypeOffering>();
        string? token = null;
        do
        {
            var page = await _lab.Client.DescribeInstanceTypeOfferingsAsync(new DescribeInstanceTypeOfferingsRequest
            {
                LocationType = LocationType.AvailabilityZoneId,
                Filters = [new Filter("instance-type", ["t3.micro"])],
                NextToken = token,
            }, Ct);
            offerings.AddRange(page.InstanceTypeOfferings);
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        var zones = (await _lab.Client.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), Ct)).AvailabilityZones.Select(z => z.ZoneId).Order();
        Assert.Equal(zones, offerings.Select(o => o.Location).Order());
    }

    // DescribeInstanceStatus: a running instance passes its checks; DescribeInstanceCreditSpecifications: T3 unlimited.
    [Fact]
    public async Task DescribeInstanceStatusAndCredits_RunningT3_OkAndUnlimited()
    {
        var instance = Assert.Single((await _lab.Client.RunInstancesAsync(new RunInstancesRequest { InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1 }, Ct)).Reservation.Instances);
        var status = Assert.Single((await _lab.Client.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = [instance.InstanceId] }, Ct)).InstanceStatuses);
        Assert.Equal(SummaryStatus.Ok, status.Status.Status);
        Assert.Equal(StatusType.Passed, Assert.Single(status.SystemStatus.Details).Status);
        Assert.Equal(InstanceStateName.Running, status.InstanceState.Name);
        var credits = Assert.Single((await _lab.Client.DescribeInstanceCreditSpecificationsAsync(new DescribeInstanceCreditSpecificationsRequest(), Ct)).InstanceCreditSpecifications);
        Assert.Equal("unlimited", credits.CpuCredits);
    }

    [Fact]
    public async Task DescribeInstanceTypes_Unknown_InvalidInstanceType()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["x9.huge"] }, Ct));
        Assert.Equal("InvalidInstanceType", error.ErrorCode);
    }
}
