using VpcLab.Model.Policies;

namespace VpcLab.Model.Tests.Policies;

/// <summary>What AWS refuses in a resource policy; each row names the problem the message must name.</summary>
public class PolicyDocumentValidationTests
{
    // JSON written with ' for " to keep the rows readable.
    private const string Ok = "'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'";

    private static string J(string singleQuoted) => singleQuoted.Replace('\'', '"');

    private static string Doc(string statementBody) => J("{'Statement':[{" + statementBody + "}]}");

    public static TheoryData<string, string> Refused => new()
    {
        { "", "empty" },
        { "   ", "empty" },
        { J("{'Statement': ["), "not valid JSON" },
        { "{Statement: []}", "not valid JSON" },
        { Doc(Ok + ","), "not valid JSON" }, // trailing comma
        { "[]", "must be a JSON object" },
        { J("'x'"), "must be a JSON object" },
        { J("{'Version':'2012-10-17'}"), "has no Statement" },
        { J("{'Statement':[]}"), "must not be an empty array" },
        { J("{'Statement':'x'}"), "Statement must be an object or an array" },
        { J("{'Statement':['x']}"), "Statement 0 must be a JSON object" },
        { J("{'Statement':[{" + Ok + "}],'Foo':1}"), "unknown field \"Foo\"" },
        { J("{'statement':[{" + Ok + "}]}"), "unknown field \"statement\"" }, // element names are case-sensitive
        { J("{'Statement':[{" + Ok + "}],'Statement':[{" + Ok + "}]}"), "field \"Statement\" appears twice" },
        { J("{'Version':'2012-10-18','Statement':[{" + Ok + "}]}"), "Version \"2012-10-18\" is not supported" },
        { J("{'Version':2012,'Statement':[{" + Ok + "}]}"), "Version 2012 is not supported" },
        { J("{'Id':1,'Statement':[{" + Ok + "}]}"), "Id must be a string" },
        { Doc("'Principal':'*','Action':'*','Resource':'*'"), "missing required field Effect" },
        { Doc("'Effect':'allow','Principal':'*','Action':'*','Resource':'*'"), "Effect \"allow\" is invalid" },
        { Doc("'Effect':'Permit','Principal':'*','Action':'*','Resource':'*'"), "Effect \"Permit\" is invalid" },
        { Doc("'Effect':'Allow','Action':'*','Resource':'*'"), "missing required field Principal" },
        { Doc("'Effect':'Allow','Principal':'*','NotPrincipal':'*','Action':'*','Resource':'*'"), "both Principal and NotPrincipal" },
        { Doc("'Effect':'Allow','Principal':'*','Resource':'*'"), "missing required field Action" },
        { Doc("'Effect':'Allow','Principal':'*','Action':'*','NotAction':'s3:*','Resource':'*'"), "both Action and NotAction" },
        { Doc("'Effect':'Allow','Principal':'*','Action':'*'"), "missing required field Resource" },
        { Doc("'Effect':'Allow','Principal':'*','Action':'*','Resource':'*','NotResource':'*'"), "both Resource and NotResource" },
        { Doc("'Effect':'Allow','Principal':'*','Action':'GetObject','Resource':'*'"), "Action \"GetObject\" is invalid" },
        { Doc("'Effect':'Allow','Principal':'*','Action':'s3:Get:Object','Resource':'*'"), "Action \"s3:Get:Object\" is invalid" },
        { Doc("'Effect':'Allow','Principal':'*','NotAction':'s3:','Resource':'*'"), "NotAction \"s3:\" is invalid" },
        { Doc("'Effect':'Allow','Principal':'*','Action':[],'Resource':'*'"), "Action is an empty list" },
        { Doc("'Effect':'Allow','Principal':'*','Action':'','Resource':'*'"), "Action has an empty string" },
        { Doc("'Effect':'Allow','Principal':'*','Action':[1],'Resource':'*'"), "must be a string or a list of strings" },
        { Doc("'Effect':'Allow','Principal':'*','Action':'*','Resource':'bucket/*'"), "Resource \"bucket/*\" is invalid" },
        { Doc("'Effect':'Allow','Principal':'*','Action':'*','Resource':'arn:aws:s3'"), "Resource \"arn:aws:s3\" is invalid" },
        { Doc("'Effect':'Allow','Principal':'everyone','Action':'*','Resource':'*'"), "Principal \"everyone\" is invalid" },
        { Doc("'Effect':'Allow','Principal':{},'Action':'*','Resource':'*'"), "Principal is an empty object" },
        { Doc("'Effect':'Allow','Principal':{'User':'x'},'Action':'*','Resource':'*'"), "unknown field \"User\"" },
        { Doc("'Effect':'Allow','Principal':{'AWS':'12345'},'Action':'*','Resource':'*'"), "Invalid principal in policy" },
        { Doc("'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:user/*'},'Action':'*','Resource':'*'"), "Invalid principal in policy" },
        { Doc("'Effect':'Allow','Principal':{'AWS':'arn:aws:s3:::bucket'},'Action':'*','Resource':'*'"), "Invalid principal in policy" },
        { Doc("'Effect':'Allow','Principal':{'Service':'s3.*.com'},'Action':'*','Resource':'*'"), "Invalid principal in policy" },
        { Doc("'Sid':1," + Ok), "Sid must be a string" },
        { Doc(Ok + ",'Foo':1"), "unknown field \"Foo\"" },
        { Doc("'Effect':'Deny'," + Ok), "field \"Effect\" appears twice" },
        { J("{'Statement':[{'Sid':'a'," + Ok + "},{'Sid':'a'," + Ok + "}]}"), "Sid \"a\" is used by an earlier statement" },
        { Doc(Ok + ",'Condition':{'StringEqualz':{'aws:SourceVpce':'vpce-1'}}"), "unknown condition operator \"StringEqualz\"" },
        { Doc(Ok + ",'Condition':{'NullIfExists':{'aws:SourceVpce':'true'}}"), "unknown condition operator \"NullIfExists\"" },
        { Doc(Ok + ",'Condition':'x'"), "Condition must be an object" },
        { Doc(Ok + ",'Condition':{'StringEquals':'vpce-1'}"), "must map condition keys to values" },
        { Doc(Ok + ",'Condition':{'StringEquals':{'aws:SourceVpce':[]}}"), "empty list of values" },
        { Doc(Ok + ",'Condition':{'StringEquals':{'aws:SourceVpce':{'a':1}}}"), "must be a string, number or boolean" },
        { Doc(Ok + ",'Condition':{'StringEquals':{'':'x'}}"), "empty condition key" },
        { Doc(Ok + ",'Condition':{'StringEquals':{'aws:SourceVpc':'a','AWS:SOURCEVPC':'b'}}"), "appears twice" }, // keys are case-insensitive
        { Doc(Ok + ",'Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/33'}}"), "not valid for IpAddress" },
        { Doc(Ok + ",'Condition':{'NotIpAddress':{'aws:SourceIp':'example.com'}}"), "not valid for NotIpAddress" },
        { Doc(Ok + ",'Condition':{'NumericLessThan':{'s3:max-keys':'ten'}}"), "not valid for NumericLessThan" },
        { Doc(Ok + ",'Condition':{'Bool':{'aws:SecureTransport':'yes'}}"), "not valid for Bool" },
        { Doc(Ok + ",'Condition':{'DateGreaterThan':{'aws:CurrentTime':'tomorrow'}}"), "not valid for DateGreaterThan" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Parse_RefusedDocument_ThrowsWithMessageNamingTheProblem(string json, string expectedInMessage)
    {
        foreach (var kind in new[] { PolicyKind.VpcEndpoint, PolicyKind.S3Bucket })
        {
            var e = Assert.Throws<PolicyValidationException>(() => PolicyDocument.Parse(json, kind));
            Assert.Contains(expectedInMessage, e.Message, StringComparison.Ordinal);
            Assert.Equal(kind, e.Kind);
            Assert.False(PolicyDocument.TryParse(json, kind, out var document, out var error));
            Assert.Null(document);
            Assert.Equal(e.Message, error!.Message);
        }
    }

    // EC2 answers InvalidPolicyDocument; S3 PutBucketPolicy answers MalformedPolicy.
    [Theory]
    [InlineData(PolicyKind.VpcEndpoint, "InvalidPolicyDocument")]
    [InlineData(PolicyKind.S3Bucket, "MalformedPolicy")]
    public void Parse_Refused_CarriesTheApisErrorCode(PolicyKind kind, string code)
    {
        var e = Assert.Throws<PolicyValidationException>(() => PolicyDocument.Parse("not json", kind));
        Assert.Equal(code, e.AwsErrorCode);
    }

    // Endpoint policies: at most 20,480 characters (EC2); bucket policies: 20 KB, counted in UTF-8 bytes.
    [Theory]
    [InlineData(PolicyKind.VpcEndpoint, 'a', 1, "20481 characters long")]
    [InlineData(PolicyKind.S3Bucket, 'a', 1, "20481 bytes long")]
    [InlineData(PolicyKind.S3Bucket, 'é', -9000, "bytes long")] // fewer characters, but two bytes each
    public void Parse_TooLong_IsRefused(PolicyKind kind, char filler, int overMax, string expected)
    {
        const string head = "{\"Statement\":[{\"Sid\":\"";
        const string tail = "\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        var json = head + new string(filler, PolicyDocument.MaxLength + overMax - head.Length - tail.Length) + tail;
        var e = Assert.Throws<PolicyValidationException>(() => PolicyDocument.Parse(json, kind));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ValidDocument_ReturnsItAndNoError()
    {
        Assert.True(PolicyDocument.TryParse(PolicyDocument.DefaultEndpointPolicyJson, PolicyKind.VpcEndpoint, out var document, out var error));
        Assert.Null(error);
        Assert.Equal(PolicyDocument.DefaultEndpointPolicy, document);
    }
}
