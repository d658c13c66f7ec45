using VpcLab.Cli.Remote;

namespace VpcLab.Cli.Tests.Serve;

/// <summary>The caller of <c>--endpoint-url</c>, named as the AWS CLI names it: command-line options, then environment
/// variables, then the profile in the credentials and config files
/// (https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-configure.html#configure-precedence); AWS_REGION before
/// AWS_DEFAULT_REGION (https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html).</summary>
public sealed class AwsCallerSettingsTests
{
    private const string Credentials = "[default]\naws_access_key_id = 111111111111\n\n[lab]\naws_access_key_id=333333333333\n";
    private const string Config = "[default]\nregion = eu-west-1\ns3 =\n  region = never-a-region\n\n[profile lab]\nregion = ap-south-1\n";

    [Theory]
    [InlineData("", null, null, "111111111111", "eu-west-1")] // the default profile of both files
    [InlineData("AWS_ACCESS_KEY_ID=222222222222", null, null, "222222222222", "eu-west-1")] // variable beats file
    [InlineData("AWS_PROFILE=lab", null, null, "333333333333", "ap-south-1")]
    [InlineData("AWS_ACCESS_KEY_ID=222222222222 AWS_PROFILE=lab", null, null, "222222222222", "ap-south-1")]
    [InlineData("AWS_ACCESS_KEY_ID=222222222222", "lab", null, "333333333333", "ap-south-1")] // --profile beats the variable
    [InlineData("AWS_DEFAULT_REGION=us-west-2", null, null, "111111111111", "us-west-2")]
    [InlineData("AWS_REGION=us-east-2 AWS_DEFAULT_REGION=us-west-2", null, null, "111111111111", "us-east-2")]
    [InlineData("AWS_REGION=us-east-2", null, "sa-east-1", "111111111111", "sa-east-1")] // --region beats the variable
    public void From_Settings_AsTheAwsCliReadsThem(string environment, string? profile, string? region, string expectedKey, string expectedRegion)
    {
        var home = Home(Credentials, Config);
        var caller = AwsCallerSettings.From(Environment(home, environment), profile, region);
        Assert.Equal((expectedKey, expectedRegion), (caller.AccessKeyId, caller.Region));
    }

    [Fact]
    public void From_NothingConfigured_LeavesBothToTheServer()
    {
        var caller = AwsCallerSettings.From(Environment(Home(null, null), ""), null, null);
        Assert.Equal((null, null), (caller.AccessKeyId, caller.Region));
    }

    [Fact]
    public void From_ProfileNotInEitherFile_IsAUsageError()
    {
        var e = Assert.Throws<UsageException>(() => AwsCallerSettings.From(Environment(Home(Credentials, Config), ""), "nosuch", null));
        Assert.Contains("no profile 'nosuch'", e.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Environment(string home, string pairs)
    {
        var values = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(p => p[..p.IndexOf('=', StringComparison.Ordinal)], p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
        values["HOME"] = home;
        return name => values.GetValueOrDefault(name);
    }

    private static string Home(string? credentials, string? config)
    {
        var home = Path.Combine(Path.GetTempPath(), $"vpclab-home-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(home, ".aws"));
        if (credentials is not null)
            File.WriteAllText(Path.Combine(home, ".aws", "credentials"), credentials);
        if (config is not null)
            File.WriteAllText(Path.Combine(home, ".aws", "config"), config);
        return home;
    }
}
