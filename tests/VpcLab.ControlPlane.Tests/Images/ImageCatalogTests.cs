using CsCheck;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.Images;

/// <summary>The public AMI catalogue, DescribeImages and RunInstances' image check (docs/semantics.md#ami-catalogue,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeImages.html).</summary>
public sealed class ImageCatalogTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    /// <summary>Amazon Linux 2023 x86_64 in us-east-1: quoted by the SDK tests, README and tests/cli.</summary>
    public const string Al2023UsEast1 = "ami-0fc50b841d13a3d05";

    private static IReadOnlyList<Image> Describe(DescribeImagesRequest request) => new TestLab().Cp.DescribeImages(Ctx, request).Images;

    // Ids are made up but stable: the same Region and name give the same id on every run (tests and docs quote them).
    [Fact]
    public void IdOf_Al2023InUsEast1_IsTheQuotedId() =>
        Assert.Equal(Al2023UsEast1, ImageCatalog.IdOf("us-east-1", InstanceOperations.DefaultImageName));

    // AWS: an AMI id is Regional; the same image has another id in each Region.
    [Fact]
    public void InRegion_EveryRegion_WellFormedIdsThatDifferAcrossRegions()
    {
        var names = RegionCatalog.Default.Select(r => r.Name).ToArray();
        var region = Gen.Int[0, names.Length - 1].Select(i => names[i]);
        region.Select(region).Sample((a, b) =>
        {
            var left = ImageCatalog.InRegion(a);
            Assert.All(left.Keys, id => Assert.True(IdGenerator.IsWellFormed(id, "ami"), id));
            Assert.Equal(ImageCatalog.Definitions.Count, left.Count);
            if (a != b)
                Assert.Empty(left.Keys.Intersect(ImageCatalog.InRegion(b).Keys));
        });
    }

    // Owners: an account id, self, or an alias (amazon | aws-marketplace | aws-backup-vault); Amazon Linux and
    // Windows are owned by Amazon's accounts with alias amazon, Ubuntu by Canonical's 099720109477.
    [Theory]
    [InlineData("amazon", 5)]
    [InlineData("137112412989", 4)]
    [InlineData("099720109477", 4)]
    [InlineData("136693071363", 2)]
    [InlineData("self", 0)]
    [InlineData("aws-marketplace", 0)]
    public void DescribeImages_Owners_ImagesOfThatOwner(string owner, int expected) =>
        Assert.Equal(expected, Describe(new DescribeImagesRequest { Owners = [owner] }).Count);

    // ExecutableUsers: "all" lists public images; an account lists only images explicitly shared with it.
    [Theory]
    [InlineData("all", 11)]
    [InlineData("self", 0)]
    [InlineData("123456789012", 0)]
    public void DescribeImages_ExecutableUsers_PublicImagesOnlyForAll(string user, int expected) =>
        Assert.Equal(expected, Describe(new DescribeImagesRequest { ExecutableUsers = [user] }).Count);

    // Filters of DescribeImages, with wildcards: the usual "latest Ubuntu 24.04" and "AL2023 arm64" lookups.
    [Theory]
    [InlineData("name", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*", 1)]
    [InlineData("name", "al2023-ami-2023.*-kernel-6.1-*", 2)]
    [InlineData("architecture", "arm64", 5)]
    [InlineData("owner-alias", "amazon", 5)]
    [InlineData("platform", "windows", 1)]
    [InlineData("state", "available", 11)]
    [InlineData("root-device-type", "ebs", 11)]
    [InlineData("virtualization-type", "hvm", 11)]
    [InlineData("is-public", "false", 0)]
    public void DescribeImages_Filter_MatchingImages(string name, string value, int expected) =>
        Assert.Equal(expected, Describe(new DescribeImagesRequest { Filters = [new Filter { Name = name, Values = [value] }] }).Count);

    // AWS's errors: InvalidAMIID.Malformed for an id that is not ami-(8|17 hex), InvalidAMIID.NotFound for an unknown
    // one, InvalidUserID.Malformed for an owner that is neither an alias nor an account id, InvalidParameterValue
    // for an unknown filter.
    [Theory]
    [InlineData("ami-xyz", null, null, "InvalidAMIID.Malformed")]
    [InlineData("ami-12345678", null, null, "InvalidAMIID.NotFound")]
    [InlineData(null, "somebody", null, "InvalidUserID.Malformed")]
    [InlineData(null, null, "colour", "InvalidParameterValue")]
    public void DescribeImages_BadInput_AwsError(string? imageId, string? owner, string? filter, string code)
    {
        var request = new DescribeImagesRequest
        {
            ImageIds = imageId is null ? null : [imageId],
            Owners = owner is null ? null : [owner],
            Filters = filter is null ? null : [new Filter { Name = filter, Values = ["x"] }],
        };
        Assert.Equal(code, Assert.Throws<Ec2Exception>(() => Describe(request)).Code.Code);
    }

    [Fact]
    public void DescribeImages_ImageIdOfAnotherRegion_NotFound()
    {
        var id = ImageCatalog.IdOf("eu-west-1", InstanceOperations.DefaultImageName);
        Assert.Equal("InvalidAMIID.NotFound", Assert.Throws<Ec2Exception>(() => Describe(new DescribeImagesRequest { ImageIds = [id] })).Code.Code);
    }

    // RunInstances checks ImageId as AWS does (Malformed, then NotFound) and resolves resolve:ssm:<parameter>
    // (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-systems-manager-parameter-to-find-AMI.html).
    [Theory]
    [InlineData("ami-1", "InvalidAMIID.Malformed")]
    [InlineData("ami-0123456789abcdef0", "InvalidAMIID.NotFound")]
    [InlineData("resolve:ssm:/aws/service/nothing-here", "InvalidParameterValue")]
    public void RunInstances_BadImageId_AwsErrorAndNothingLaunched(string imageId, string code)
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var before = lab.N;
        var error = Assert.Throws<Ec2Exception>(() => lab.Cp.RunInstances(Ctx, new RunInstancesRequest { ImageId = imageId, MinCount = 1, MaxCount = 1, SubnetId = subnet.Id.Value }));
        Assert.Equal(code, error.Code.Code);
        Assert.Same(before, lab.N);
    }

    [Theory]
    [InlineData("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64")]
    [InlineData("resolve:ssm:/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id:1", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241206")]
    [InlineData(null, "al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64")]
    public void RunInstances_ResolveSsmOrNoImageId_LaunchesTheCatalogueImage(string? imageId, string expectedName)
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var instance = Assert.Single(lab.Cp.RunInstances(Ctx, new RunInstancesRequest { ImageId = imageId, MinCount = 1, MaxCount = 1, SubnetId = subnet.Id.Value }).Instances);
        Assert.Equal(ImageCatalog.IdOf("us-east-1", expectedName), instance.ImageId);
    }
}
