using VpcLab.Model;

namespace VpcLab.Model.Tests;

public sealed class WildcardTests
{
    // AWS Describe* filter wildcards: '*' any run, '?' one character, '\' escapes.
    [Theory]
    [InlineData("10.0.*", "10.0.0.0/16", true)]
    [InlineData("10.?.0.0/16", "10.0.0.0/16", true)]
    [InlineData("10.?.0.0/16", "10.10.0.0/16", false)]
    [InlineData("*", "", true)]
    [InlineData("a\\*", "a*", true)]
    [InlineData("a\\*", "ab", false)]
    [InlineData("vpc-*-x", "vpc-1-2-x", true)]
    [InlineData("Web", "web", false)] // case-sensitive
    public void Matches_FilterPatterns_MatchAsAws(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Wildcard.Matches(pattern, value));

    // IAM globs: no escapes ('\' is a plain character); actions compare case-insensitively, ARNs case-sensitively.
    [Theory]
    [InlineData("s3:Get*", "s3:GetObject", StringComparison.OrdinalIgnoreCase, true)]
    [InlineData("S3:get*", "s3:GetObject", StringComparison.OrdinalIgnoreCase, true)]
    [InlineData("S3:get*", "s3:GetObject", StringComparison.Ordinal, false)]
    [InlineData("arn:aws:s3:::b/?", "arn:aws:s3:::b/k", StringComparison.Ordinal, true)]
    [InlineData("a\\*", "a\\xyz", StringComparison.Ordinal, true)]
    [InlineData("*a", "*ba", StringComparison.Ordinal, true)] // a '*' in the value is an ordinary character
    [InlineData("a*c", "abd", StringComparison.Ordinal, false)]
    public void IsMatch_IamPatterns_MatchAsIam(string pattern, string value, StringComparison comparison, bool expected) =>
        Assert.Equal(expected, Wildcard.IsMatch(pattern, value, comparison));

    // CloudWatch Logs filter patterns: '*' is the only wildcard in a field value; '?' is an ordinary character.
    [Theory]
    [InlineData("10.0.*", "10.0.1.5", true)]
    [InlineData("*REJECT*", "x REJECT y", true)]
    [InlineData("10.?.1.5", "10.0.1.5", false)]
    [InlineData("a?", "a?", true)]
    [InlineData("eni-*", "ENI-1", false)] // case-sensitive
    public void MatchesStars_CloudWatchLogsValues_OnlyStarIsAWildcard(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Wildcard.MatchesStars(pattern, value));
}
