using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

public sealed partial class Ec2SdkTests
{
    [Fact]
    public async Task DescribeSubnets_NextTokenLoop_SeesEverySubnetOnce()
    {
        var vpc = await NewVpc();
        var created = new List<string>();
        for (int i = 0; i < 13; i++)
            created.Add((await NewSubnet(vpc.VpcId, $"10.0.{i}.0/24")).SubnetId);

        var seen = new List<string>();
        var request = new DescribeSubnetsRequest { MaxResults = 5, Filters = [new Filter("vpc-id", [vpc.VpcId])] };
        int pages = 0;
        do
        {
            var page = await _ec2.DescribeSubnetsAsync(request, Ct);
            seen.AddRange(page.Subnets.Select(s => s.SubnetId));
            request.NextToken = page.NextToken;
            pages++;
        }
        while (!string.IsNullOrEmpty(request.NextToken));
        Assert.Equal(3, pages);
        Assert.Equal(created.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task SdkPaginator_DescribeSecurityGroups_WalksAllPages()
    {
        var vpc = await NewVpc();
        for (int i = 0; i < 11; i++)
            await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = $"g{i}", Description = "g", VpcId = vpc.VpcId }, Ct);
        var names = new List<string>();
        await foreach (var group in _ec2.Paginators.DescribeSecurityGroups(new DescribeSecurityGroupsRequest { MaxResults = 5, Filters = [new Filter("vpc-id", [vpc.VpcId])] }).SecurityGroups.WithCancellation(Ct))
            names.Add(group.GroupName);
        Assert.Equal(12, names.Count); // 11 + the VPC's default group
        Assert.Equal(12, names.Distinct().Count());
    }

    [Fact]
    public async Task DescribeInstances_MaxResults_PagesReservations()
    {
        var vpc = await NewVpc();
        var subnet = await NewSubnet(vpc.VpcId);
        for (int i = 0; i < 6; i++)
            await _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = subnet.SubnetId }, Ct);
        var first = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5 }, Ct);
        Assert.Equal(5, first.Reservations.Count);
        var second = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, NextToken = first.NextToken }, Ct);
        Assert.Single(second.Reservations);
        Assert.True(string.IsNullOrEmpty(second.NextToken));
    }

    [Fact]
    public async Task Paging_BadTokenOrMaxResults_MapToAmazonEc2Exception()
    {
        var range = await Fails(() => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 4 }, Ct)); // the SDK itself checks ranges the model states
        Assert.Equal("InvalidParameterValue", range.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);

        var token = await Fails(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { NextToken = "garbage!" }, Ct));
        Assert.Equal("InvalidParameterValue", token.ErrorCode);

        var combination = await Fails(() => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"], MaxResults = 5 }, Ct));
        Assert.Equal("InvalidParameterCombination", combination.ErrorCode);
    }

    [Fact]
    public async Task ClientToken_SdkRetrySameToken_SameNatGateway()
    {
        var vpc = await NewVpc();
        var subnet = await NewSubnet(vpc.VpcId);
        var request = new CreateNatGatewayRequest { SubnetId = subnet.SubnetId, ConnectivityType = ConnectivityType.Private, ClientToken = "nat-token-1" };
        var first = await _ec2.CreateNatGatewayAsync(request, Ct);
        var again = await _ec2.CreateNatGatewayAsync(request, Ct);
        Assert.Equal(first.NatGateway.NatGatewayId, again.NatGateway.NatGatewayId);
        Assert.Equal("nat-token-1", again.ClientToken);
        Assert.Single((await _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest(), Ct)).NatGateways);

        var mismatch = await Fails(() => _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest
        {
            SubnetId = subnet.SubnetId, ConnectivityType = ConnectivityType.Private, ClientToken = "nat-token-1", PrivateIpAddress = "10.0.1.50",
        }, Ct));
        Assert.Equal("IdempotentParameterMismatch", mismatch.ErrorCode);
    }
}
