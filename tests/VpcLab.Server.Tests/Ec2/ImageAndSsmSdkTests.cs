using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using VpcLab.Server.Tests.Logs;
using Ec2Filter = Amazon.EC2.Model.Filter;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>The public AMI catalogue and the SSM public parameters through the AWS SDK for .NET (EC2 and
/// SimpleSystemsManagement clients on the same loopback port) and the AWS CLI v2
/// (docs/semantics.md#ami-catalogue, docs/semantics.md#ssm-public-parameters).</summary>
public sealed class ImageAndSsmSdkTests : IAsyncLifetime
{
    private const string Al2023Parameter = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
    private const string Al2023UsEast1 = "ami-0fc50b841d13a3d05";

    private LoopbackEc2 _lab = null!;
    private AmazonSimpleSystemsManagementClient _ssm = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _lab = await LoopbackEc2.StartAsync(Ct);
        _ssm = new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = _lab.Server.Url.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
    }

    public async ValueTask DisposeAsync()
    {
        _ssm.Dispose();
        await _lab.DisposeAsync();
    }

    // The usual lookup: the newest Ubuntu 24.04 amd64 image owned by Canonical, by a name wildcard
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeImages.html).
    [Fact]
    public async Task DescribeImages_CanonicalOwnerAndNameWildcard_Ubuntu2404()
    {
        var images = (await _lab.Client.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["099720109477"],
            Filters = [new Ec2Filter("name", ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]), new Ec2Filter("state", ["available"])],
        }, Ct)).Images;

        var image = Assert.Single(images);
        Assert.Equal("x86_64", image.Architecture.Value);
        Assert.Equal("099720109477", image.OwnerId);
        Assert.True(image.Public);
        Assert.Equal("/dev/sda1", image.RootDeviceName);
        Assert.Equal("gp3", Assert.Single(image.BlockDeviceMappings).Ebs.VolumeType.Value);
    }

    // DescribeImages is paged (MaxResults 5..1000 in the model): pages cover the catalogue once.
    [Fact]
    public async Task DescribeImages_Paged_EveryImageOnce()
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await _lab.Client.DescribeImagesAsync(new DescribeImagesRequest { MaxResults = 5, NextToken = token }, Ct);
            ids.AddRange(page.Images.Select(i => i.ImageId));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        Assert.Equal(11, ids.Distinct().Count());
        Assert.Equal(11, ids.Count);
    }

    // AWS: an unknown image id is InvalidAMIID.NotFound, in DescribeImages and in RunInstances.
    [Fact]
    public async Task RunInstances_UnknownImage_InvalidAmiIdNotFound()
    {
        var describe = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-0123456789abcdef0"] }, Ct));
        Assert.Equal("InvalidAMIID.NotFound", describe.ErrorCode);
        var run = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0123456789abcdef0", MinCount = 1, MaxCount = 1 }, Ct));
        Assert.Equal("InvalidAMIID.NotFound", run.ErrorCode);
    }

    // The CloudFormation/Terraform pattern: read the latest AL2023 id from SSM, launch it, find it with DescribeImages.
    [Fact]
    public async Task GetParameter_Al2023Latest_IdThatRunInstancesLaunches()
    {
        var parameter = (await _ssm.GetParameterAsync(new GetParameterRequest { Name = Al2023Parameter }, Ct)).Parameter;
        Assert.Equal(Al2023UsEast1, parameter.Value);
        Assert.Equal(ParameterType.String, parameter.Type);
        Assert.Equal("text", parameter.DataType);
        Assert.Equal("arn:aws:ssm:us-east-1::parameter" + Al2023Parameter, parameter.ARN);

        var instance = Assert.Single((await _lab.Client.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "resolve:ssm:" + Al2023Parameter,
            InstanceType = InstanceType.T3Micro,
            MinCount = 1,
            MaxCount = 1,
        }, Ct)).Reservation.Instances);
        Assert.Equal(parameter.Value, instance.ImageId);
        var image = Assert.Single((await _lab.Client.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [instance.ImageId] }, Ct)).Images);
        Assert.Equal("amazon", image.ImageOwnerAlias);
    }

    // GetParameter of an unknown name: ParameterNotFound; GetParameters lists unknown names in InvalidParameters.
    [Fact]
    public async Task GetParameters_UnknownName_InvalidParametersAndParameterNotFound()
    {
        await Assert.ThrowsAsync<ParameterNotFoundException>(() => _ssm.GetParameterAsync(new GetParameterRequest { Name = "/aws/service/nope" }, Ct));
        var many = await _ssm.GetParametersAsync(new GetParametersRequest { Names = [Al2023Parameter, "/aws/service/nope"] }, Ct);
        Assert.Equal(Al2023Parameter, Assert.Single(many.Parameters).Name);
        Assert.Equal("/aws/service/nope", Assert.Single(many.InvalidParameters));
    }

    // GetParametersByPath pages by MaxResults with NextToken.
    [Fact]
    public async Task GetParametersByPath_Recursive_PagedEveryParameter()
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await _ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = "/aws/service", Recursive = true, MaxResults = 4, NextToken = token }, Ct);
            names.AddRange(page.Parameters.Select(p => p.Name));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        Assert.Equal(15, names.Distinct().Count());
    }

    [Fact]
    public async Task AwsCliSsmGetParameter_Al2023_PrintsTheCatalogueId()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var result = await AwsCli.RunAsync(_lab.Server.Url, "ssm", "get-parameter", "--name", Al2023Parameter);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(Al2023UsEast1, (string?)result.Json["Parameter"]!["Value"]);
    }
}
