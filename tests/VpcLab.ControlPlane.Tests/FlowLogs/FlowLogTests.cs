using CsCheck;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using static VpcLab.ControlPlane.Tests.FlowLogs.FlowLogTestKit;

namespace VpcLab.ControlPlane.Tests.FlowLogs;

/// <summary>DescribeFlowLogs, DeleteFlowLogs, tags, and the life of a flow log with its resource
/// (spec flow-logs.md §1, §6; choices in docs/semantics.md#flow-log-resources).</summary>
public sealed partial class FlowLogTests
{
    /// <summary>Three flow logs of one account (VPC to S3 ALL, subnet to CloudWatch REJECT, interface to S3 ACCEPT
    /// tagged team=net) and one of another account, to filter.</summary>
    private static (TestLab Lab, FlowLog Vpc, FlowLog Subnet, FlowLog Eni) World()
    {
        var lab = FlowLogLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var eni = lab.Eni(subnet);
        var vpcLog = Created(lab, ToS3(vpc.Id.Value));
        var subnetLog = Created(lab, ToCloudWatch(subnet.Id.Value, "Subnet", "REJECT", "subnet-group"));
        var eniLog = Created(lab, ToS3(eni.Id.Value, "NetworkInterface", "ACCEPT") with
        {
            TagSpecifications = [new TagSpecification(Ec2ControlPlane.VpcFlowLogResourceType, new Tag("team", "net"))],
        });
        var otherVpc = lab.Vpc("10.5.0.0/16", ctx: Other);
        Created(lab, ToS3(otherVpc.Id.Value), Other);
        return (lab, vpcLog, subnetLog, eniLog);
    }

    private static IReadOnlyList<FlowLog> Describe(TestLab lab, DescribeFlowLogsRequest request, RequestContext? ctx = null) =>
        lab.Cp.DescribeFlowLogs(ctx ?? TestLab.Ctx, request).FlowLogs;

    [Theory]
    [InlineData("log-destination-type", "s3", "vpc eni")]
    [InlineData("log-destination-type", "cloud-watch-logs", "subnet")]
    [InlineData("traffic-type", "REJECT", "subnet")]
    [InlineData("traffic-type", "ACCEPT", "eni")]
    [InlineData("log-group-name", "subnet-*", "subnet")]
    [InlineData("deliver-log-status", "SUCCESS", "vpc subnet eni")]
    [InlineData("deliver-log-status", "FAILED", "")]
    [InlineData("tag:team", "net", "eni")]
    [InlineData("tag-key", "team", "eni")]
    public void Describe_Filter_SelectsByAwsFilterName(string name, string value, string expected)
    {
        var (lab, vpc, subnet, eni) = World();
        var byName = new Dictionary<string, FlowLog> { ["vpc"] = vpc, ["subnet"] = subnet, ["eni"] = eni };
        var found = Describe(lab, new DescribeFlowLogsRequest { Filter = [new Filter(name, value)] });
        var want = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => byName[n].Id.Value).Order(StringComparer.Ordinal);
        Assert.Equal(want, found.Select(f => f.Id.Value));
    }

    [Fact]
    public void Describe_ResourceIdAndFlowLogIdFilters_AndIds()
    {
        var (lab, vpc, subnet, eni) = World();
        Assert.Equal(subnet.Id, Assert.Single(Describe(lab, new DescribeFlowLogsRequest { Filter = [new Filter("resource-id", subnet.ResourceId)] })).Id);
        Assert.Equal(eni.Id, Assert.Single(Describe(lab, new DescribeFlowLogsRequest { Filter = [new Filter("flow-log-id", eni.Id.Value)] })).Id);
        var byIds = Describe(lab, new DescribeFlowLogsRequest { FlowLogIds = [vpc.Id.Value, eni.Id.Value, "fl-0123456789abcdef0"] });
        Assert.Equal(new[] { vpc.Id, eni.Id }.OrderBy(i => i.Value, StringComparer.Ordinal), byIds.Select(f => f.Id));
        Assert.Equal(3, Describe(lab, new DescribeFlowLogsRequest()).Count); // not the other account's
    }

    [Fact]
    public void Describe_OtherAccountOrRegion_SeesOnlyItsOwn()
    {
        var (lab, vpc, _, _) = World();
        Assert.Single(Describe(lab, new DescribeFlowLogsRequest(), Other));
        Assert.Empty(Describe(lab, new DescribeFlowLogsRequest(), West));
        Assert.Empty(Describe(lab, new DescribeFlowLogsRequest { FlowLogIds = [vpc.Id.Value] }, Other));
    }

    [Fact]
    public void Describe_UnknownFilter_InvalidParameterValue()
    {
        var (lab, _, _, _) = World();
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.DescribeFlowLogs(TestLab.Ctx, new DescribeFlowLogsRequest { Filter = [new Filter("vpc-id", "x")] }));
    }

    [Fact]
    public void Delete_KnownAndUnknown_UnknownInUnsuccessfulOthersDeletedWithTags()
    {
        var (lab, vpc, subnet, eni) = World();
        var otherAccounts = lab.N.FlowLogs.Values.Single(f => f.OwnerId.Value == "222222222222");
        var result = lab.Cp.DeleteFlowLogs(TestLab.Ctx, new DeleteFlowLogsRequest
        {
            FlowLogIds = [eni.Id.Value, "fl-0123456789abcdef0", "not-a-flow-log", otherAccounts.Id.Value, vpc.Id.Value],
        });
        Assert.Equal(new[] { "fl-0123456789abcdef0", "not-a-flow-log", otherAccounts.Id.Value }, result.Unsuccessful.Select(u => u.ResourceId));
        Assert.All(result.Unsuccessful, u => Assert.Equal("InvalidFlowLogId.NotFound", u.Code));
        Assert.Equal(subnet.Id, Assert.Single(Describe(lab, new DescribeFlowLogsRequest())).Id);
        Assert.True(lab.N.TagsOf(eni.Id.Value).IsEmpty);
        Assert.True(lab.N.FlowLogs.ContainsKey(otherAccounts.Id));
    }

    [Fact]
    public void Delete_NoIds_MissingParameter()
    {
        var (lab, _, _, _) = World();
        lab.Fails(Ec2Errors.MissingParameterCode, () => lab.Cp.DeleteFlowLogs(TestLab.Ctx, new DeleteFlowLogsRequest()));
        lab.Fails(Ec2Errors.InvalidParameterCode, () => lab.Cp.DeleteFlowLogs(TestLab.Ctx, new DeleteFlowLogsRequest { FlowLogIds = [.. Enumerable.Range(0, 1001).Select(i => $"fl-{i:x8}")] }));
    }

    [Fact]
    public void Delete_DryRun_NothingDeleted()
    {
        var (lab, vpc, _, _) = World();
        lab.Fails(Ec2Errors.DryRunOperationCode, () => lab.Cp.DeleteFlowLogs(TestLab.Ctx, new DeleteFlowLogsRequest { FlowLogIds = [vpc.Id.Value], DryRun = true }));
    }

    // AWS: only a flow log's tags can change after creation; CreateTags/DescribeTags know vpc-flow-log.
    [Fact]
    public void Tags_CreateTagsOnFlowLog_DescribedAsVpcFlowLog()
    {
        var (lab, vpc, _, _) = World();
        lab.Cp.CreateTags(TestLab.Ctx, new CreateTagsRequest { Resources = [vpc.Id.Value], Tags = [new Tag("Name", "vpc-log")] });
        var tag = Assert.Single(lab.Cp.DescribeTags(TestLab.Ctx, new DescribeTagsRequest { Filters = [new Filter("resource-id", vpc.Id.Value)] }).Tags);
        Assert.Equal((Ec2ControlPlane.VpcFlowLogResourceType, "Name", "vpc-log"), (tag.ResourceType, tag.Key, tag.Value));
        lab.Fails(Ec2Errors.InvalidIdCode, () => lab.Cp.CreateTags(Other, new CreateTagsRequest { Resources = [vpc.Id.Value], Tags = [new Tag("k", "v")] }));
    }

    // AWS: a flow log goes with its resource (deleting a VPC, subnet or interface deletes its flow logs).
    [Theory]
    [InlineData("DeleteNetworkInterface")]
    [InlineData("TerminateInstances")]
    [InlineData("DeleteNatGateway")]
    [InlineData("DeleteSubnet")]
    [InlineData("DeleteVpc")]
    public void ResourceDeleted_ItsFlowLogsGoWithIt(string operation)
    {
        var lab = FlowLogLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var keep = lab.Vpc("10.1.0.0/16");
        var kept = Created(lab, ToS3(keep.Id.Value) with { TagSpecifications = TagSpecification.Named(Ec2ControlPlane.VpcFlowLogResourceType, "kept") });
        FlowLog log;
        switch (operation)
        {
            case "DeleteNetworkInterface":
                var eni = lab.Eni(subnet);
                log = Created(lab, ToS3(eni.Id.Value, "NetworkInterface"));
                lab.Cp.DeleteNetworkInterface(TestLab.Ctx, new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.Id.Value });
                break;
            case "TerminateInstances":
                var instance = lab.Instance(subnet);
                log = Created(lab, ToS3(instance.PrimaryNetworkInterface.Value, "NetworkInterface"));
                lab.Cp.TerminateInstances(TestLab.Ctx, new TerminateInstancesRequest { InstanceIds = [instance.Id.Value] });
                break;
            case "DeleteNatGateway":
                var nat = lab.Nat(subnet, isPublic: false);
                log = Created(lab, ToS3(nat.NetworkInterfaceId.Value, "NetworkInterface"));
                lab.Cp.DeleteNatGateway(TestLab.Ctx, new DeleteNatGatewayRequest { NatGatewayId = nat.Id.Value });
                break;
            case "DeleteSubnet":
                log = Created(lab, ToS3(subnet.Id.Value, "Subnet"));
                lab.Cp.DeleteSubnet(TestLab.Ctx, new DeleteSubnetRequest { SubnetId = subnet.Id.Value });
                break;
            default:
                log = Created(lab, ToCloudWatch(vpc.Id.Value) with { TagSpecifications = TagSpecification.Named(Ec2ControlPlane.VpcFlowLogResourceType, "gone") });
                lab.Cp.DeleteSubnet(TestLab.Ctx, new DeleteSubnetRequest { SubnetId = subnet.Id.Value });
                lab.Cp.DeleteVpc(TestLab.Ctx, new DeleteVpcRequest { VpcId = vpc.Id.Value });
                break;
        }
        Assert.False(lab.N.FlowLogs.ContainsKey(log.Id));
        Assert.True(lab.N.TagsOf(log.Id.Value).IsEmpty);
        Assert.Equal(kept, Assert.Single(lab.N.FlowLogs.Values));
        Assert.Equal("kept", lab.N.TagsOf(kept.Id.Value).Name);
    }

    // AWS: a VPC's or subnet's flow log also covers interfaces created after it (FlowLog.Covers).
    [Theory]
    [InlineData("VPC", "same-subnet", true)]
    [InlineData("VPC", "other-subnet", true)]
    [InlineData("VPC", "other-vpc", false)]
    [InlineData("Subnet", "same-subnet", true)]
    [InlineData("Subnet", "other-subnet", false)]
    [InlineData("NetworkInterface", "same-subnet", false)]
    public void Covers_InterfaceCreatedAfterTheFlowLog(string scope, string where, bool covered)
    {
        var lab = FlowLogLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var otherSubnet = lab.Subnet(vpc, "10.0.2.0/24");
        var otherVpcSubnet = lab.Subnet(lab.Vpc("10.1.0.0/16"), "10.1.1.0/24");
        var existing = lab.Eni(subnet);
        var resource = scope switch { "VPC" => vpc.Id.Value, "Subnet" => subnet.Id.Value, _ => existing.Id.Value };
        var log = Created(lab, ToS3(resource, scope));
        var later = lab.Eni(where switch { "same-subnet" => subnet, "other-subnet" => otherSubnet, _ => otherVpcSubnet });
        Assert.Equal(covered, lab.N.FlowLogs[log.Id].Covers(lab.N.NetworkInterfaces[later.Id]));
        Assert.True(lab.N.FlowLogs[log.Id].Covers(lab.N.NetworkInterfaces[existing.Id]));
    }

    // Invariant: whatever is asked, in any order, no two flow logs share resource, traffic type and destination,
    // and exactly the distinct combinations asked for exist.
    [Fact]
    public void Create_AnySequence_OneFlowLogPerResourceTrafficAndDestination()
    {
        var traffic = new[] { "ACCEPT", "REJECT", "ALL" };
        var buckets = new[] { "arn:aws:s3:::b-1", "arn:aws:s3:::b-1/", "arn:aws:s3:::b-1/x/", "arn:aws:s3:::b-2/x" };
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, 2], Gen.Int[0, 3]).Array[1, 30].Sample(asks =>
        {
            var lab = FlowLogLab();
            var vpcs = new[] { lab.Vpc(), lab.Vpc("10.1.0.0/16") };
            foreach (var (v, t, b) in asks)
                lab.Cp.CreateFlowLogs(TestLab.Ctx, ToS3(vpcs[v].Id.Value, traffic: traffic[t], bucket: buckets[b]));
            var expected = asks.Select(a => (a.Item1, a.Item2, a.Item3 == 1 ? 0 : a.Item3)).Distinct().Count();
            var logs = lab.N.FlowLogs.Values.ToList();
            Assert.Equal(expected, logs.Count);
            Assert.Equal(logs.Count, logs.Select(f => (f.ResourceId, f.TrafficType, f.S3Bucket, f.S3Prefix)).Distinct().Count());
        }, iter: 50);
    }
}
