namespace VpcLab.CloudFormation.Tests;

/// <summary>Templates CloudFormation refuses before creating anything, with its error code and message
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/troubleshooting.html).</summary>
public sealed class TemplateRefusalTests
{
    private const string Vpc = "  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }\n";

    public static TheoryData<string, string, string> Rows => new()
    {
        // case, template, message (ValidationError)
        { "bad YAML", "Resources: [unclosed", "Template format error: YAML not well-formed." },
        { "bad JSON", "{ \"Resources\": ", "Template format error: JSON not well-formed." },
        { "no resources", "Description: x\n", "Template format error: At least one Resources member must be defined." },
        { "unknown section", "Foo: 1\nResources:\n" + Vpc, "Template format error: Invalid template property or properties [Foo]" },
        { "resource without Type", "Resources:\n  X: { Properties: {} }\n", "Template format error: [/Resources/X] Every Resources object must contain a Type member." },
        { "Ref to a missing resource", "Resources:\n" + Vpc + "  S: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Nope } }\n",
            "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template" },
        { "DependsOn a missing resource", "Resources:\n  A: { Type: AWS::EC2::InternetGateway, DependsOn: Ghost }\n",
            "Template format error: Unresolved resource dependencies [Ghost] in the Resources block of the template" },
        { "GetAtt of a missing resource", "Resources:\n" + Vpc + "Outputs:\n  O: { Value: !GetAtt Ghost.Id }\n",
            "Template error: instance of Fn::GetAtt references undefined resource Ghost" },
        { "circular DependsOn", "Resources:\n  A: { Type: AWS::EC2::InternetGateway, DependsOn: B }\n  B: { Type: AWS::EC2::InternetGateway, DependsOn: A }\n",
            "Circular dependency between resources: [A, B]" },
        { "circular Ref", "Resources:\n  A: { Type: AWS::EC2::VPC, Properties: { CidrBlock: !GetAtt B.CidrBlock } }\n  B: { Type: AWS::EC2::VPC, Properties: { CidrBlock: !GetAtt A.CidrBlock } }\n",
            "Circular dependency between resources: [A, B]" },
        { "parameter outside AllowedValues", "Parameters:\n  Env: { Type: String, Default: qa, AllowedValues: [dev, prod] }\nResources:\n" + Vpc,
            "Parameter 'Env' must be one of AllowedValues" },
        { "parameter against AllowedPattern", "Parameters:\n  C: { Type: String, Default: x, AllowedPattern: '[0-9]+' }\nResources:\n" + Vpc,
            "Parameter 'C' must match pattern [0-9]+" },
        { "parameter too short", "Parameters:\n  C: { Type: String, Default: ab, MinLength: 3 }\nResources:\n" + Vpc,
            "Parameter 'C' must contain at least 3 characters" },
        { "number above MaxValue", "Parameters:\n  N: { Type: Number, Default: 9, MaxValue: 5 }\nResources:\n" + Vpc,
            "Parameter 'N' must be a number not greater than 5" },
        { "not a number", "Parameters:\n  N: { Type: Number, Default: x }\nResources:\n" + Vpc, "Parameter 'N' must be a number" },
        { "parameter without value", "Parameters:\n  N: { Type: String }\nResources:\n" + Vpc, "Parameters: [N] must have values" },
        // A VpcLab choice, not AWS's refusal: a nested stack is not run, and skipping it would leave its resources
        // silently missing (docs/cloudformation.md#nested-stacks).
        { "nested stack", "Resources:\n" + Vpc + "  Child: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: https://s3.amazonaws.com/t/child.yaml } }\n",
            "VpcLab does not run nested stacks: resource Child is AWS::CloudFormation::Stack; deploy its template as its own stack and pass its outputs as parameters" },
        { "unknown parameter type", "Parameters:\n  N: { Type: Strin, Default: x }\nResources:\n" + Vpc, "Template format error: Unrecognized parameter type: Strin for parameter N" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void CreateStack_BadTemplate_RefusedWithCloudFormationsMessage(string @case, string body, string message)
    {
        var stacks = new Stacks();
        var before = stacks.ControlPlane.Network;
        var error = Assert.Throws<CloudFormationException>(() => stacks.Create("s", body));
        Assert.Equal("ValidationError", error.Code);
        Assert.True(error.Message.StartsWith(message, StringComparison.Ordinal), $"{@case}: {error.Message}");
        Assert.Same(before, stacks.ControlPlane.Network);
        Assert.Null(stacks.Cfn.Find(Stacks.Ctx, "s"));
    }

    [Fact]
    public void CreateStack_NameTaken_AlreadyExists()
    {
        var stacks = new Stacks();
        stacks.Create("s", "Resources:\n" + Vpc);
        var error = Assert.Throws<CloudFormationException>(() => stacks.Create("s", "Resources:\n" + Vpc));
        Assert.Equal("AlreadyExistsException", error.Code);
        Assert.Equal("Stack [s] already exists", error.Message);
    }

    [Fact]
    public void CreateStack_VpcIdParameterOfNoVpc_FailsTheStack()
    {
        var stack = new Stacks().Create("s", "Parameters:\n  V: { Type: 'AWS::EC2::VPC::Id', Default: vpc-0123456789abcdef0 }\nResources:\n" + Vpc);
        Assert.Equal("ROLLBACK_COMPLETE", stack.StackStatus);
        Assert.Contains(stack.Events, e => e.ResourceStatusReason?.StartsWith("Parameter validation failed: parameter value vpc-0123456789abcdef0 for parameter name V does not exist", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Property_Misspelt_FailsTheResourceWithPropertyValidation()
    {
        var stack = new Stacks().Create("s", "Resources:\n  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlok: 10.0.0.0/16 } }\n");
        Assert.Equal("ROLLBACK_COMPLETE", stack.StackStatus);
        Assert.Equal("Properties validation failed for resource Vpc with message: [#: extraneous key [CidrBlok] is not permitted]",
            stack.Events.Single(e => e.ResourceStatus == "CREATE_FAILED").ResourceStatusReason);
    }
}
