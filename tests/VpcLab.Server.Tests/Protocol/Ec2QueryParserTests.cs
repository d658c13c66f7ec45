using Microsoft.Extensions.Primitives;
using VpcLab.Server.Protocol;
using static VpcLab.Server.Tests.Protocol.Json;

namespace VpcLab.Server.Tests.Protocol;

public class Ec2QueryParserTests
{
    private static readonly Ec2QueryParser Parser = Ec2QueryParser.Default;

    private static Ec2ProtocolException Fails(params (string Key, string Value)[] pairs)
    {
        var ex = Assert.Throws<Ec2ProtocolException>(() => Parser.Parse(Form(pairs)));
        Assert.Equal(400, ex.HttpStatus);
        return ex;
    }

    private static Ec2ProtocolException FailsDescribeVpcs(params (string Key, string Value)[] pairs) =>
        Fails([("Action", "DescribeVpcs"), ("Version", "2016-11-15"), .. pairs]);

    [Fact]
    public void Parse_SpecExamples_GiveMemberNames()
    {
        var request = Parser.Parse(Form(
            ("Filter.1.Value.2", "vpc-456"), ("Version", "2016-11-15"), ("Filter.1.Name", "vpc-id"),
            ("Action", "DescribeVpcs"), ("Filter.1.Value.1", "vpc-123"), ("VpcId.1", "vpc-9"), ("MaxResults", "5"),
            ("DryRun", "false")));
        AssertEqual(Obj("""
            {"Filters":[{"Name":"vpc-id","Values":["vpc-123","vpc-456"]}],"VpcIds":["vpc-9"],"MaxResults":5,"DryRun":false}
            """), request.Parameters);
    }

    [Fact]
    public void Parse_NestedStructuresAndLists_BuildsNestedJson()
    {
        var request = Parser.Parse(Form(
            ("Action", "CreateNetworkAclEntry"), ("Version", "2016-11-15"), ("NetworkAclId", "acl-1"),
            ("RuleNumber", "100"), ("Protocol", "1"), ("RuleAction", "allow"), ("Egress", "true"),
            ("CidrBlock", "0.0.0.0/0"), ("Icmp.Type", "8"), ("Icmp.Code", "-1"), ("PortRange.From", "80"), ("PortRange.To", "80")));
        AssertEqual(Obj("""
            {"NetworkAclId":"acl-1","RuleNumber":100,"Protocol":"1","RuleAction":"allow","Egress":true,"CidrBlock":"0.0.0.0/0",
             "IcmpTypeCode":{"Type":8,"Code":-1},"PortRange":{"From":80,"To":80}}
            """), request.Parameters);
    }

    [Fact]
    public void Parse_StringValuesForm_AsAspNetGivesIt()
    {
        var form = new Dictionary<string, StringValues>
        {
            ["Action"] = "ModifyVpcAttribute", ["Version"] = "2016-11-15", ["VpcId"] = "vpc-1",
            ["EnableDnsSupport.Value"] = "true",
        };
        var request = Parser.Parse(form);
        Assert.Equal("ModifyVpcAttribute", request.Operation.Name);
        AssertEqual(Obj("""{"VpcId":"vpc-1","EnableDnsSupport":{"Value":true}}"""), request.Parameters);
    }

    [Fact]
    public void Parse_RepeatedKeyInStringValues_IsInvalidParameterValue()
    {
        var form = new Dictionary<string, StringValues>
        {
            ["Action"] = "DeleteVpc", ["Version"] = "2016-11-15", ["VpcId"] = new StringValues(["vpc-1", "vpc-2"]),
        };
        var ex = Assert.Throws<Ec2ProtocolException>(() => Parser.Parse(form));
        Assert.Equal("InvalidParameterValue", ex.Code);
        Assert.Contains("VpcId", ex.Message);
    }

    [Fact]
    public void Parse_SameKeyTwice_IsInvalidParameterValue() =>
        Assert.Equal("InvalidParameterValue", FailsDescribeVpcs(("VpcId.1", "a"), ("VpcId.1", "b")).Code);

    [Fact]
    public void Parse_SignatureParameters_AreSkipped()
    {
        var request = Parser.Parse(Form(("Action", "DeleteVpc"), ("Version", "2016-11-15"), ("VpcId", "vpc-1"),
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Credential", "AKID/20261123/us-east-1/ec2/aws4_request"),
            ("X-Amz-Signature", "abc"), ("AWSAccessKeyId", "AKID"), ("SignatureVersion", "2"), ("Timestamp", "x")));
        AssertEqual(Obj("""{"VpcId":"vpc-1"}"""), request.Parameters);
    }

    [Fact]
    public void Parse_EmptyListWithoutIndex_IsEmptyList()
    {
        var request = Parser.Parse(Form(("Action", "DescribeVpcs"), ("Version", "2016-11-15"), ("VpcId", "")));
        AssertEqual(Obj("""{"VpcIds":[]}"""), request.Parameters);
    }

    [Fact]
    public void Parse_EmptyStringValue_IsEmptyString()
    {
        var request = Parser.Parse(Form(("Action", "CreateTags"), ("Version", "2016-11-15"), ("ResourceId.1", "vpc-1"),
            ("Tag.1.Key", "k"), ("Tag.1.Value", "")));
        AssertEqual(Obj("""{"Resources":["vpc-1"],"Tags":[{"Key":"k","Value":""}]}"""), request.Parameters);
    }

    [Theory]
    [InlineData("2016-11-15")]
    [InlineData("2014-10-01")] // AWS serves older API versions; we parse them with the current model
    [InlineData("2030-01-01")]
    public void Parse_WellFormedVersion_IsAccepted(string version) =>
        Assert.Equal(version, Parser.Parse(Form(("Action", "DescribeVpcs"), ("Version", version))).Version);

    [Theory]
    [InlineData("latest")]
    [InlineData("2016-13-01")]
    [InlineData("2016-11-15 ")]
    public void Parse_MalformedVersion_IsNoSuchVersion(string version) =>
        Assert.Equal("NoSuchVersion", Fails(("Action", "DescribeVpcs"), ("Version", version)).Code);

    [Fact]
    public void Parse_NoVersion_IsMissingParameter()
    {
        var ex = Fails(("Action", "DescribeVpcs"));
        Assert.Equal("MissingParameter", ex.Code);
        Assert.Equal("The request must contain the parameter Version", ex.Message);
    }

    [Fact]
    public void Parse_NoAction_IsMissingAction()
    {
        Assert.Equal("MissingAction", Fails(("Version", "2016-11-15"), ("VpcId", "vpc-1")).Code);
        Assert.Equal("MissingAction", Fails(("Action", ""), ("Version", "2016-11-15")).Code);
    }

    [Fact]
    public void Parse_UnknownAction_IsInvalidAction()
    {
        var ex = Fails(("Action", "CreateBucket"), ("Version", "2016-11-15"));
        Assert.Equal("InvalidAction", ex.Code);
        Assert.Equal("The action CreateBucket is not valid for this web service.", ex.Message);
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("vpcId.1")] // names are case-sensitive
    [InlineData("VpcIds.1")] // the member name is not the wire name
    [InlineData("Filters.1.Name")]
    [InlineData("Filter.1.Nme")]
    [InlineData("Filter.x.Name")]
    [InlineData("Filter.1.Name.1")] // nesting beyond the shape
    [InlineData("MaxResults.1")]
    [InlineData("VpcId")] // a list needs an index
    [InlineData("Filter.1")] // a structure needs a field
    [InlineData("Filter..Name")]
    [InlineData("Filter.1.")]
    [InlineData(".")]
    [InlineData("VpcId.-1")]
    [InlineData("VpcId.+1")]
    [InlineData("VpcId. 1")]
    public void Parse_UnknownParameter_IsUnknownParameter(string key)
    {
        var ex = FailsDescribeVpcs((key, "x"));
        Assert.Equal("UnknownParameter", ex.Code);
        Assert.Equal($"The parameter {key} is not recognized", ex.Message);
    }

    [Theory]
    [InlineData("MaxResults", "abc", "expected an integer")]
    [InlineData("MaxResults", "1.5", "expected an integer")]
    [InlineData("MaxResults", "99999999999", "expected an integer")]
    [InlineData("MaxResults", " 5", "expected an integer")]
    [InlineData("MaxResults", "", "expected an integer")]
    [InlineData("DryRun", "yes", "expected true or false")]
    [InlineData("DryRun", "1", "expected true or false")]
    [InlineData("DryRun", "", "expected true or false")]
    public void Parse_WrongType_IsInvalidParameterValue(string key, string value, string expected)
    {
        var ex = FailsDescribeVpcs((key, value));
        Assert.Equal("InvalidParameterValue", ex.Code);
        Assert.Equal($"Invalid value '{value}' for parameter {key}: {expected}", ex.Message);
    }

    [Fact]
    public void Parse_BadTimestamp_IsInvalidParameterValue() =>
        Assert.Equal("InvalidParameterValue", Fails(("Action", "DescribeNetworkInsightsAnalyses"), ("Version", "2016-11-15"),
            ("AnalysisStartTime", "yesterday")).Code);

    [Fact]
    public void Parse_LongAndBooleanCase_Accepted()
    {
        var request = Parser.Parse(Form(("Action", "ModifyManagedPrefixList"), ("Version", "2016-11-15"),
            ("PrefixListId", "pl-1"), ("CurrentVersion", "9007199254740993"), ("DryRun", "TRUE")));
        AssertEqual(Obj("""{"PrefixListId":"pl-1","CurrentVersion":9007199254740993,"DryRun":true}"""), request.Parameters);
    }

    [Fact]
    public void Parse_IndexZero_IsInvalidParameterValue()
    {
        var ex = FailsDescribeVpcs(("VpcId.0", "vpc-1"));
        Assert.Equal("InvalidParameterValue", ex.Code);
        Assert.Contains("numbered from 1", ex.Message);
        Assert.Equal("InvalidParameterValue", FailsDescribeVpcs(("VpcId.01", "vpc-1")).Code);
    }

    [Theory]
    [InlineData("VpcId.1001")]
    [InlineData("VpcId.999999999")]
    [InlineData("VpcId.99999999999999999999999")]
    [InlineData("Filter.5000.Name")]
    public void Parse_IndexBeyondLimit_IsInvalidParameterValue(string key)
    {
        var ex = FailsDescribeVpcs((key, "x"));
        Assert.Equal("InvalidParameterValue", ex.Code);
        Assert.Contains("at most 1000 items", ex.Message);
    }

    [Fact]
    public void Parse_ThousandItems_IsAccepted()
    {
        var pairs = Enumerable.Range(1, 1000).Select(i => ($"VpcId.{i}", $"vpc-{i}")).ToArray();
        var request = Parser.Parse(Form([("Action", "DescribeVpcs"), ("Version", "2016-11-15"), .. pairs]));
        Assert.Equal(1000, request.Parameters["VpcIds"]!.AsArray().Count);
        Assert.Equal("vpc-1000", request.Parameters["VpcIds"]![999]!.GetValue<string>());
    }

    [Fact]
    public void Parse_Gap_IsInvalidParameterValue()
    {
        var ex = FailsDescribeVpcs(("VpcId.1", "a"), ("VpcId.3", "c"));
        Assert.Equal("InvalidParameterValue", ex.Code);
        Assert.Equal("The list parameter VpcId has no item 2 but has item 3: items must be numbered 1, 2, 3, ... without gaps", ex.Message);

        var nested = FailsDescribeVpcs(("Filter.1.Name", "cidr"), ("Filter.1.Value.2", "x"));
        Assert.Contains("Filter.1.Value has no item 1", nested.Message);
        Assert.Contains("Filter has no item 1", FailsDescribeVpcs(("Filter.2.Name", "cidr")).Message);
    }

    [Fact]
    public void Parse_HugeValue_IsInvalidParameterValue()
    {
        var ex = FailsDescribeVpcs(("VpcId.1", new string('a', (64 * 1024) + 1)));
        Assert.Equal("InvalidParameterValue", ex.Code);
        Assert.Contains("too long", ex.Message);
        Assert.True(ex.Message.Length < 200);
    }

    [Fact]
    public void Parse_UnpairedSurrogate_IsInvalidParameterValue()
    {
        foreach (var value in new[] { "a\uD800", "\uDC00b", "\uDBFF", "\uD800\uD800\uDC00" })
            Assert.Contains("not valid Unicode text", FailsDescribeVpcs(("VpcId.1", value)).Message);
    }

    [Fact]
    public void Parse_SurrogatePair_IsKept() =>
        AssertEqual(Obj("""{"VpcIds":["x\uD83D\uDE00"]}"""),
            Parser.Parse(Form(("Action", "DescribeVpcs"), ("Version", "2016-11-15"), ("VpcId.1", "x\U0001F600"))).Parameters);

    [Fact]
    public void Parse_HugeKey_IsUnknownParameter_WithShortMessage()
    {
        var ex = FailsDescribeVpcs((new string('F', 100_000), "x"));
        Assert.Equal("UnknownParameter", ex.Code);
        Assert.True(ex.Message.Length < 200);
    }

    [Fact]
    public void Parse_TooManyParameters_IsInvalidParameterValue()
    {
        var limited = new Ec2QueryParser(Ec2ServiceModel.Instance, new Ec2QueryLimits { MaxParameters = 3 });
        var ex = Assert.Throws<Ec2ProtocolException>(() => limited.Parse(Form(("Action", "DescribeVpcs"), ("Version", "2016-11-15"),
            ("VpcId.1", "a"), ("VpcId.2", "b"), ("VpcId.3", "c"), ("VpcId.4", "d"))));
        Assert.Equal("InvalidParameterValue", ex.Code);
    }

    [Fact]
    public void Parse_ManyHighIndexes_StopAtTheRequestWideItemLimit()
    {
        // 100 filters each claiming a 1000th value would need 100,000 slots
        var pairs = Enumerable.Range(1, 100).Select(i => ($"Filter.{i}.Value.1000", "x")).ToArray();
        var ex = FailsDescribeVpcs(pairs);
        Assert.Equal("InvalidParameterValue", ex.Code);
        Assert.Contains("more than 20000 list items", ex.Message);
    }

    [Fact]
    public void Parse_ItemsInLexicographicOrder_AsTheDotNetSdkSortsThem()
    {
        var pairs = Enumerable.Range(1, 1000).Select(i => ($"VpcId.{i}", $"vpc-{i}")).OrderBy(p => p.Item1, StringComparer.Ordinal).ToArray();
        var request = Parser.Parse(Form([("Action", "DescribeVpcs"), ("Version", "2016-11-15"), .. pairs]));
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"vpc-{i}"), request.Parameters["VpcIds"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Parse_RequiredMissing_IsMissingParameter()
    {
        var ex = Fails(("Action", "CreateSubnet"), ("Version", "2016-11-15"), ("CidrBlock", "10.0.1.0/24"));
        Assert.Equal("MissingParameter", ex.Code);
        Assert.Equal("The request must contain the parameter VpcId", ex.Message);
    }

    [Fact]
    public void Parse_NestedRequiredMissing_NamesTheWirePath()
    {
        // ModifySecurityGroupRules: SecurityGroupRuleUpdate requires SecurityGroupRuleId
        var ex = Fails(("Action", "ModifySecurityGroupRules"), ("Version", "2016-11-15"), ("GroupId", "sg-1"),
            ("SecurityGroupRule.1.SecurityGroupRuleId", "sgr-1"), ("SecurityGroupRule.2.SecurityGroupRule.IpProtocol", "tcp"));
        Assert.Equal("MissingParameter", ex.Code);
        Assert.Equal("The request must contain the parameter SecurityGroupRule.2.SecurityGroupRuleId", ex.Message);
    }
}
