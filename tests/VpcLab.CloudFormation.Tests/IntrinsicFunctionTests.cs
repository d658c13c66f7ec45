namespace VpcLab.CloudFormation.Tests;

/// <summary>Each intrinsic function, evaluated in a stack's Outputs (YAML short form and JSON full form), against the
/// value the CloudFormation template reference documents
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html).</summary>
public sealed class IntrinsicFunctionTests
{
    private const string Header = """
        Parameters:
          Env: { Type: String, Default: prod }
          Names: { Type: CommaDelimitedList, Default: "a,b,c" }
        Mappings:
          Sizes:
            prod: { Cidr: 10.1.0.0/16 }
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsDev: !Not [!Condition IsProd]
          Both: !And [!Condition IsProd, !Equals [a, a]]
          Either: !Or [!Condition IsDev, !Equals [a, b]]
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: !FindInMap [Sizes, !Ref Env, Cidr] }
        Outputs:
          Out:
            Value: 
        """;

    public static TheoryData<string, string, string> Rows => new()
    {
        // function, expression (YAML), expected value
        { "Ref parameter", "!Ref Env", "prod" },
        { "Ref pseudo AWS::Region", "!Ref AWS::Region", "us-east-1" },
        { "Ref pseudo AWS::AccountId", "!Ref AWS::AccountId", "111111111111" },
        { "Ref pseudo AWS::Partition", "!Ref AWS::Partition", "aws" },
        { "Ref pseudo AWS::URLSuffix", "!Ref AWS::URLSuffix", "amazonaws.com" },
        { "Ref pseudo AWS::StackName", "!Ref AWS::StackName", "s" },
        { "GetAtt", "!GetAtt Vpc.CidrBlock", "10.1.0.0/16" },
        { "GetAtt list form", "!GetAtt [Vpc, CidrBlock]", "10.1.0.0/16" },
        { "Join", "!Join ['-', [x, !Ref Env, y]]", "x-prod-y" },
        { "Join of a list parameter", "!Join ['+', !Ref Names]", "a+b+c" },
        { "Select", "!Select [1, !Ref Names]", "b" },
        { "Split then Select", "!Select [2, !Split [',', 'p,q,r']]", "r" },
        { "Sub string form", "!Sub '${Env}-${AWS::Region}-${Vpc.CidrBlock}'", "prod-us-east-1-10.1.0.0/16" },
        { "Sub with a variable map", "!Sub ['${A}/${Env}', {A: !Ref AWS::Partition}]", "aws/prod" },
        { "Sub literal ${!x}", "!Sub '${!Literal}'", "${Literal}" },
        { "GetAZs of the stack's Region", "!Select [0, !GetAZs '']", "us-east-1a" },
        { "GetAZs named Region", "!Select [1, !GetAZs eu-west-1]", "eu-west-1b" },
        { "Cidr (AWS's example)", "!Join [',', !Cidr ['192.168.0.0/24', 6, 5]]", "192.168.0.0/27,192.168.0.32/27,192.168.0.64/27,192.168.0.96/27,192.168.0.128/27,192.168.0.160/27" },
        { "Cidr IPv6 /64s of a /56", "!Select [3, !Cidr ['2600:1f18:abcd:ef00::/56', 4, 64]]", "2600:1f18:abcd:ef03::/64" },
        { "FindInMap", "!FindInMap [Sizes, prod, Cidr]", "10.1.0.0/16" },
        { "If true", "!If [IsProd, yes, no]", "yes" },
        { "If false (Not)", "!If [IsDev, yes, no]", "no" },
        { "And", "!If [Both, yes, no]", "yes" },
        { "Or", "!If [Either, yes, no]", "no" },
        { "Base64", "!Base64 hello", "aGVsbG8=" },
        // Fn::Length: the number of elements of a list (YAML puts one tag on a node, so a nested function is the long form)
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-length.html)
        { "Length of a list literal", "!Length [a, b, c, d]", "4" },
        { "Length of a list from Fn::Split", "{'Fn::Length': !Split [',', 'p,q,r,s,t']}", "5" },
        { "Length of a list parameter", "{'Fn::Length': !Ref Names}", "3" },
        // Fn::ToJsonString: an object or array as a JSON string
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-ToJsonString.html)
        { "ToJsonString of an object", "!ToJsonString {k: v}", "{\"k\":\"v\"}" },
        { "ToJsonString of an object with an intrinsic inside", "!ToJsonString {env: !Ref Env, n: !Length [x, y]}", "{\"env\":\"prod\",\"n\":2}" },
        { "ToJsonString of an array", "!ToJsonString [a, !Ref Env]", "[\"a\",\"prod\"]" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Function_InOutputs_EvaluatesAsDocumented(string function, string expression, string expected)
    {
        var stacks = new Stacks();
        var stack = stacks.Create("s", Header + expression + "\n");
        Assert.True(stack.StackStatus == "CREATE_COMPLETE", $"{function}: {stack.StackStatusReason}");
        Assert.Equal(expected, Stacks.Output(stack, "Out"));
    }

    /// <summary>AWS evaluates Fn::Length and Fn::ToJsonString only under <c>Transform: AWS::LanguageExtensions</c>
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-languageextensions.html);
    /// VpcLab evaluates them with or without it, accepts that transform (string or one-element list form) and refuses
    /// every other (docs/cloudformation.md#template-language).</summary>
    [Theory]
    [InlineData("Transform: AWS::LanguageExtensions\n", "CREATE_COMPLETE")]
    [InlineData("Transform: [AWS::LanguageExtensions]\n", "CREATE_COMPLETE")]
    [InlineData("Transform: AWS::Serverless-2016-10-31\n", null)]
    [InlineData("Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n", null)]
    public void Transform_OnlyLanguageExtensions_IsAccepted(string transform, string? status)
    {
        const string body = """
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
            Outputs:
              Count: { Value: !Length [a, b] }
              Json: { Value: !ToJsonString [!GetAtt Vpc.CidrBlock] }
            """;
        var stacks = new Stacks();
        if (status is null)
        {
            var error = Assert.Throws<CloudFormationException>(() => stacks.Create("t", transform + body));
            Assert.Contains("transform", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(stacks.ControlPlane.Network.Vpcs.Values, v => v.PrimaryCidr.ToString() == "10.0.0.0/16");
            return;
        }
        var stack = stacks.Create("t", transform + body);
        Assert.Equal(status, stack.StackStatus);
        Assert.Equal("2", Stacks.Output(stack, "Count"));
        Assert.Equal("[\"10.0.0.0/16\"]", Stacks.Output(stack, "Json"));
    }

    [Fact]
    public void Functions_JsonFullForm_EvaluateLikeYamlShortForm()
    {
        const string json = """
            { "Parameters": { "Env": { "Type": "String", "Default": "dev" } },
              "Resources": { "Vpc": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16" } } },
              "Outputs": { "Out": { "Value": { "Fn::Join": [ ":", [ { "Ref": "Env" }, { "Fn::GetAtt": [ "Vpc", "CidrBlock" ] },
                  { "Fn::Select": [ 0, { "Fn::Cidr": [ { "Fn::GetAtt": [ "Vpc", "CidrBlock" ] }, 2, 8 ] } ] } ] ] } } } }
            """;
        var stack = new Stacks().Create("j", json);
        Assert.Equal("dev:10.0.0.0/16:10.0.0.0/24", Stacks.Output(stack, "Out"));
    }

    [Fact]
    public void Ref_Resource_IsThePhysicalId()
    {
        var stacks = new Stacks();
        var stack = stacks.Create("r", Header + "!Ref Vpc\n");
        Assert.Equal(stacks.Physical(stack, "Vpc"), Stacks.Output(stack, "Out"));
        Assert.StartsWith("vpc-", Stacks.Output(stack, "Out"), StringComparison.Ordinal);
    }
}
