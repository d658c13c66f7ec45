using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using static VpcLab.Server.Tests.TerraformReplays.ProviderReplay;

namespace VpcLab.Server.Tests.TerraformReplays;

/// <summary>The calls of aws_network_interface (+ its attachment), aws_instance and aws_eip_association (provider
/// source: internal/service/ec2/vpc_network_interface.go, ec2_instance.go, ec2_eip_association.go).</summary>
internal static class InstanceReplays
{
    /// <summary>AL2023 in us-east-1, from the lab's catalogue (src/VpcLab.ControlPlane/Images/).</summary>
    public const string ImageId = "ami-0fc50b841d13a3d05";

    private static async Task<NetworkInterface> DescribeInterfaceAsync(ProviderReplay r, string id) =>
        Assert.Single((await r.Client.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] }, r.Ct)).NetworkInterfaces);

    // aws_network_interface with an attachment block: create, waitNetworkInterfaceCreated ("available"), update
    // source_dest_check, AttachNetworkInterface + waitNetworkInterfaceAttached ("attached"), read, detach +
    // waitNetworkInterfaceDetached ("available"), delete.
    public static async Task AwsNetworkInterface(ProviderReplay r)
    {
        var (vpc, subnet) = await NetworkAsync(r, "10.40.0.0/16");
        var eni = (await r.Client.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnet.SubnetId,
            Description = "replay",
            PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.40.1.10", Primary = true }],
            TagSpecifications = Tags(ResourceType.NetworkInterface, "replay"),
        }, r.Ct)).NetworkInterface;
        await r.WaitAsync("aws_network_interface create", async () => (await DescribeInterfaceAsync(r, eni.NetworkInterfaceId)).Status?.Value, "available");
        await r.Client.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, SourceDestCheck = false }, r.Ct);
        var instance = await RunAsync(r, subnet.SubnetId, userData: null);
        var attachmentId = (await r.Client.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId, InstanceId = instance.InstanceId, DeviceIndex = 1,
        }, r.Ct)).AttachmentId;
        await r.WaitAsync("aws_network_interface attach", async () => (await DescribeInterfaceAsync(r, eni.NetworkInterfaceId)).Attachment?.Status?.Value, "attached");
        var read = await DescribeInterfaceAsync(r, eni.NetworkInterfaceId);
        Present(read.MacAddress, "MacAddress");
        Present(read.OwnerId, "OwnerId");
        Present(read.PrivateDnsName, "PrivateDnsName");
        Assert.Equal("10.40.1.10", read.PrivateIpAddress);
        Assert.False(read.SourceDestCheck);
        Present(read.InterfaceType?.Value, "InterfaceType");
        Assert.Single(read.Groups);
        Assert.Equal(attachmentId, read.Attachment.AttachmentId);
        Assert.Equal(1, read.Attachment.DeviceIndex);
        await r.Client.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attachmentId }, r.Ct);
        await r.WaitAsync("aws_network_interface detach", async () => (await DescribeInterfaceAsync(r, eni.NetworkInterfaceId)).Status?.Value, "available");
        await r.Client.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }, r.Ct);
        await r.GoneAsync("aws_network_interface", async () => (await r.Client.DescribeNetworkInterfacesAsync(
            new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [eni.NetworkInterfaceId] }, r.Ct)).NetworkInterfaces.Count, "InvalidNetworkInterfaceID.NotFound");
        await TerminateAsync(r, instance.InstanceId);
        await VpcResourceReplays.DeleteSubnetAsync(r, subnet.SubnetId);
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    private static async Task<(Vpc Vpc, Subnet Subnet)> NetworkAsync(ProviderReplay r, string cidr)
    {
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, cidr);
        var subnet = await VpcResourceReplays.CreateSubnetAsync(r, vpc.VpcId, cidr.Replace(".0.0/16", ".1.0/24", StringComparison.Ordinal), "us-east-1a");
        return (vpc, subnet);
    }

    /// <summary>aws_instance create: the AMI (DescribeImages, for the root device), RunInstances,
    /// waitInstanceCreated (pending -> running).</summary>
    private static async Task<Instance> RunAsync(ProviderReplay r, string subnetId, string? userData)
    {
        var image = Assert.Single((await r.Client.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [ImageId] }, r.Ct)).Images);
        Present(image.RootDeviceName, "Image.RootDeviceName");
        var launched = Assert.Single((await r.Client.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = ImageId,
            InstanceType = InstanceType.T3Micro,
            SubnetId = subnetId,
            MinCount = 1,
            MaxCount = 1,
            UserData = userData,
            TagSpecifications = Tags(ResourceType.Instance, "replay"),
        }, r.Ct)).Reservation.Instances);
        await r.WaitAsync("aws_instance create", async () => (await DescribeInstanceAsync(r, launched.InstanceId))?.State?.Name?.Value, "running");
        return launched;
    }

    private static async Task<Instance?> DescribeInstanceAsync(ProviderReplay r, string id) =>
        (await r.Client.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] }, r.Ct)).Reservations.SelectMany(x => x.Instances).SingleOrDefault();

    private static async Task TerminateAsync(ProviderReplay r, string id)
    {
        await r.Client.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] }, r.Ct);
        await r.WaitAsync("aws_instance delete", async () => (await DescribeInstanceAsync(r, id))?.State?.Name?.Value ?? "terminated", "terminated");
    }

    // aws_instance (t3.micro with user_data): create, then resourceInstanceRead: DescribeInstances,
    // DescribeInstanceTypes (BurstablePerformanceSupported), the launch template tag (DescribeTags), the
    // attributes instanceInitiatedShutdownBehavior, disableApiStop, disableApiTermination and userData,
    // DescribeInstanceCreditSpecifications; then aws_eip_association (AssociateAddress with the instance, read by
    // association-id, DisassociateAddress); delete: TerminateInstances + waitInstanceDeleted.
    public static async Task AwsInstanceAndEipAssociation(ProviderReplay r)
    {
        var (vpc, subnet) = await NetworkAsync(r, "10.41.0.0/16");
        var igw = await RoutingReplays.CreateAttachedGatewayAsync(r, vpc.VpcId);
        var userData = Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/bash\necho replay\n"));
        var launched = await RunAsync(r, subnet.SubnetId, userData);
        var id = launched.InstanceId;
        var instance = (await DescribeInstanceAsync(r, id))!;
        Present(instance.Placement?.AvailabilityZone, "Placement.AvailabilityZone");
        Present(instance.Placement?.Tenancy?.Value, "Placement.Tenancy");
        Present(instance.PrivateIpAddress, "PrivateIpAddress");
        Present(instance.PrivateDnsName, "PrivateDnsName");
        Present(instance.SubnetId, "SubnetId");
        Assert.Single(instance.SecurityGroups);
        var primary = Assert.Single(instance.NetworkInterfaces);
        Assert.Equal(0, Present(primary.Attachment, "NetworkInterfaces.Attachment").DeviceIndex);
        Present(primary.SourceDestCheck, "NetworkInterfaces.SourceDestCheck");
        // readBlockDevicesFromInstance: the EBS volumes of BlockDeviceMappings, read with DescribeVolumes; the root one
        // is the mapping of RootDeviceName.
        var root = Assert.Single(instance.BlockDeviceMappings, m => m.DeviceName == Present(instance.RootDeviceName, "RootDeviceName"));
        Present(root.Ebs.DeleteOnTermination, "BlockDeviceMappings.Ebs.DeleteOnTermination");
        var volume = Assert.Single((await r.Client.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [root.Ebs.VolumeId] }, r.Ct)).Volumes);
        Present(volume.Size, "Volume.Size");
        Present(volume.VolumeType?.Value, "Volume.VolumeType");
        Present(volume.Iops, "Volume.Iops");
        Present(volume.Throughput, "Volume.Throughput");
        Present(volume.Encrypted, "Volume.Encrypted");
        var type = Assert.Single((await r.Client.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = [InstanceType.T3Micro] }, r.Ct)).InstanceTypes);
        Assert.True(type.BurstablePerformanceSupported);
        Assert.Empty((await r.Client.DescribeTagsAsync(new DescribeTagsRequest
        {
            Filters = [new Filter("resource-id", [id]), new Filter("key", ["aws:ec2launchtemplate:id"])],
        }, r.Ct)).Tags);
        var shutdown = await Attribute(r, id, InstanceAttributeName.InstanceInitiatedShutdownBehavior);
        Assert.Equal("stop", shutdown.InstanceInitiatedShutdownBehavior);
        Assert.False((await Attribute(r, id, InstanceAttributeName.DisableApiStop)).DisableApiStop);
        Assert.False((await Attribute(r, id, InstanceAttributeName.DisableApiTermination)).DisableApiTermination);
        Assert.Equal(userData, (await Attribute(r, id, InstanceAttributeName.UserData)).UserData);
        var credits = Assert.Single((await r.Client.DescribeInstanceCreditSpecificationsAsync(
            new DescribeInstanceCreditSpecificationsRequest { InstanceIds = [id] }, r.Ct)).InstanceCreditSpecifications);
        Assert.Equal("unlimited", credits.CpuCredits);

        var allocationId = await RoutingReplays.AllocateAsync(r);
        var associationId = (await r.Client.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = allocationId, InstanceId = id }, r.Ct)).AssociationId;
        var associated = Assert.Single((await r.Client.DescribeAddressesAsync(new DescribeAddressesRequest
        {
            Filters = [new Filter("association-id", [associationId])],
        }, r.Ct)).Addresses);
        Assert.Equal(id, associated.InstanceId);
        Present(associated.NetworkInterfaceId, "NetworkInterfaceId");
        Present(associated.PrivateIpAddress, "PrivateIpAddress");
        await r.Client.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = associationId }, r.Ct);
        await RoutingReplays.ReleaseAsync(r, allocationId);

        await TerminateAsync(r, id);
        await RoutingReplays.DeleteAttachedGatewayAsync(r, igw.InternetGatewayId, vpc.VpcId);
        await VpcResourceReplays.DeleteSubnetAsync(r, subnet.SubnetId);
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    private static async Task<InstanceAttribute> Attribute(ProviderReplay r, string id, InstanceAttributeName name) =>
        (await r.Client.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = name }, r.Ct)).InstanceAttribute;
}
