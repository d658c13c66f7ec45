namespace VpcLab.ControlPlane.Tests.Images;

/// <summary>The public parameters that name the latest AMIs, and GetParameter/GetParameters/GetParametersByPath's
/// rules (docs/semantics.md#ssm-public-parameters,
/// https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameters.html).</summary>
public sealed class SsmParameterStoreTests
{
    private static readonly SsmParameterStore Store = new TestLab().Cp.Parameters;

    // AWS's public parameter names (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-systems-manager-parameter-to-find-AMI.html),
    // each resolving to the catalogue image of its line in the caller's Region.
    [Theory]
    [InlineData("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64")]
    [InlineData("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64", "al2023-ami-2023.6.20241212.0-kernel-6.1-arm64")]
    [InlineData("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2", "amzn2-ami-hvm-2.0.20241217.0-x86_64-gp2")]
    [InlineData("/aws/service/canonical/ubuntu/server/22.04/stable/current/amd64/hvm/ebs-gp2/ami-id", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20241206")]
    [InlineData("/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241206")]
    [InlineData("/aws/service/debian/release/12/latest/amd64", "debian-12-amd64-20241201-1949")]
    [InlineData("/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base", "Windows_Server-2022-English-Full-Base-2024.12.11")]
    public void Get_PublicParameter_ValueIsTheRegionsImage(string name, string imageName)
    {
        foreach (var region in new[] { "us-east-1", "eu-west-3", "ap-southeast-5" })
        {
            var parameter = Store.Get(region, name);
            Assert.Equal(ImageCatalog.IdOf(region, imageName), parameter.Value);
            Assert.Equal($"arn:aws:ssm:{region}::parameter{name}", parameter.Arn);
            Assert.NotNull(ImageCatalog.Find(region, parameter.Value));
        }
    }

    // GetParameter: an unknown name is ParameterNotFound; an unknown version selector ParameterVersionNotFound;
    // no name is a ValidationException.
    [Theory]
    [InlineData("/aws/service/ami-amazon-linux-latest/nope", "ParameterNotFound")]
    [InlineData("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64:7", "ParameterVersionNotFound")]
    [InlineData("", "ValidationException")]
    public void Get_BadName_AwsError(string name, string code) =>
        Assert.Equal(code, Assert.Throws<SsmException>(() => Store.Get("us-east-1", name)).Code);

    // GetParameters: unknown names are listed in InvalidParameters, not refused; 1 to 10 names.
    [Fact]
    public void GetMany_KnownAndUnknown_FoundAndInvalid()
    {
        var (found, invalid) = Store.GetMany("us-east-1", ["/aws/service/debian/release/bookworm/latest/arm64", "/nope"]);
        Assert.Equal("/aws/service/debian/release/bookworm/latest/arm64", Assert.Single(found).Name);
        Assert.Equal("/nope", Assert.Single(invalid));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void GetMany_CountOutsideOneToTen_ValidationException(int count) =>
        Assert.Equal("ValidationException", Assert.Throws<SsmException>(() =>
            Store.GetMany("us-east-1", [.. Enumerable.Range(0, count).Select(i => $"/p{i}")])).Code);

    // GetParametersByPath: one level below the path unless Recursive; the path starts with '/'.
    [Theory]
    [InlineData("/aws/service/ami-amazon-linux-latest", false, 6)]
    [InlineData("/aws/service/debian/release", false, 0)]
    [InlineData("/aws/service/debian/release", true, 4)]
    [InlineData("/aws/service/canonical", true, 4)]
    public void ByPath_Levels_ParametersUnderThePath(string path, bool recursive, int expected) =>
        Assert.Equal(expected, Store.ByPath("us-east-1", path, recursive).Count);

    [Fact]
    public void ByPath_RelativePath_ValidationException() =>
        Assert.Equal("ValidationException", Assert.Throws<SsmException>(() => Store.ByPath("us-east-1", "aws/service", true)).Code);

    // CloudFormation's AWS::SSM::Parameter::Value<AWS::EC2::Image::Id> resolves through TryResolve.
    [Fact]
    public void TryResolve_UnknownRegionOrName_Null()
    {
        Assert.Null(Store.TryResolve("xx-nowhere-1", "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"));
        Assert.Null(Store.TryResolve("us-east-1", "/nope"));
    }
}
