using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

public sealed partial class Ec2SdkTests
{
    [Fact]
    public async Task NetworkInterface_Lifecycle_AddressesAttributesAttachment()
    {
        var vpc = await NewVpc(ipv6: true);
        var subnet = await NewSubnet(vpc.VpcId);
        var v6 = Assert.Single(vpc.Ipv6CidrBlockAssociationSet).Ipv6CidrBlock.Replace("/56", "/64", StringComparison.Ordinal);
        await _ec2.AssociateSubnetCidrBlockAsync(new AssociateSubnetCidrBlockRequest { SubnetId = subnet.SubnetId, Ipv6CidrBlock = v6 }, Ct);
        var sg = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "eni", Description = "eni", VpcId = vpc.VpcId }, Ct)).GroupId;

        var created = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnet.SubnetId, Description = "spare", Groups = [sg], PrivateIpAddress = "10.0.1.10",
            TagSpecifications = Named(ResourceType.NetworkInterface, "spare"),
        }, Ct)).NetworkInterface;
        var id = created.NetworkInterfaceId;
        Assert.StartsWith("eni-", id, StringComparison.Ordinal);
        Assert.Equal("10.0.1.10", created.PrivateIpAddress);
        Assert.Equal("ip-10-0-1-10.ec2.internal", created.PrivateDnsName);
        Assert.Equal(NetworkInterfaceStatus.Available, created.Status);
        Assert.Equal("interface", created.InterfaceType.Value);
        Assert.Equal("us-east-1a", created.AvailabilityZone);
        Assert.Equal("spare", created.Description);
        Assert.Equal(sg, Assert.Single(created.Groups).GroupId);
        Assert.Equal("eni", created.Groups[0].GroupName);
        Assert.Matches("^0e(:[0-9a-f]{2}){5}$", created.MacAddress);
        Assert.True(created.SourceDestCheck);
        Assert.Equal("spare", Assert.Single(created.TagSet).Value);
        Assert.Null(created.Association);

        await _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, SourceDestCheck = false }, Ct);
        var assigned = await _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = id, SecondaryPrivateIpAddressCount = 2 }, Ct);
        Assert.Equal(id, assigned.NetworkInterfaceId);
        Assert.Equal(2, assigned.AssignedPrivateIpAddresses.Count);
        var v6Assigned = await _ec2.AssignIpv6AddressesAsync(new AssignIpv6AddressesRequest { NetworkInterfaceId = id, Ipv6AddressCount = 1 }, Ct);
        var v6Address = Assert.Single(v6Assigned.AssignedIpv6Addresses);

        var described = Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("subnet-id", [subnet.SubnetId])],
        }, Ct)).NetworkInterfaces);
        Assert.False(described.SourceDestCheck);
        Assert.Equal(3, described.PrivateIpAddresses.Count);
        Assert.True(Assert.Single(described.PrivateIpAddresses, p => p.Primary == true).PrivateIpAddress == "10.0.1.10");
        Assert.Equal(v6Address, Assert.Single(described.Ipv6Addresses).Ipv6Address);

        var subnetNow = Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] }, Ct)).Subnets);
        Assert.Equal(251 - 3, subnetNow.AvailableIpAddressCount);

        await _ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest
        {
            NetworkInterfaceId = id,
            PrivateIpAddresses = [.. assigned.AssignedPrivateIpAddresses.Select(a => a.PrivateIpAddress)],
        }, Ct);
        var unassigned = await _ec2.UnassignIpv6AddressesAsync(new UnassignIpv6AddressesRequest { NetworkInterfaceId = id, Ipv6Addresses = [v6Address] }, Ct);
        Assert.Equal(v6Address, Assert.Single(unassigned.UnassignedIpv6Addresses));

        var instance = Assert.Single((await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = subnet.SubnetId,
        }, Ct)).Reservation.Instances);
        var attached = await _ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = id, InstanceId = instance.InstanceId, DeviceIndex = 1 }, Ct);
        Assert.StartsWith("eni-attach-", attached.AttachmentId, StringComparison.Ordinal);
        var inUse = Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] }, Ct)).NetworkInterfaces);
        Assert.Equal(NetworkInterfaceStatus.InUse, inUse.Status);
        Assert.Equal(instance.InstanceId, inUse.Attachment.InstanceId);
        Assert.Equal(1, inUse.Attachment.DeviceIndex);
        Assert.Equal(AttachmentStatus.Attached, inUse.Attachment.Status);
        Assert.Equal("111111111111", inUse.Attachment.InstanceOwnerId);

        var withTwo = Assert.Single(Assert.Single((await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance.InstanceId] }, Ct)).Reservations).Instances);
        Assert.Equal(2, withTwo.NetworkInterfaces.Count);

        await _ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attached.AttachmentId }, Ct);
        await _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = id }, Ct);
        var e = await Fails(() => _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] }, Ct));
        Assert.Equal("InvalidNetworkInterfaceID.NotFound", e.ErrorCode);
    }

    [Fact]
    public async Task Instances_RunDescribeStopStartTerminate_WithAwsStateCodes()
    {
        var vpc = await NewVpc();
        await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true }, Ct);
        var subnet = await NewSubnet(vpc.VpcId);
        await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, MapPublicIpOnLaunch = true }, Ct);
        var igw = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest(), Ct)).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw, VpcId = vpc.VpcId }, Ct);

        var reservation = (await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 2, MaxCount = 2, SubnetId = subnet.SubnetId,
            TagSpecifications = Named(ResourceType.Instance, "web"),
        }, Ct)).Reservation;
        Assert.StartsWith("r-", reservation.ReservationId, StringComparison.Ordinal);
        Assert.Equal("111111111111", reservation.OwnerId);
        Assert.Equal(2, reservation.Instances.Count);
        var first = reservation.Instances[0];
        Assert.StartsWith("i-", first.InstanceId, StringComparison.Ordinal);
        Assert.Equal("ami-0fc50b841d13a3d05", first.ImageId);
        Assert.Equal(InstanceType.T3Micro, first.InstanceType);
        Assert.Equal(subnet.SubnetId, first.SubnetId);
        Assert.Equal(vpc.VpcId, first.VpcId);
        Assert.Equal("us-east-1a", first.Placement.AvailabilityZone);
        Assert.StartsWith("10.0.1.", first.PrivateIpAddress, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(first.PublicIpAddress));
        Assert.Equal($"ec2-{first.PublicIpAddress.Replace('.', '-')}.compute-1.amazonaws.com", first.PublicDnsName);
        Assert.NotNull(first.LaunchTime);
        Assert.Equal("web", Assert.Single(first.Tags).Value);
        Assert.Equal("default", Assert.Single(first.SecurityGroups).GroupName);
        var eni = Assert.Single(first.NetworkInterfaces);
        Assert.Equal("amazon", eni.Association.IpOwnerId);
        Assert.Equal(first.PublicIpAddress, eni.Association.PublicIp);
        Assert.Equal(0, eni.Attachment.DeviceIndex);
        Assert.Contains(first.State.Code, new int?[] { 0, 16 });

        var running = (await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("instance-state-name", ["running", "pending"]), new Filter("tag:Name", ["web"])],
        }, Ct)).Reservations;
        Assert.Equal(reservation.ReservationId, Assert.Single(running).ReservationId);
        Assert.Equal(2, running[0].Instances.Count);

        var stopped = await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [first.InstanceId] }, Ct);
        var stopChange = Assert.Single(stopped.StoppingInstances);
        Assert.Equal(first.InstanceId, stopChange.InstanceId);
        Assert.Contains(stopChange.CurrentState.Code, new int?[] { 64, 80 });
        Assert.Equal(16, stopChange.PreviousState.Code);

        var started = await _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [first.InstanceId] }, Ct);
        Assert.Contains(Assert.Single(started.StartingInstances).CurrentState.Name.Value, new[] { "pending", "running" });

        var terminated = await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [.. reservation.Instances.Select(i => i.InstanceId)] }, Ct);
        Assert.Equal(2, terminated.TerminatingInstances.Count);
        Assert.All(terminated.TerminatingInstances, t => Assert.Contains(t.CurrentState.Code, new int?[] { 32, 48 }));

        var gone = Assert.Single((await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [first.InstanceId] }, Ct)).Reservations).Instances.Single();
        Assert.Contains(gone.State.Name.Value, new[] { "shutting-down", "terminated" });
    }

    [Fact]
    public async Task RunInstances_BadSubnet_IsNotFound_AndNothingLaunches()
    {
        var e = await Fails(() => _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = "subnet-0123456789abcdef0",
        }, Ct));
        Assert.Equal("InvalidSubnetID.NotFound", e.ErrorCode);
        Assert.Empty((await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest(), Ct)).Reservations);
    }

    [Fact]
    public async Task Tags_CreateDescribeFilterDelete_RoundTripThroughTheSdk()
    {
        var vpc = await NewVpc();
        var subnet = await NewSubnet(vpc.VpcId);
        await _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc.VpcId, subnet.SubnetId], Tags = [new Tag("env", "lab"), new Tag("Name", "x")] }, Ct);

        var all = (await _ec2.DescribeTagsAsync(new DescribeTagsRequest(), Ct)).Tags;
        Assert.Equal(4, all.Count);
        var vpcName = Assert.Single(all, t => t.ResourceId == vpc.VpcId && t.Key == "Name");
        Assert.Equal(ResourceType.Vpc, vpcName.ResourceType);
        Assert.Equal("x", vpcName.Value);

        var subnets = (await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-type", ["subnet"]), new Filter("key", ["env"])] }, Ct)).Tags;
        Assert.Equal(subnet.SubnetId, Assert.Single(subnets).ResourceId);

        await _ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [vpc.VpcId], Tags = [new Tag { Key = "env" }] }, Ct);
        var left = (await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [vpc.VpcId])] }, Ct)).Tags;
        Assert.Equal("Name", Assert.Single(left).Key);

        var described = Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] }, Ct)).Subnets);
        Assert.Equal(2, described.Tags.Count);
    }

    [Fact]
    public async Task ManagedPrefixLists_CreateModifyDescribeDelete_RoundTripThroughTheSdk()
    {
        var created = (await _ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "corp", MaxEntries = 5, AddressFamily = "IPv4",
            Entries = [new AddPrefixListEntry { Cidr = "10.0.0.0/8", Description = "ten" }],
        }, Ct)).PrefixList;
        Assert.StartsWith("pl-", created.PrefixListId, StringComparison.Ordinal);
        Assert.Equal("111111111111", created.OwnerId);
        Assert.Equal(5, created.MaxEntries);
        Assert.Equal(1L, created.Version);
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:prefix-list/{created.PrefixListId}", created.PrefixListArn);

        var modified = (await _ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = created.PrefixListId, CurrentVersion = 1,
            AddEntries = [new AddPrefixListEntry { Cidr = "192.168.0.0/16" }],
        }, Ct)).PrefixList;
        Assert.Equal(2L, modified.Version);

        var entries = (await _ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = created.PrefixListId }, Ct)).Entries;
        Assert.Equal(new[] { "10.0.0.0/8", "192.168.0.0/16" }, entries.Select(e => e.Cidr));
        Assert.Equal("ten", entries[0].Description);

        var lists = (await _ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest(), Ct)).PrefixLists;
        var s3 = Assert.Single(lists, l => l.PrefixListName == "com.amazonaws.us-east-1.s3");
        Assert.Equal("AWS", s3.OwnerId);
        Assert.Equal("arn:aws:ec2:us-east-1:aws:prefix-list/pl-63a5400a", s3.PrefixListArn);
        Assert.Contains(lists, l => l.PrefixListId == created.PrefixListId);

        var service = (await _ec2.DescribePrefixListsAsync(new DescribePrefixListsRequest(), Ct)).PrefixLists;
        Assert.Equal(9, service.Count); // the IPv4 AWS-managed lists of the VPC User Guide and S3's IPv6 list (RegionCatalog)
        var s3Service = Assert.Single(service, p => p.PrefixListId == "pl-63a5400a");
        Assert.Contains("52.216.0.0/15", s3Service.Cidrs);

        var deleted = (await _ec2.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = created.PrefixListId }, Ct)).PrefixList;
        Assert.Equal(PrefixListState.DeleteComplete, deleted.State);
    }
}
