using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpoints;

/// <summary>DescribeVpcEndpoints: ids, filters, DNS entries and group names; the caller's account and Region only.</summary>
public sealed class DescribeVpcEndpointsTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private sealed record World(TestLab Lab, Vpc Vpc, Vpc Other, VpcEndpoint S3, VpcEndpoint Sns, VpcEndpoint Dynamo);

    private static World Build()
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var other = lab.DnsVpc("10.1.0.0/16");
        var s3 = lab.Gateway(vpc, EndpointLab.S3, lab.MainTable(vpc));
        var sns = lab.Interface(vpc, EndpointLab.Sns, [lab.Subnet(vpc, "10.0.1.0/24", "us-east-1b"), lab.Subnet(vpc, "10.0.2.0/24", "us-east-1a")]);
        var dynamo = lab.Gateway(other, EndpointLab.DynamoDb);
        lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [sns.Id.Value], Tags = [new Tag("team", "app")] });
        return new World(lab, vpc, other, s3, sns, dynamo);
    }

    private static readonly World W = Build();

    private static IEnumerable<VpcEndpointId> Ids(params Filter[] filters) =>
        W.Lab.Cp.DescribeVpcEndpoints(Ctx, new DescribeVpcEndpointsRequest { Filters = filters }).VpcEndpoints.Select(v => v.Endpoint.Id);

    // AWS filter semantics (spec §1): names AND-ed, values OR-ed, wildcards; the endpoint filters of the spec.
    [Theory]
    [InlineData("service-name", EndpointLab.S3, "s3")]
    [InlineData("service-name", "com.amazonaws.us-east-1.*", "s3,sns,dynamo")]
    [InlineData("vpc-endpoint-type", "Interface", "sns")]
    [InlineData("vpc-endpoint-type", "Gateway", "s3,dynamo")]
    [InlineData("vpc-endpoint-state", "available", "s3,sns,dynamo")]
    [InlineData("vpc-endpoint-state", "pending", "")]
    [InlineData("ip-address-type", "ipv4", "s3,sns,dynamo")]
    [InlineData("service-region", "us-east-1", "s3,sns,dynamo")]
    [InlineData("tag:team", "app", "sns")]
    [InlineData("tag-key", "team", "sns")]
    public void Filters_SelectEndpoints(string name, string value, string expected)
    {
        var names = new Dictionary<VpcEndpointId, string> { [W.S3.Id] = "s3", [W.Sns.Id] = "sns", [W.Dynamo.Id] = "dynamo" };
        var want = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.Equal(want, Ids(new Filter(name, value)).Select(id => names[id]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Filters_VpcIdAndEndpointId_AndedAcrossNames()
    {
        Assert.Equal([W.Dynamo.Id], Ids(new Filter("vpc-id", W.Other.Id.Value)));
        Assert.Equal([W.Sns.Id], Ids(new Filter("vpc-id", W.Vpc.Id.Value), new Filter("vpc-endpoint-id", W.Sns.Id.Value, W.Dynamo.Id.Value)));
        W.Lab.FailsWith("InvalidParameterValue", () => Ids(new Filter("no-such-filter", "x")).ToList());
    }

    // AWS rule: describing by id fails as a whole on a malformed or unknown id.
    [Theory]
    [InlineData("vpce-0123456789abcdef0", "InvalidVpcEndpointId.NotFound")]
    [InlineData("vpce-zz", "InvalidVpcEndpointId.Malformed")]
    [InlineData("sg-0123456789abcdef0", "InvalidVpcEndpointId.Malformed")]
    public void ById_UnknownOrMalformed_Refused(string id, string code) =>
        W.Lab.FailsWith(code, () => W.Lab.Cp.DescribeVpcEndpoints(Ctx, new DescribeVpcEndpointsRequest { VpcEndpointIds = [W.S3.Id.Value, id] }));

    // Only the caller's account and Region: another account (or Region) sees none and cannot name them.
    [Theory]
    [InlineData("222222222222", "us-east-1")]
    [InlineData("111111111111", "eu-west-1")]
    public void DescribeVpcEndpoints_OtherAccountOrRegion_EmptyAndIdsNotFound(string account, string region)
    {
        var ctx = RequestContext.For(account, region);
        Assert.Empty(W.Lab.Cp.DescribeVpcEndpoints(ctx, new DescribeVpcEndpointsRequest()).VpcEndpoints);
        W.Lab.FailsWith("InvalidVpcEndpointId.NotFound", () => W.Lab.Cp.DescribeVpcEndpoints(ctx, new DescribeVpcEndpointsRequest { VpcEndpointIds = [W.S3.Id.Value] }));
    }

    // Spec (e): regional name first, then one zonal name per zone (sorted), then the private DNS name with its own
    // hosted zone; format vpce-ID-SUFFIX[-ZONE].SERVICE.REGION.vpce.amazonaws.com.
    [Fact]
    public void DnsEntries_PrivateDnsOn_RegionalThenZonalThenPrivateName()
    {
        var view = W.Lab.Cp.DescribeVpcEndpoints(Ctx, new DescribeVpcEndpointsRequest { VpcEndpointIds = [W.Sns.Id.Value] }).VpcEndpoints.Single();
        var prefix = $"{W.Sns.Id}-{W.Sns.DnsSuffix}";
        Assert.Equal(
            [
                $"{prefix}.sns.us-east-1.vpce.amazonaws.com",
                $"{prefix}-us-east-1a.sns.us-east-1.vpce.amazonaws.com",
                $"{prefix}-us-east-1b.sns.us-east-1.vpce.amazonaws.com",
                "sns.us-east-1.amazonaws.com",
            ],
            view.DnsEntries.Select(e => e.DnsName));
        Assert.Equal([null, "us-east-1a", "us-east-1b", null], view.DnsEntries.Select(e => e.AvailabilityZone));
        Assert.True(view.DnsEntries[^1].IsPrivateDnsName);
        Assert.NotEqual(view.DnsEntries[0].HostedZoneId, view.DnsEntries[^1].HostedZoneId);
        Assert.Equal("default", Assert.Single(view.Groups).Name);
    }

    // Without private DNS, the service's own name is not listed; gateway endpoints have no entries.
    [Fact]
    public void DnsEntries_PrivateDnsOff_NoServiceName()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var endpoint = lab.Interface(vpc, EndpointLab.Sqs, [lab.Subnet(vpc)], privateDns: false);
        var view = lab.Cp.ViewOf(endpoint);
        Assert.Equal(2, view.DnsEntries.Count);
        Assert.DoesNotContain(view.DnsEntries, e => e.IsPrivateDnsName);
    }

    [Fact]
    public void DescribeVpcEndpoints_NoFilter_AllSortedById()
    {
        var ids = W.Lab.Cp.DescribeVpcEndpoints(Ctx, new DescribeVpcEndpointsRequest()).VpcEndpoints.Select(v => v.Endpoint.Id.Value).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }
}
