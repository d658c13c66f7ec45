using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>Subnet CIDR reservations through the AWS SDK for .NET (docs/semantics.md#subnet-cidr-reservations,
/// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-cidr-reservation.html).</summary>
public sealed class SubnetCidrReservationSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _lab = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _lab = await LoopbackEc2.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _lab.DisposeAsync();

    private async Task<Subnet> SubnetAsync()
    {
        var vpc = (await _lab.Client.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct)).Vpc;
        return (await _lab.Client.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.0.0.0/24", AvailabilityZone = "us-east-1a" }, Ct)).Subnet;
    }

    // Create (prefix and explicit), Get (split by family, filter reservationType), automatic assignment skips the
    // reserved range, Delete, and a second Delete is InvalidSubnetCidrReservationID.NotFound.
    [Fact]
    public async Task SubnetCidrReservation_CreateGetDelete_ReservedAddressesNotAutoAssigned()
    {
        var subnet = await SubnetAsync();
        var explicitReservation = (await _lab.Client.CreateSubnetCidrReservationAsync(new CreateSubnetCidrReservationRequest
        {
            SubnetId = subnet.SubnetId, Cidr = "10.0.0.0/28", ReservationType = SubnetCidrReservationType.Explicit, Description = "appliances",
        }, Ct)).SubnetCidrReservation;
        Assert.StartsWith("scr-", explicitReservation.SubnetCidrReservationId, StringComparison.Ordinal);
        Assert.Equal("appliances", explicitReservation.Description);
        await _lab.Client.CreateSubnetCidrReservationAsync(new CreateSubnetCidrReservationRequest
        {
            SubnetId = subnet.SubnetId, Cidr = "10.0.0.64/28", ReservationType = SubnetCidrReservationType.Prefix,
        }, Ct);

        var all = await _lab.Client.GetSubnetCidrReservationsAsync(new GetSubnetCidrReservationsRequest { SubnetId = subnet.SubnetId }, Ct);
        Assert.Equal(2, all.SubnetIpv4CidrReservations.Count);
        Assert.Empty(all.SubnetIpv6CidrReservations);
        var prefixOnly = await _lab.Client.GetSubnetCidrReservationsAsync(new GetSubnetCidrReservationsRequest
        {
            SubnetId = subnet.SubnetId, Filters = [new Filter("reservationType", ["prefix"])],
        }, Ct);
        Assert.Equal("10.0.0.64/28", Assert.Single(prefixOnly.SubnetIpv4CidrReservations).Cidr);

        // The first free address after the five AWS reserves would be 10.0.0.4: it is reserved, so 10.0.0.16.
        var eni = (await _lab.Client.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet.SubnetId }, Ct)).NetworkInterface;
        Assert.Equal("10.0.0.16", eni.PrivateIpAddress);

        var deleted = (await _lab.Client.DeleteSubnetCidrReservationAsync(new DeleteSubnetCidrReservationRequest
        {
            SubnetCidrReservationId = explicitReservation.SubnetCidrReservationId,
        }, Ct)).DeletedSubnetCidrReservation;
        Assert.Equal("10.0.0.0/28", deleted.Cidr);
        var again = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.DeleteSubnetCidrReservationAsync(new DeleteSubnetCidrReservationRequest
        {
            SubnetCidrReservationId = explicitReservation.SubnetCidrReservationId,
        }, Ct));
        Assert.Equal("InvalidSubnetCidrReservationID.NotFound", again.ErrorCode);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "outside the subnet's block", "10.0.1.0/28", "prefix" },
        { "overlapping an existing reservation", "10.0.0.8/29", "explicit" },
        { "a reservation type other than prefix or explicit", "10.0.0.32/28", "manual" },
    };

    // Each refusal is InvalidParameterValue.
    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task CreateSubnetCidrReservation_Refused_InvalidParameterValue(string rule, string cidr, string type)
    {
        Assert.False(string.IsNullOrEmpty(rule));
        var subnet = await SubnetAsync();
        await _lab.Client.CreateSubnetCidrReservationAsync(new CreateSubnetCidrReservationRequest
        {
            SubnetId = subnet.SubnetId, Cidr = "10.0.0.0/28", ReservationType = SubnetCidrReservationType.Explicit,
        }, Ct);
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.CreateSubnetCidrReservationAsync(new CreateSubnetCidrReservationRequest
        {
            SubnetId = subnet.SubnetId, Cidr = cidr, ReservationType = type,
        }, Ct));
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }
}
