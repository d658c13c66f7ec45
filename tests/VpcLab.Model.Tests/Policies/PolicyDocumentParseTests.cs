using VpcLab.Model.Policies;

namespace VpcLab.Model.Tests.Policies;

public class PolicyDocumentParseTests
{
    // spec/gateways-endpoints-peering.md: the default endpoint policy is full access for everyone.
    [Fact]
    public void DefaultEndpointPolicy_Parsed_IsOneFullAccessAllowStatement()
    {
        var policy = PolicyDocument.DefaultEndpointPolicy;
        var statement = Assert.Single(policy.Statements);
        Assert.Equal(PolicyKind.VpcEndpoint, policy.Kind);
        Assert.Null(policy.Version);
        Assert.Equal(PolicyEffect.Allow, statement.Effect);
        Assert.True(statement.Principal.IsWildcard);
        Assert.Equal(StatementValues.Of("*"), statement.Action);
        Assert.Equal(StatementValues.Of("*"), statement.Resource);
        Assert.Empty(statement.Conditions);
    }

    // IAM grammar: Statement is one object or a list of them; Action/Resource a string or a list.
    [Theory]
    [InlineData("""{"Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}}""", 1)]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]},{"Effect":"Deny","Principal":"*","NotAction":"s3:Get*","NotResource":"arn:aws:s3:::b/*"}]}""", 2)]
    public void Parse_StatementObjectOrList_ReadsEveryStatement(string json, int count)
    {
        var policy = PolicyDocument.Parse(json, PolicyKind.S3Bucket);
        Assert.Equal(count, policy.Statements.Length);
    }

    [Fact]
    public void Parse_ListsAndNegatedElements_KeepValuesAndNegation()
    {
        var policy = PolicyDocument.Parse(
            """{"Version":"2012-10-17","Id":"p1","Statement":[{"Sid":"A","Effect":"Deny","NotPrincipal":{"AWS":["111122223333","arn:aws:iam::111122223333:role/app"]},"NotAction":["s3:Get*","s3:List*"],"NotResource":"arn:aws:s3:::b/*"}]}""",
            PolicyKind.S3Bucket);
        var statement = policy.Statements[0];
        Assert.Equal("2012-10-17", policy.Version);
        Assert.Equal("p1", policy.Id);
        Assert.Equal("A", statement.Sid);
        Assert.Equal(PolicyEffect.Deny, statement.Effect);
        Assert.True(statement.Principal.IsNegated);
        Assert.False(statement.Principal.IsWildcard);
        Assert.Equal(["111122223333", "arn:aws:iam::111122223333:role/app"], statement.Principal.Aws);
        Assert.Equal(StatementValues.Not("s3:Get*", "s3:List*"), statement.Action);
        Assert.Equal(StatementValues.Not("arn:aws:s3:::b/*"), statement.Resource);
    }

    // {"AWS":"*"} means everyone, exactly like "*".
    [Theory]
    [InlineData("\"*\"", true, 0, 0)]
    [InlineData("""{"AWS":"*"}""", true, 1, 0)]
    [InlineData("""{"AWS":"123456789012"}""", false, 1, 0)]
    [InlineData("""{"AWS":["arn:aws:iam::123456789012:root","arn:aws:sts::123456789012:assumed-role/r/s"]}""", false, 2, 0)]
    [InlineData("""{"Service":["cloudtrail.amazonaws.com"],"AWS":"arn:aws-us-gov:iam::123456789012:user/u"}""", false, 1, 1)]
    public void Parse_PrincipalForms_AreRead(string principal, bool wildcard, int awsCount, int serviceCount)
    {
        var policy = PolicyDocument.Parse(
            $$"""{"Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"*","Resource":"*"}]}""", PolicyKind.VpcEndpoint);
        var element = policy.Statements[0].Principal;
        Assert.Equal(wildcard, element.IsWildcard);
        Assert.Equal(awsCount, element.Aws.Length);
        Assert.Equal(serviceCount, element.Service.Length);
    }

    // Condition: operator → key → value or list; JSON numbers and booleans are kept as their text.
    [Fact]
    public void Parse_Conditions_SplitOperatorPrefixAndSuffix_AndKeepScalarText()
    {
        var policy = PolicyDocument.Parse("""
            {"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{
              "StringNotEquals":{"aws:SourceVpce":["vpce-1a2b3c4d","vpce-5e6f7a8b"]},
              "ForAnyValue:StringLikeIfExists":{"aws:TagKeys":"team-*"},
              "Bool":{"aws:SecureTransport":false},
              "NumericLessThan":{"s3:max-keys":10}}}]}
            """, PolicyKind.S3Bucket);
        var conditions = policy.Statements[0].Conditions;
        Assert.Equal(4, conditions.Length);
        Assert.Equal(new ConditionOperator(ConditionOperatorKind.StringNotEquals, false, ConditionSetQualifier.None), conditions[0].Operator);
        Assert.Equal(["vpce-1a2b3c4d", "vpce-5e6f7a8b"], conditions[0].Values);
        Assert.Equal(new ConditionOperator(ConditionOperatorKind.StringLike, true, ConditionSetQualifier.ForAnyValue), conditions[1].Operator);
        Assert.Equal("ForAnyValue:StringLikeIfExists", conditions[1].Operator.ToString());
        Assert.Equal(["false"], conditions[2].Values);
        Assert.Equal(["10"], conditions[3].Values);
    }

    [Theory]
    [InlineData("StringEquals", ConditionOperatorKind.StringEquals, false, ConditionSetQualifier.None)]
    [InlineData("ArnNotLikeIfExists", ConditionOperatorKind.ArnNotLike, true, ConditionSetQualifier.None)]
    [InlineData("ForAllValues:StringEqualsIgnoreCase", ConditionOperatorKind.StringEqualsIgnoreCase, false, ConditionSetQualifier.ForAllValues)]
    [InlineData("NotIpAddress", ConditionOperatorKind.NotIpAddress, false, ConditionSetQualifier.None)]
    [InlineData("Null", ConditionOperatorKind.Null, false, ConditionSetQualifier.None)]
    public void ConditionOperator_TryParse_KnownNames(string text, ConditionOperatorKind kind, bool ifExists, ConditionSetQualifier qualifier)
    {
        Assert.True(ConditionOperator.TryParse(text, out var op));
        Assert.Equal(new ConditionOperator(kind, ifExists, qualifier), op);
        Assert.Equal(text, op.ToString());
    }

    [Theory]
    [InlineData("StringEqual")]
    [InlineData("stringequals")]
    [InlineData("NullIfExists")]
    [InlineData("ForSomeValues:StringEquals")]
    [InlineData("3")]
    [InlineData("IfExists")]
    public void ConditionOperator_TryParse_RefusesUnknownNames(string text) =>
        Assert.False(ConditionOperator.TryParse(text, out _));

    [Fact]
    public void Parse_SameJsonTwice_GivesEqualDocuments()
    {
        const string json = """{"Statement":[{"Sid":"s","Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:SourceVpc":"vpc-1"}}}]}""";
        Assert.Equal(PolicyDocument.Parse(json, PolicyKind.S3Bucket), PolicyDocument.Parse(json, PolicyKind.S3Bucket));
        Assert.NotEqual(PolicyDocument.Parse(json, PolicyKind.S3Bucket), PolicyDocument.Parse(json, PolicyKind.VpcEndpoint));
    }

    // EC2 counts 20,480 characters; a document of exactly that length is accepted.
    [Fact]
    public void Parse_DocumentOfExactlyMaxLength_IsAccepted()
    {
        const string head = "{\"Statement\":[{\"Sid\":\"";
        const string tail = "\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        var json = head + new string('a', PolicyDocument.MaxLength - head.Length - tail.Length) + tail;
        Assert.Equal(PolicyDocument.MaxLength, json.Length);
        Assert.Single(PolicyDocument.Parse(json, PolicyKind.VpcEndpoint).Statements);
    }
}
