namespace VpcLab.Model.Tests.Endpoints;

/// <summary>S3's general purpose bucket naming rules (docs/semantics.md#s3-bucket-names), one row per rule: a name
/// that breaks it and the words of the reason that name the rule.</summary>
public class S3BucketNameTests
{
    public static TheoryData<string, string, string> Broken => new()
    {
        { "length: at least 3", "ab", "between 3 and 63" },
        { "length: at most 63", new string('a', 64), "between 3 and 63" },
        { "characters: no upper case", "Flow-Logs", "lowercase letters, numbers" },
        { "characters: no underscore", "flow_logs", "lowercase letters, numbers" },
        { "begins with a letter or number", "-flow-logs", "begin and end with a letter or number" },
        { "ends with a letter or number", "flow-logs.", "begin and end with a letter or number" },
        { "no two adjacent periods", "flow..logs", "two adjacent periods" },
        { "not an IP address", "192.168.5.4", "IP address" },
        { "prefix xn--", "xn--flow-logs", "prefix xn--" },
        { "prefix sthree-", "sthree-logs", "prefix sthree-" },
        { "prefix sthree-configurator", "sthree-configurator-logs", "prefix sthree-" },
        { "prefix amzn-s3-demo-", "amzn-s3-demo-bucket", "prefix amzn-s3-demo-" },
        { "suffix -s3alias", "flow-logs-s3alias", "suffix -s3alias" },
        { "suffix --ol-s3", "flow-logs--ol-s3", "suffix --ol-s3" },
        { "suffix .mrap", "flow-logs.mrap", "suffix .mrap" },
        { "suffix --x-s3", "flow-logs--use1-az4--x-s3", "suffix --x-s3" },
        { "suffix --table-s3", "flow-logs--table-s3", "suffix --table-s3" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Problem_NameBreaksRule_NamesTheRule(string rule, string name, string reason)
    {
        Assert.False(S3BucketName.IsValid(name), rule);
        Assert.Contains(reason, S3BucketName.Problem(name), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")] // the shortest
    [InlineData("flow-logs")]
    [InlineData("flow.logs.example.com")] // periods are allowed (not adjacent)
    [InlineData("1234.1.1.1")] // not an IPv4 address: a group has four digits
    [InlineData("192.168.5")] // three groups
    [InlineData("xn-flow-logs")] // only xn-- is reserved
    [InlineData("my-xn--bucket")] // reserved prefixes count only at the start
    [InlineData("s3alias-logs")] // reserved suffixes count only at the end
    [InlineData("flow-logs-x-s3")]
    public void Problem_ValidName_IsNull(string name)
    {
        Assert.Null(S3BucketName.Problem(name));
        Assert.True(S3BucketName.IsValid(name));
    }

    [Fact]
    public void Problem_63Characters_IsNull() => Assert.Null(S3BucketName.Problem(new string('a', 63)));
}
