using VpcLab.FlowLogs.CloudWatchLogs;

namespace VpcLab.FlowLogs.Tests.CloudWatchLogs;

public class FilterPatternTests
{
    private const string Reject = "2 123456789012 eni-0a1 10.0.1.5 10.0.2.7 49152 22 6 10 840 1700000000 1700000060 REJECT OK";
    private const string Accept = "2 123456789012 eni-0a1 10.0.1.5 10.0.2.7 49153 443 6 20 4000 1700000000 1700000060 ACCEPT OK";
    private const string NoData = "2 123456789012 eni-0a1 - - - - - - - 1700000000 1700000060 - NODATA";

    // AWS CloudWatch Logs filter pattern syntax, "Matching terms in unstructured log events" and
    // "Using filter patterns to match terms in space-delimited log events".
    [Theory]
    [InlineData("", true, true, true)] // empty pattern: every event
    [InlineData("REJECT", true, false, false)] // a term is a case-sensitive substring
    [InlineData("reject", false, false, false)]
    [InlineData("REJECT OK", true, false, false)] // several terms: all must occur
    [InlineData("\"10.0.1.5 10.0.2.7\"", true, true, false)] // a quoted phrase is matched as one string
    [InlineData("?REJECT ?NODATA", true, false, true)] // ?terms: any one of them
    [InlineData("OK -REJECT", false, true, false)] // -term excludes
    [InlineData("[version, account, eni, source, destination, srcport, destport=\"22\", protocol, packets, bytes, start, end, action=\"REJECT\", status]", true, false, false)]
    [InlineData("[version, account, eni, source, destination, srcport, destport=22, ...]", true, false, false)]
    [InlineData("[..., action=ACCEPT, status]", false, true, false)]
    [InlineData("[..., action!=ACCEPT, status]", true, false, true)]
    [InlineData("[v, a, e, source=10.0.1.*, ...]", true, true, false)] // * wildcard in a value
    [InlineData("[v, a, e, s, d, sp, dp, p, packets>=15, ...]", false, true, false)] // numeric comparison
    [InlineData("[..., status=NODATA]", false, false, true)]
    [InlineData("[a, b]", false, false, false)] // without '...', the field count must equal the event's
    public void Matches_FollowsCloudWatchLogsSyntax(string pattern, bool reject, bool accept, bool noData)
    {
        var parsed = FilterPattern.Parse(pattern);
        Assert.Equal([reject, accept, noData], new[] { Reject, Accept, NoData }.Select(parsed.Matches).ToArray());
    }

    [Theory]
    [InlineData("{ $.level = \"ERROR\" }")] // JSON patterns: not supported
    [InlineData("\"unclosed")]
    [InlineData("[a, b")]
    [InlineData("[a, packets>many]")]
    public void Parse_Unsupported_IsInvalidParameter(string pattern)
    {
        var error = Assert.Throws<CloudWatchLogsException>(() => FilterPattern.Parse(pattern));
        Assert.Equal("InvalidParameterException", error.Code);
    }
}
