using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>The actions the Terraform replays needed, each with AWS's refusals, through the AWS SDK for .NET:
/// DescribeAddressesAttribute (docs/semantics.md#addresses-attribute), AllocateAddress with Address
/// (docs/semantics.md#address-recovery), ModifyVpcTenancy (docs/semantics.md#vpc-tenancy), user data
/// (docs/semantics.md#instance-user-data).</summary>
public sealed class IacActionSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _lab = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _lab = await LoopbackEc2.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _lab.DisposeAsync();

    // API_DescribeAddressesAttribute: the caller's Elastic IPs with a reverse DNS record (Terraform's aws_eip reads "no
    // item" as none); an unknown id is InvalidAllocationID.NotFound; Attribute's one valid value is domain-name.
    [Fact]
    public async Task DescribeAddressesAttribute_AllAndUnknown_ListsOrRefuses()
    {
        var a = await _lab.Client.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }, Ct);
        var b = await _lab.Client.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }, Ct);
        Assert.Empty((await _lab.Client.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest { Attribute = AddressAttributeName.DomainName }, Ct)).Addresses);
        await _lab.Client.ModifyAddressAttributeAsync(new ModifyAddressAttributeRequest { AllocationId = b.AllocationId, DomainName = "mail.example.com" }, Ct);
        var all = (await _lab.Client.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest { Attribute = AddressAttributeName.DomainName }, Ct)).Addresses;
        var only = Assert.Single(all);
        Assert.Equal((b.AllocationId, b.PublicIp, "mail.example.com."), (only.AllocationId, only.PublicIp, only.PtrRecord));
        Assert.Null(only.PtrRecordUpdate);
        Assert.Empty((await _lab.Client.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest { AllocationIds = [a.AllocationId] }, Ct)).Addresses);
        var unknown = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest
        {
            AllocationIds = ["eipalloc-0123456789abcdef0"], Attribute = AddressAttributeName.DomainName,
        }, Ct));
        Assert.Equal("InvalidAllocationID.NotFound", unknown.ErrorCode);
        var badAttribute = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest
        {
            Attribute = "ptr-record",
        }, Ct));
        Assert.Equal("InvalidParameterValue", badAttribute.ErrorCode);
    }

    // Terraform's aws_eip_domain_name (ec2_eip_domain_name.go, wait.go): ModifyAddressAttribute, then
    // DescribeAddressesAttribute until PtrRecordUpdate is gone (its update waiter's target ""); ResetAddressAttribute,
    // then until the address is not listed (its delete waiter's target: not found). Both answers carry the update
    // PENDING, as the AWS CLI's examples show; a record locks the address (ReleaseAddress refused).
    [Fact]
    public async Task AddressAttribute_DomainNameLifecycle_AsTerraformWaitsForIt()
    {
        var eip = await _lab.Client.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }, Ct);
        var set = (await _lab.Client.ModifyAddressAttributeAsync(new ModifyAddressAttributeRequest { AllocationId = eip.AllocationId, DomainName = "mail.example.com" }, Ct)).Address;
        Assert.Equal((eip.AllocationId, eip.PublicIp), (set.AllocationId, set.PublicIp));
        Assert.Null(set.PtrRecord);
        Assert.Equal(("mail.example.com.", "PENDING"), (set.PtrRecordUpdate.Value, set.PtrRecordUpdate.Status));
        var read = Assert.Single((await _lab.Client.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest
        {
            AllocationIds = [eip.AllocationId], Attribute = AddressAttributeName.DomainName,
        }, Ct)).Addresses);
        Assert.Equal("mail.example.com.", read.PtrRecord);
        Assert.Null(read.PtrRecordUpdate);
        var locked = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = eip.AllocationId }, Ct));
        Assert.Equal("InvalidIPAddress.InUse", locked.ErrorCode);
        var reset = (await _lab.Client.ResetAddressAttributeAsync(new ResetAddressAttributeRequest { AllocationId = eip.AllocationId, Attribute = AddressAttributeName.DomainName }, Ct)).Address;
        Assert.Equal(("mail.example.com.", "PENDING"), (reset.PtrRecord, reset.PtrRecordUpdate.Status));
        Assert.Empty((await _lab.Client.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest
        {
            AllocationIds = [eip.AllocationId], Attribute = AddressAttributeName.DomainName,
        }, Ct)).Addresses);
        await _lab.Client.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = eip.AllocationId }, Ct);
        var noName = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.ModifyAddressAttributeAsync(new ModifyAddressAttributeRequest { AllocationId = eip.AllocationId, DomainName = "mail.example.com" }, Ct));
        Assert.Equal("InvalidAllocationID.NotFound", noName.ErrorCode);
    }

    // AssociateAddress, DisassociateAddress, ReleaseAddress without the id their references call required:
    // MissingParameter with HTTP 400, through the SDK.
    [Fact]
    public async Task AddressCalls_WithoutIds_MissingParameter()
    {
        var errors = new[]
        {
            await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.AssociateAddressAsync(new AssociateAddressRequest { InstanceId = "i-0123456789abcdef0" }, Ct)),
            await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.DisassociateAddressAsync(new DisassociateAddressRequest(), Ct)),
            await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.ReleaseAddressAsync(new ReleaseAddressRequest(), Ct)),
        };
        Assert.All(errors, e => Assert.Equal(("MissingParameter", System.Net.HttpStatusCode.BadRequest), (e.ErrorCode, e.StatusCode)));
    }

    // Release an Elastic IP, then recover it with AllocateAddress Address (EC2 User Guide, "Release an Elastic IP
    // address": recovery); an address the lab never handed out is InvalidAddress.NotFound (no BYOIP pools).
    [Fact]
    public async Task AllocateAddress_ReleasedAddress_RecoveredAndUnknownRefused()
    {
        var first = await _lab.Client.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }, Ct);
        await _lab.Client.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = first.AllocationId }, Ct);
        var recovered = await _lab.Client.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc, Address = first.PublicIp }, Ct);
        Assert.Equal(first.PublicIp, recovered.PublicIp);
        Assert.NotEqual(first.AllocationId, recovered.AllocationId);
        var taken = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _lab.Client.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc, Address = first.PublicIp }, Ct));
        Assert.Equal("InvalidAddress.NotFound", taken.ErrorCode);
        var foreign = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _lab.Client.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc, Address = "127.38.43.222" }, Ct));
        Assert.Equal("InvalidAddress.NotFound", foreign.ErrorCode);
    }

    // API_ModifyVpcTenancy: InstanceTenancy's only value is default; the error reference's UnsupportedTenancy ("You can
    // change the tenancy of a VPC to default only") for any other, and the VPC keeps its tenancy.
    [Theory]
    [InlineData("dedicated")]
    [InlineData("host")]
    [InlineData("unknown")]
    public async Task ModifyVpcTenancy_NotDefault_UnsupportedTenancy(string tenancy)
    {
        var vpc = (await _lab.Client.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", InstanceTenancy = Tenancy.Dedicated }, Ct)).Vpc;
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _lab.Client.ModifyVpcTenancyAsync(new ModifyVpcTenancyRequest { VpcId = vpc.VpcId, InstanceTenancy = tenancy }, Ct));
        Assert.Equal("UnsupportedTenancy", error.ErrorCode);
        Assert.Equal($"The tenancy value {tenancy} is not supported.", error.Message);
        var after = (await _lab.Client.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }, Ct)).Vpcs.Single();
        Assert.Equal("dedicated", after.InstanceTenancy.Value);
    }

    // User data: base64 only (InvalidParameterValue otherwise); changed only while the instance is stopped.
    [Fact]
    public async Task UserData_NotBase64OrRunningInstance_Refused()
    {
        var bad = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.RunInstancesAsync(new RunInstancesRequest
        {
            MinCount = 1, MaxCount = 1, UserData = "not base64!",
        }, Ct));
        Assert.Equal("InvalidParameterValue", bad.ErrorCode);
        var instance = Assert.Single((await _lab.Client.RunInstancesAsync(new RunInstancesRequest { MinCount = 1, MaxCount = 1 }, Ct)).Reservation.Instances);
        var running = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest
        {
            InstanceId = instance.InstanceId, UserData = new SecureBlobAttributeValue { Value = new MemoryStream("echo hi"u8.ToArray()) },
        }, Ct));
        Assert.Equal("IncorrectInstanceState", running.ErrorCode);
        await _lab.Client.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] }, Ct);
        await _lab.Client.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest
        {
            InstanceId = instance.InstanceId, UserData = new SecureBlobAttributeValue { Value = new MemoryStream("echo hi"u8.ToArray()) },
        }, Ct);
        var attribute = (await _lab.Client.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest
        {
            InstanceId = instance.InstanceId, Attribute = InstanceAttributeName.UserData,
        }, Ct)).InstanceAttribute;
        Assert.False(string.IsNullOrEmpty(attribute.UserData));
    }
}
