using Amazon.EC2;
using Amazon.EC2.Model;
using static VpcLab.Server.Tests.TerraformReplays.ProviderReplay;

namespace VpcLab.Server.Tests.TerraformReplays;

/// <summary>The calls of aws_launch_template and of aws_instance's launch_template block (provider source:
/// internal/service/ec2/ec2_launch_template.go, ec2_instance.go, findLaunchTemplateByID and
/// findLaunchTemplateVersionByTwoPartKey in find.go).</summary>
internal static class LaunchTemplateReplays
{
    // aws_launch_template: create (ClientToken, name, tags as a launch-template TagSpecification, LaunchTemplateData with
    // UserData always set, "" when unset), read (DescribeLaunchTemplates by id, then the latest version by number),
    // update (a new version with the whole data and no SourceVersion, then ModifyLaunchTemplate for
    // update_default_version), an aws_instance launched from it, delete (DeleteLaunchTemplate; InvalidLaunchTemplateId.NotFound
    // is "already gone").
    public static async Task AwsLaunchTemplate(ProviderReplay r)
    {
        var vpc = (await r.Client.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.60.0.0/16" }, r.Ct)).Vpc.VpcId;
        var subnet = (await r.Client.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.60.1.0/24", AvailabilityZone = "us-east-1a" }, r.Ct)).Subnet.SubnetId;
        var group = (await r.Client.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "lt", Description = "lt", VpcId = vpc }, r.Ct)).GroupId;
        var data = new RequestLaunchTemplateData
        {
            UserData = "",
            ImageId = InstanceReplays.ImageId,
            InstanceType = InstanceType.T3Micro,
            NetworkInterfaces = [new LaunchTemplateInstanceNetworkInterfaceSpecificationRequest { DeviceIndex = 0, SubnetId = subnet, Groups = [group], AssociatePublicIpAddress = false }],
            MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpEndpoint = LaunchTemplateInstanceMetadataEndpointState.Enabled, HttpTokens = LaunchTemplateHttpTokensState.Required },
            TagSpecifications = [new LaunchTemplateTagSpecificationRequest { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", "from-lt")] }],
        };
        var created = (await r.Client.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
        {
            ClientToken = "terraform-20260101000000000000000001",
            LaunchTemplateName = "terraform-replay",
            TagSpecifications = Tags(ResourceType.LaunchTemplate, "replay"),
            LaunchTemplateData = data,
        }, r.Ct)).LaunchTemplate;
        var id = Present(created.LaunchTemplateId, "LaunchTemplateId");
        await ReadAsync(r, id, expectedLatest: 1, expectedDefault: 1);

        var v2 = (await r.Client.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            ClientToken = "terraform-20260101000000000000000002",
            LaunchTemplateId = id,
            VersionDescription = "update",
            LaunchTemplateData = new RequestLaunchTemplateData
            {
                UserData = "", ImageId = data.ImageId, InstanceType = InstanceType.T3Small, NetworkInterfaces = data.NetworkInterfaces,
                MetadataOptions = data.MetadataOptions, TagSpecifications = data.TagSpecifications,
            },
        }, r.Ct)).LaunchTemplateVersion;
        await r.Client.ModifyLaunchTemplateAsync(new ModifyLaunchTemplateRequest { LaunchTemplateId = id, DefaultVersion = Present(v2.VersionNumber, "VersionNumber").ToString(System.Globalization.CultureInfo.InvariantCulture) }, r.Ct);
        var read = await ReadAsync(r, id, expectedLatest: 2, expectedDefault: 2);
        Assert.Equal(InstanceType.T3Small, read.LaunchTemplateData.InstanceType);
        Assert.Equal("update", read.VersionDescription);

        // aws_instance { launch_template { id, version = "$Latest" } }: RunInstances with LaunchTemplate, then the read
        // finds the template from the instance's aws:ec2launchtemplate:id/version tags.
        var instance = Assert.Single((await r.Client.RunInstancesAsync(new RunInstancesRequest
        {
            MinCount = 1, MaxCount = 1, LaunchTemplate = new LaunchTemplateSpecification { LaunchTemplateId = id, Version = "$Latest" },
        }, r.Ct)).Reservation.Instances);
        var described = Assert.Single(Assert.Single((await r.Client.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance.InstanceId] }, r.Ct)).Reservations).Instances);
        var tags = described.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal((id, "2", "from-lt"), (tags["aws:ec2launchtemplate:id"], tags["aws:ec2launchtemplate:version"], tags["Name"]));
        Assert.Equal((subnet, "t3.small"), (described.SubnetId, described.InstanceType.Value));
        await r.Client.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] }, r.Ct);

        await r.Client.DeleteLaunchTemplateAsync(new DeleteLaunchTemplateRequest { LaunchTemplateId = id }, r.Ct);
        await r.GoneAsync("aws_launch_template", async () => (await r.Client.DescribeLaunchTemplatesAsync(
            new DescribeLaunchTemplatesRequest { LaunchTemplateIds = [id] }, r.Ct)).LaunchTemplates.Count, "InvalidLaunchTemplateId.NotFound");
        var again = await Assert.ThrowsAsync<AmazonEC2Exception>(() => r.Client.DeleteLaunchTemplateAsync(new DeleteLaunchTemplateRequest { LaunchTemplateId = id }, r.Ct));
        Assert.Equal("InvalidLaunchTemplateId.NotFound", again.ErrorCode); // the provider's "already deleted"
    }

    /// <summary>resourceLaunchTemplateRead: the template by id, then its latest version by number; every field the
    /// read sets.</summary>
    private static async Task<LaunchTemplateVersion> ReadAsync(ProviderReplay r, string id, long expectedLatest, long expectedDefault)
    {
        var lt = Assert.Single((await r.Client.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateIds = [id] }, r.Ct)).LaunchTemplates);
        Assert.Equal((expectedLatest, expectedDefault), (Present(lt.LatestVersionNumber, "LatestVersionNumber"), Present(lt.DefaultVersionNumber, "DefaultVersionNumber")));
        Present(lt.LaunchTemplateName, "LaunchTemplateName");
        Assert.Equal("replay", Assert.Single(lt.Tags).Value);
        var version = Assert.Single((await r.Client.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest
        {
            LaunchTemplateId = id, Versions = [expectedLatest.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        }, r.Ct)).LaunchTemplateVersions);
        var data = Present(version.LaunchTemplateData, "LaunchTemplateData");
        Present(data.ImageId, "ImageId");
        var nic = Assert.Single(data.NetworkInterfaces);
        Present(nic.SubnetId, "NetworkInterfaces.SubnetId");
        Assert.Single(nic.Groups);
        Assert.Equal(LaunchTemplateHttpTokensState.Required, data.MetadataOptions.HttpTokens);
        Assert.Equal(ResourceType.Instance, Assert.Single(data.TagSpecifications).ResourceType);
        return version;
    }
}
