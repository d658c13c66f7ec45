using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.LaunchTemplates;

/// <summary>EC2 launch templates through the AWS SDK for .NET against the server (docs/semantics.md#launch-templates):
/// create, versions (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplateVersion.html),
/// describe with filters, default version, per-version delete errors
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteLaunchTemplateVersions.html) and RunInstances
/// with LaunchTemplate (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html).</summary>
public sealed class LaunchTemplateSdkTests : IAsyncLifetime
{
    private const string ImageId = "ami-0fc50b841d13a3d05"; // AL2023 us-east-1

    private LoopbackEc2 _lab = null!;
    private string _subnetA = "";
    private string _subnetB = "";
    private string _group = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AmazonEC2Client Ec2 => _lab.Client;

    public async ValueTask InitializeAsync()
    {
        _lab = await LoopbackEc2.StartAsync(Ct);
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct)).Vpc.VpcId;
        _subnetA = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" }, Ct)).Subnet.SubnetId;
        _subnetB = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.2.0/24", AvailabilityZone = "us-east-1b" }, Ct)).Subnet.SubnetId;
        _group = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = vpc }, Ct)).GroupId;
    }

    public async ValueTask DisposeAsync() => await _lab.DisposeAsync();

    private async Task<LaunchTemplate> CreateAsync(string name, RequestLaunchTemplateData data, params Tag[] tags) =>
        (await Ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
        {
            LaunchTemplateName = name,
            VersionDescription = "first",
            LaunchTemplateData = data,
            TagSpecifications = tags.Length == 0 ? null : [new TagSpecification { ResourceType = ResourceType.LaunchTemplate, Tags = [.. tags] }],
        }, Ct)).LaunchTemplate;

    /// <summary>LaunchTemplateData is required (the model's CreateLaunchTemplate input); an empty one is not sent at all.</summary>
    private static RequestLaunchTemplateData Small => new() { InstanceType = InstanceType.T3Micro };

    private RequestLaunchTemplateData WebData() => new()
    {
        ImageId = ImageId,
        InstanceType = InstanceType.T3Micro,
        NetworkInterfaces =
        [
            new LaunchTemplateInstanceNetworkInterfaceSpecificationRequest
            {
                DeviceIndex = 0, SubnetId = _subnetA, Groups = [_group], AssociatePublicIpAddress = true, Description = "primary", DeleteOnTermination = true,
            },
        ],
        TagSpecifications = [new LaunchTemplateTagSpecificationRequest { ResourceType = ResourceType.Instance, Tags = [new Tag("Role", "web")] }],
        MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpTokens = LaunchTemplateHttpTokensState.Required, HttpPutResponseHopLimit = 2 },
        IamInstanceProfile = new LaunchTemplateIamInstanceProfileSpecificationRequest { Name = "web-profile" },
    };

    private async Task<List<LaunchTemplateVersion>> VersionsAsync(DescribeLaunchTemplateVersionsRequest request) =>
        (await Ec2.DescribeLaunchTemplateVersionsAsync(request, Ct)).LaunchTemplateVersions;

    private async Task<Instance> RunAsync(RunInstancesRequest request)
    {
        request.MinCount = 1;
        request.MaxCount = 1;
        return Assert.Single((await Ec2.RunInstancesAsync(request, Ct)).Reservation.Instances);
    }

    // CreateLaunchTemplate answers the template (version 1, default and latest, CreatedBy, tags); its version keeps
    // the data as given, and DescribeLaunchTemplates finds it by name, id and tag.
    [Fact]
    public async Task CreateLaunchTemplate_WithNetworkInterfaceData_DescribedAsGiven()
    {
        var template = await CreateAsync("web-(v1)/a_b.c", WebData(), new Tag("Team", "net"));
        Assert.StartsWith("lt-", template.LaunchTemplateId, StringComparison.Ordinal);
        Assert.Equal((1L, 1L), (template.DefaultVersionNumber, template.LatestVersionNumber));
        Assert.Equal("arn:aws:iam::111111111111:root", template.CreatedBy);
        Assert.Equal("net", Assert.Single(template.Tags).Value);

        foreach (var request in new DescribeLaunchTemplatesRequest[]
        {
            new() { LaunchTemplateNames = ["web-(v1)/a_b.c"] },
            new() { LaunchTemplateIds = [template.LaunchTemplateId] },
            new() { Filters = [new Filter("tag:Team", ["net"])] },
            new() { Filters = [new Filter("launch-template-name", ["web-*"])] },
        })
            Assert.Equal(template.LaunchTemplateId, Assert.Single((await Ec2.DescribeLaunchTemplatesAsync(request, Ct)).LaunchTemplates).LaunchTemplateId);

        var version = Assert.Single(await VersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = template.LaunchTemplateId }));
        Assert.Equal((1L, true, "first"), (version.VersionNumber, version.DefaultVersion, version.VersionDescription));
        var data = version.LaunchTemplateData;
        Assert.Equal((ImageId, InstanceType.T3Micro), (data.ImageId, data.InstanceType));
        var nic = Assert.Single(data.NetworkInterfaces);
        Assert.Equal((0, _subnetA, true, "primary", true), (nic.DeviceIndex, nic.SubnetId, nic.AssociatePublicIpAddress, nic.Description, nic.DeleteOnTermination));
        Assert.Equal([_group], nic.Groups);
        Assert.Equal("web", Assert.Single(Assert.Single(data.TagSpecifications).Tags).Value);
        Assert.Equal((LaunchTemplateHttpTokensState.Required, 2), (data.MetadataOptions.HttpTokens, data.MetadataOptions.HttpPutResponseHopLimit));
        Assert.Equal("web-profile", data.IamInstanceProfile.Name);
    }

    // CreateLaunchTemplateVersion with SourceVersion inherits what it does not give; ModifyLaunchTemplate moves the
    // default; $Latest, $Default, MinVersion/MaxVersion and is-default-version select versions.
    [Fact]
    public async Task CreateLaunchTemplateVersion_SourceVersion_InheritsAndDefaultMoves()
    {
        var template = await CreateAsync("versions", new RequestLaunchTemplateData { ImageId = ImageId, InstanceType = InstanceType.T3Micro, KeyName = null });
        var v2 = (await Ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateName = "versions", SourceVersion = "1", VersionDescription = "bigger",
            LaunchTemplateData = new RequestLaunchTemplateData { InstanceType = InstanceType.T3Large },
        }, Ct)).LaunchTemplateVersion;
        Assert.Equal((2L, false), (v2.VersionNumber, v2.DefaultVersion));
        Assert.Equal((ImageId, InstanceType.T3Large), (v2.LaunchTemplateData.ImageId, v2.LaunchTemplateData.InstanceType));
        var v3 = (await Ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateId = template.LaunchTemplateId, LaunchTemplateData = new RequestLaunchTemplateData { InstanceType = InstanceType.T3Small },
        }, Ct)).LaunchTemplateVersion;
        Assert.Null(v3.LaunchTemplateData.ImageId); // no SourceVersion: nothing inherited

        var modified = (await Ec2.ModifyLaunchTemplateAsync(new ModifyLaunchTemplateRequest { LaunchTemplateId = template.LaunchTemplateId, DefaultVersion = "2" }, Ct)).LaunchTemplate;
        Assert.Equal((2L, 3L), (modified.DefaultVersionNumber, modified.LatestVersionNumber));

        var id = template.LaunchTemplateId;
        var rows = new (DescribeLaunchTemplateVersionsRequest Request, long[] Expected)[]
        {
            (new() { LaunchTemplateId = id, Versions = ["$Default"] }, [2]),
            (new() { LaunchTemplateId = id, Versions = ["$Latest", "1"] }, [1, 3]),
            (new() { LaunchTemplateId = id, MinVersion = "2" }, [2, 3]),
            (new() { LaunchTemplateId = id, MaxVersion = "2" }, [1, 2]),
            (new() { LaunchTemplateId = id, Filters = [new Filter("is-default-version", ["true"])] }, [2]),
            (new() { LaunchTemplateId = id, Filters = [new Filter("instance-type", ["t3.small"])] }, [3]),
            (new() { Versions = ["$Latest"] }, [3]), // no template: the latest version of every template
        };
        foreach (var (request, expected) in rows)
            Assert.Equal(expected, (await VersionsAsync(request)).Select(v => v.VersionNumber ?? 0));
    }

    // DeleteLaunchTemplateVersions: "You can't delete the default version of a launch template"; an unknown version
    // and an unknown template are reported per version (ResponseError codes), the rest is deleted.
    [Fact]
    public async Task DeleteLaunchTemplateVersions_DefaultAndUnknown_ReportedPerVersion()
    {
        var template = await CreateAsync("deletions", new RequestLaunchTemplateData { ImageId = ImageId });
        await Ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest { LaunchTemplateName = "deletions", LaunchTemplateData = new() { InstanceType = InstanceType.T3Nano } }, Ct);
        var result = await Ec2.DeleteLaunchTemplateVersionsAsync(new DeleteLaunchTemplateVersionsRequest
        {
            LaunchTemplateId = template.LaunchTemplateId, Versions = ["1", "2", "9"],
        }, Ct);
        Assert.Equal(2L, Assert.Single(result.SuccessfullyDeletedLaunchTemplateVersions).VersionNumber);
        Assert.Equal([(1L, "unexpectedError"), (9L, "launchTemplateVersionDoesNotExist")],
            result.UnsuccessfullyDeletedLaunchTemplateVersions.Select(f => (f.VersionNumber ?? 0, f.ResponseError.Code.Value)));
        var latest = Assert.Single((await Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateIds = [template.LaunchTemplateId] }, Ct)).LaunchTemplates);
        Assert.Equal(1L, latest.LatestVersionNumber);

        var unknown = await Ec2.DeleteLaunchTemplateVersionsAsync(new DeleteLaunchTemplateVersionsRequest { LaunchTemplateName = "nope", Versions = ["1"] }, Ct);
        Assert.Equal("launchTemplateNameDoesNotExist", Assert.Single(unknown.UnsuccessfullyDeletedLaunchTemplateVersions).ResponseError.Code.Value);

        await Ec2.DeleteLaunchTemplateAsync(new DeleteLaunchTemplateRequest { LaunchTemplateName = "deletions" }, Ct);
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateIds = [template.LaunchTemplateId] }, Ct));
        Assert.Equal("InvalidLaunchTemplateId.NotFound", gone.ErrorCode);
    }

    // RunInstances with LaunchTemplate: the version's parameters where the request gives none, the request's where it
    // does; AWS tags the instance aws:ec2launchtemplate:id and :version.
    public static TheoryData<string, string?, string?, string, string> Launches => new()
    {
        // rule, Version, InstanceType in the request, expected type, expected version tag
        { "no version: the default version", null, null, "t3.micro", "1" },
        { "$Latest", "$Latest", null, "t3.large", "2" },
        { "version 2 by number", "2", null, "t3.large", "2" },
        { "a request parameter overrides the template's", "$Default", "m5.large", "m5.large", "1" },
    };

    [Theory]
    [MemberData(nameof(Launches))]
    public async Task RunInstances_LaunchTemplate_TemplateFillsRequestWins(string rule, string? version, string? type, string expectedType, string expectedVersion)
    {
        var template = await CreateAsync("launch", WebData());
        await Ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateName = "launch", SourceVersion = "1", LaunchTemplateData = new() { InstanceType = InstanceType.T3Large },
        }, Ct);
        var instance = await RunAsync(new RunInstancesRequest
        {
            LaunchTemplate = new LaunchTemplateSpecification { LaunchTemplateName = "launch", Version = version },
            InstanceType = type is null ? null : InstanceType.FindValue(type),
        });
        Assert.True(instance.InstanceType.Value == expectedType, rule);
        Assert.Equal((_subnetA, ImageId), (instance.SubnetId, instance.ImageId));
        Assert.Equal([_group], instance.SecurityGroups.Select(g => g.GroupId));
        Assert.False(string.IsNullOrEmpty(instance.PublicIpAddress)); // the template's AssociatePublicIpAddress
        var tags = instance.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(template.LaunchTemplateId, tags["aws:ec2launchtemplate:id"]);
        Assert.Equal(expectedVersion, tags["aws:ec2launchtemplate:version"]);
        Assert.Equal("web", tags["Role"]); // the template's instance tag specification
    }

    // One rule in one place: the merged request meets RunInstances' own checks. A template with network interfaces
    // and a request-level subnet is AWS's InvalidParameterCombination, exactly as without a template.
    [Fact]
    public async Task RunInstances_TemplateInterfacesAndRequestSubnet_InvalidParameterCombination()
    {
        await CreateAsync("nics", WebData());
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => RunAsync(new RunInstancesRequest
        {
            LaunchTemplate = new LaunchTemplateSpecification { LaunchTemplateName = "nics" },
            SubnetId = _subnetB,
        }));
        Assert.Equal("InvalidParameterCombination", error.ErrorCode);
        Assert.Empty((await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest(), Ct)).Reservations);
    }

    // AWS's refusals, each row naming its rule (API reference pages of the actions, EC2 error codes).
    public static TheoryData<string, string> Refusals => new()
    {
        { "name shorter than 3 characters", "InvalidLaunchTemplateName.MalformedException" },
        { "name with a character outside [a-zA-Z0-9().-/_]", "InvalidLaunchTemplateName.MalformedException" },
        { "name already in use", "InvalidLaunchTemplateName.AlreadyExistsException" },
        { "unknown template id", "InvalidLaunchTemplateId.NotFound" },
        { "ill-formed template id", "InvalidLaunchTemplateId.Malformed" },
        { "unknown template name", "InvalidLaunchTemplateName.NotFoundException" },
        { "RunInstances with an unknown version", "InvalidLaunchTemplateId.VersionNotFound" },
        { "SetDefaultVersion to an unknown version", "InvalidLaunchTemplateId.VersionNotFound" },
        { "SourceVersion that does not exist", "InvalidLaunchTemplateId.VersionNotFound" },
        { "both template id and name", "InvalidParameterCombination" },
        { "neither template id nor name", "MissingParameter" },
        { "template tag specification for a launch-template", "InvalidParameterValue" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task LaunchTemplate_RefusedRequest_AwsErrorCodeAndNothingChanged(string rule, string code)
    {
        var template = await CreateAsync("taken", new RequestLaunchTemplateData { ImageId = ImageId });
        Func<Task> call = rule switch
        {
            "name shorter than 3 characters" => () => CreateAsync("ab", Small),
            "name with a character outside [a-zA-Z0-9().-/_]" => () => CreateAsync("web server", Small),
            "name already in use" => () => CreateAsync("taken", Small),
            "unknown template id" => () => Ec2.DeleteLaunchTemplateAsync(new DeleteLaunchTemplateRequest { LaunchTemplateId = "lt-0123456789abcdef0" }, Ct),
            "ill-formed template id" => () => Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateIds = ["lt-xyz"] }, Ct),
            "unknown template name" => () => Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateNames = ["missing"] }, Ct),
            "RunInstances with an unknown version" => () => RunAsync(new RunInstancesRequest
            {
                LaunchTemplate = new LaunchTemplateSpecification { LaunchTemplateId = template.LaunchTemplateId, Version = "7" }, SubnetId = _subnetA,
            }),
            "SetDefaultVersion to an unknown version" => () => Ec2.ModifyLaunchTemplateAsync(new ModifyLaunchTemplateRequest { LaunchTemplateName = "taken", DefaultVersion = "3" }, Ct),
            "SourceVersion that does not exist" => () => Ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
            {
                LaunchTemplateName = "taken", SourceVersion = "5", LaunchTemplateData = new() { InstanceType = InstanceType.T3Micro },
            }, Ct),
            "both template id and name" => () => Ec2.DeleteLaunchTemplateAsync(new DeleteLaunchTemplateRequest { LaunchTemplateId = template.LaunchTemplateId, LaunchTemplateName = "taken" }, Ct),
            "neither template id nor name" => () => Ec2.ModifyLaunchTemplateAsync(new ModifyLaunchTemplateRequest { DefaultVersion = "1" }, Ct),
            _ => () => CreateAsync("tagged", new RequestLaunchTemplateData
            {
                TagSpecifications = [new LaunchTemplateTagSpecificationRequest { ResourceType = ResourceType.LaunchTemplate, Tags = [new Tag("a", "b")] }],
            }),
        };
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(call);
        Assert.True(code == error.ErrorCode, $"{rule}: {error.ErrorCode} {error.Message}");
        var all = (await Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest(), Ct)).LaunchTemplates;
        Assert.Equal([("taken", 1L, 1L)], all.Select(t => (t.LaunchTemplateName, t.DefaultVersionNumber ?? 0, t.LatestVersionNumber ?? 0)));
        Assert.Empty((await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest(), Ct)).Reservations);
    }

    // DescribeLaunchTemplates pages (MaxResults 1..200, NextToken), in id order.
    [Fact]
    public async Task DescribeLaunchTemplates_MaxResults_PagesEveryTemplateOnce()
    {
        var ids = new List<string>();
        foreach (var name in new[] { "page-a", "page-b", "page-c" })
            ids.Add((await CreateAsync(name, Small)).LaunchTemplateId);
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { MaxResults = 2, NextToken = token }, Ct);
            Assert.True(page.LaunchTemplates.Count <= 2);
            seen.AddRange(page.LaunchTemplates.Select(t => t.LaunchTemplateId));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
    }

    // GetLaunchTemplateData: an instance's launch parameters as a template would hold them.
    [Fact]
    public async Task GetLaunchTemplateData_LaunchedInstance_ItsParameters()
    {
        var instance = await RunAsync(new RunInstancesRequest { ImageId = ImageId, InstanceType = InstanceType.T3Micro, SubnetId = _subnetB, SecurityGroupIds = [_group] });
        var data = (await Ec2.GetLaunchTemplateDataAsync(new GetLaunchTemplateDataRequest { InstanceId = instance.InstanceId }, Ct)).LaunchTemplateData;
        Assert.Equal((ImageId, InstanceType.T3Micro, "us-east-1b"), (data.ImageId, data.InstanceType, data.Placement.AvailabilityZone));
        var nic = Assert.Single(data.NetworkInterfaces);
        Assert.Equal((0, _subnetB), (nic.DeviceIndex, nic.SubnetId));
        Assert.Equal([_group], nic.Groups);
    }
}
