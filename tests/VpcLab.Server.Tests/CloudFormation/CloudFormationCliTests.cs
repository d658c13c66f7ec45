using System.Text.Json.Nodes;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.CloudFormation;

/// <summary>CloudFormation's Query protocol driven by the real AWS CLI v2 against the real server (127.0.0.1, random
/// port): create-stack and its waiter, describe-*, list-*, get-template, validate-template, list-exports,
/// delete-stack, and <c>aws cloudformation deploy</c> (change sets) creating, updating and finding nothing to change
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Operations.html).</summary>
public sealed class CloudFormationCliTests : IAsyncLifetime
{
    private const string Template = """
        AWSTemplateFormatVersion: '2010-09-09'
        Description: one public subnet
        Parameters:
          Cidr: { Type: String, Default: 10.20.0.0/16, AllowedPattern: '[0-9./]+' }
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: !Ref Cidr, Tags: [{ Key: Name, Value: cfn-vpc }] }
          Subnet:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]], AvailabilityZone: !Select [0, !GetAZs ''] }
        Outputs:
          VpcId:
            Value: !Ref Vpc
            Export: { Name: !Sub '${AWS::StackName}-vpc' }
          SubnetCidr: { Value: !GetAtt Subnet.CidrBlock }
        """;

    private VpcLabServer _server = null!;
    private string _dir = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);
        _dir = Directory.CreateTempSubdirectory("vpclab-cfn-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private Task<JsonObject> Ok(params string[] args) => AwsCli.OkAsync(_server.Url, args);

    private static void RequireCli() => Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");

    /// <summary>ListStackResources and DescribeStackEvents page with NextToken (AWS pages them by size; VpcLab by 100,
    /// docs/cloudformation.md#paging): the CLI's first page stops at 100 with a token, and following the tokens
    /// gives every item once.</summary>
    [Fact]
    public async Task Lists_MoreThanAPage_PagedWithNextToken()
    {
        RequireCli();
        var body = "Resources:\n" + string.Concat(Enumerable.Range(0, 110).Select(i => $"  P{i}: {{ Type: AWS::SSM::Parameter, Properties: {{ Type: String, Value: v{i} }} }}\n"));
        await Ok("cloudformation", "create-stack", "--stack-name", "many", "--template-body", $"file://{File("many.yaml", body)}");

        var first = await Ok("cloudformation", "list-stack-resources", "--stack-name", "many", "--no-paginate");
        Assert.Equal(100, first["StackResourceSummaries"]!.AsArray().Count);
        Assert.False(string.IsNullOrEmpty((string?)first["NextToken"]));
        var all = await Ok("cloudformation", "list-stack-resources", "--stack-name", "many");
        Assert.Equal(110, all["StackResourceSummaries"]!.AsArray().Select(r => (string?)r!["LogicalResourceId"]).Distinct().Count());
        var events = await Ok("cloudformation", "describe-stack-events", "--stack-name", "many");
        Assert.Equal((2 * 110) + 2, events["StackEvents"]!.AsArray().Count);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        // case, template, CloudFormation's message (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/troubleshooting.html)
        { "bad template syntax", "Resources: [unclosed", "Template format error: YAML not well-formed." },
        { "circular DependsOn", "Resources:\n  A: { Type: AWS::EC2::InternetGateway, DependsOn: B }\n  B: { Type: AWS::EC2::InternetGateway, DependsOn: A }\n", "Circular dependency between resources: [A, B]" },
        { "Ref to a missing resource", "Resources:\n  S: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Ghost, CidrBlock: 10.0.0.0/24 } }\n", "Template format error: Unresolved resource dependencies [Ghost] in the Resources block of the template" },
        { "parameter outside AllowedValues", "Parameters:\n  Env: { Type: String, Default: qa, AllowedValues: [dev, prod] }\nResources:\n  Igw: { Type: AWS::EC2::InternetGateway }\n", "Parameter 'Env' must be one of AllowedValues" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task CreateStack_BadTemplate_ValidationErrorAndNoStack(string @case, string template, string message)
    {
        RequireCli();
        var result = await AwsCli.RunAsync(_server.Url, ["cloudformation", "create-stack", "--stack-name", "bad", "--template-body", $"file://{File("bad.yaml", template)}"]);
        Assert.True(result.ExitCode != 0, @case);
        Assert.Contains("(ValidationError) when calling the CreateStack operation: " + message, result.Stderr, StringComparison.Ordinal);
        var listed = await Ok("cloudformation", "list-stacks");
        Assert.Empty(listed["StackSummaries"]!.AsArray());
    }

    /// <summary>A stack whose export another stack imports cannot be deleted: DELETE_FAILED, its resources kept
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html).</summary>
    [Fact]
    public async Task DeleteStack_ExportImported_DeleteFailedAndResourcesKept()
    {
        RequireCli();
        await Ok("cloudformation", "create-stack", "--stack-name", "net", "--template-body", $"file://{File("net.yaml", Template)}");
        await Ok("cloudformation", "create-stack", "--stack-name", "app", "--template-body", $"file://{File("app.yaml", "Resources:\n  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: app, VpcId: !ImportValue net-vpc } }\n")}");

        await Ok("cloudformation", "delete-stack", "--stack-name", "net");

        var stack = (await Ok("cloudformation", "describe-stacks", "--stack-name", "net"))["Stacks"]![0]!;
        Assert.Equal("DELETE_FAILED", (string?)stack["StackStatus"]);
        Assert.Equal("Export net-vpc cannot be deleted as it is in use by app", (string?)stack["StackStatusReason"]);
        var vpcs = await Ok("ec2", "describe-vpcs", "--filters", "Name=tag:Name,Values=cfn-vpc");
        Assert.Single(vpcs["Vpcs"]!.AsArray());
    }

    [Fact]
    public async Task Stack_ThroughAwsCli_CreateDescribeDelete()
    {
        RequireCli();
        var template = File("vpc.yaml", Template);
        var created = await Ok("cloudformation", "create-stack", "--stack-name", "lab", "--template-body", $"file://{template}",
            "--parameters", "ParameterKey=Cidr,ParameterValue=10.30.0.0/16", "--tags", "Key=team,Value=net");
        Assert.StartsWith("arn:aws:cloudformation:us-east-1:111111111111:stack/lab/", (string?)created["StackId"], StringComparison.Ordinal);
        await Ok("cloudformation", "wait", "stack-create-complete", "--stack-name", "lab");

        var stack = (await Ok("cloudformation", "describe-stacks", "--stack-name", "lab"))["Stacks"]![0]!;
        Assert.Equal("CREATE_COMPLETE", (string?)stack["StackStatus"]);
        Assert.Equal("one public subnet", (string?)stack["Description"]);
        var outputs = stack["Outputs"]!.AsArray().ToDictionary(o => (string)o!["OutputKey"]!, o => (string)o!["OutputValue"]!);
        Assert.Equal("10.30.0.0/24", outputs["SubnetCidr"]);
        var vpcs = await Ok("ec2", "describe-vpcs", "--vpc-ids", outputs["VpcId"]);
        Assert.Equal("10.30.0.0/16", (string?)vpcs["Vpcs"]![0]!["CidrBlock"]);

        var resources = (await Ok("cloudformation", "describe-stack-resources", "--stack-name", "lab"))["StackResources"]!.AsArray();
        Assert.Equal(["AWS::EC2::VPC", "AWS::EC2::Subnet"], resources.Select(r => (string)r!["ResourceType"]!));
        var summaries = (await Ok("cloudformation", "list-stack-resources", "--stack-name", "lab"))["StackResourceSummaries"]!.AsArray();
        Assert.All(summaries, s => Assert.Equal("CREATE_COMPLETE", (string?)s!["ResourceStatus"]));
        var events = (await Ok("cloudformation", "describe-stack-events", "--stack-name", "lab"))["StackEvents"]!.AsArray();
        Assert.Equal("CREATE_COMPLETE", (string?)events[0]!["ResourceStatus"]); // newest first
        Assert.Equal("AWS::CloudFormation::Stack", (string?)events[0]!["ResourceType"]);
        var body = await Ok("cloudformation", "get-template", "--stack-name", "lab");
        Assert.Contains("one public subnet", body["TemplateBody"]!.ToJsonString(), StringComparison.Ordinal);
        var exports = (await Ok("cloudformation", "list-exports"))["Exports"]!.AsArray();
        Assert.Equal("lab-vpc", (string?)exports.Single()!["Name"]);

        await Ok("cloudformation", "delete-stack", "--stack-name", "lab");
        await Ok("cloudformation", "wait", "stack-delete-complete", "--stack-name", "lab");
        var listed = (await Ok("cloudformation", "list-stacks", "--stack-status-filter", "DELETE_COMPLETE"))["StackSummaries"]!.AsArray();
        Assert.Equal("lab", (string?)listed.Single()!["StackName"]);
        var gone = await AwsCli.RunAsync(_server.Url, "ec2", "describe-vpcs", "--vpc-ids", outputs["VpcId"]);
        Assert.Contains("InvalidVpcID.NotFound", gone.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stack_Ec2RefusesMidway_WaiterFailsAndEventsNameTheError()
    {
        RequireCli();
        var outputsAt = Template.IndexOf("Outputs:", StringComparison.Ordinal);
        var template = File("bad.yaml", Template[..outputsAt] + """
              Bad:
                Type: AWS::EC2::Subnet
                Properties: { VpcId: !Ref Vpc, CidrBlock: 192.168.0.0/24 }

            """ + Template[outputsAt..]);
        await Ok("cloudformation", "create-stack", "--stack-name", "bad", "--template-body", $"file://{template}");
        var wait = await AwsCli.RunAsync(_server.Url, "cloudformation", "wait", "stack-create-complete", "--stack-name", "bad");
        Assert.NotEqual(0, wait.ExitCode);
        var stack = (await Ok("cloudformation", "describe-stacks", "--stack-name", "bad"))["Stacks"]![0]!;
        Assert.Equal("ROLLBACK_COMPLETE", (string?)stack["StackStatus"]);
        var events = (await Ok("cloudformation", "describe-stack-events", "--stack-name", "bad"))["StackEvents"]!.AsArray();
        var failed = events.Single(e => (string?)e!["ResourceStatus"] == "CREATE_FAILED")!;
        Assert.Equal("Bad", (string?)failed["LogicalResourceId"]);
        Assert.Contains("InvalidSubnet.Range", (string?)failed["ResourceStatusReason"], StringComparison.Ordinal);
        var vpcs = await Ok("ec2", "describe-vpcs", "--filters", "Name=tag:Name,Values=cfn-vpc");
        Assert.Empty(vpcs["Vpcs"]!.AsArray());
        var left = await Ok("ec2", "describe-subnets", "--filters", "Name=tag:aws:cloudformation:stack-name,Values=bad");
        Assert.Empty(left["Subnets"]!.AsArray()); // the Subnet made before Bad was deleted too
        Assert.Contains(events, e => (string?)e!["LogicalResourceId"] == "Subnet" && (string?)e["ResourceStatus"] == "DELETE_COMPLETE");
    }

    [Fact]
    public async Task ValidateTemplate_CircularDependsOn_CloudFormationsError()
    {
        RequireCli();
        var template = File("cycle.yaml", """
            Resources:
              A: { Type: AWS::EC2::InternetGateway, DependsOn: B }
              B: { Type: AWS::EC2::InternetGateway, DependsOn: A }
            """);
        var result = await AwsCli.RunAsync(_server.Url, "cloudformation", "validate-template", "--template-body", $"file://{template}");
        Assert.Equal(254, result.ExitCode);
        Assert.Contains("(ValidationError) when calling the ValidateTemplate operation: Circular dependency between resources: [A, B]", result.Stderr, StringComparison.Ordinal);
        var valid = await Ok("cloudformation", "validate-template", "--template-body", $"file://{File("ok.yaml", Template)}");
        Assert.Equal("Cidr", (string?)valid["Parameters"]![0]!["ParameterKey"]);
        Assert.Equal("10.20.0.0/16", (string?)valid["Parameters"]![0]!["DefaultValue"]);
    }

    [Fact]
    public async Task Deploy_ChangeSets_CreateThenUpdateThenNoChange()
    {
        RequireCli();
        var template = File("deploy.yaml", Template);
        await Ok("cloudformation", "deploy", "--template-file", template, "--stack-name", "dep");
        var first = (await Ok("cloudformation", "describe-stacks", "--stack-name", "dep"))["Stacks"]![0]!;
        Assert.Equal("CREATE_COMPLETE", (string?)first["StackStatus"]);

        await Ok("cloudformation", "deploy", "--template-file", template, "--stack-name", "dep", "--parameter-overrides", "Cidr=10.40.0.0/16");
        var second = (await Ok("cloudformation", "describe-stacks", "--stack-name", "dep"))["Stacks"]![0]!;
        Assert.Equal("UPDATE_COMPLETE", (string?)second["StackStatus"]);
        var vpcId = second["Outputs"]!.AsArray().Single(o => (string?)o!["OutputKey"] == "VpcId")!["OutputValue"]!.ToString();
        var vpcs = await Ok("ec2", "describe-vpcs", "--filters", "Name=tag:Name,Values=cfn-vpc");
        Assert.Equal("10.40.0.0/16", (string?)vpcs["Vpcs"]!.AsArray().Single()!["CidrBlock"]); // replaced, the old VPC deleted
        Assert.Equal(vpcId, (string?)vpcs["Vpcs"]![0]!["VpcId"]);

        var same = await AwsCli.RunAsync(_server.Url, "cloudformation", "deploy", "--template-file", template, "--stack-name", "dep",
            "--parameter-overrides", "Cidr=10.40.0.0/16", "--no-fail-on-empty-changeset");
        Assert.True(same.ExitCode == 0, same.Stderr);
        Assert.Contains("No changes to deploy", same.Stdout + same.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStack_TemplateUrlInVpcLabsS3_IsRead()
    {
        RequireCli();
        var template = File("url.yaml", Template);
        await Ok("s3api", "create-bucket", "--bucket", "templates");
        await Ok("s3", "cp", template, "s3://templates/vpc.yaml");
        var url = $"https://s3.amazonaws.com/templates/vpc.yaml";
        await Ok("cloudformation", "create-stack", "--stack-name", "fromurl", "--template-url", url);
        var stack = (await Ok("cloudformation", "describe-stacks", "--stack-name", "fromurl"))["Stacks"]![0]!;
        Assert.Equal("CREATE_COMPLETE", (string?)stack["StackStatus"]);
        var missing = await AwsCli.RunAsync(_server.Url, "cloudformation", "create-stack", "--stack-name", "nourl", "--template-url", "https://s3.amazonaws.com/templates/none.yaml");
        Assert.Contains("S3 error: The specified key does not exist.", missing.Stderr, StringComparison.Ordinal);
    }

    /// <summary>update-stack (UsePreviousTemplate, a changed parameter: EnableDnsHostnames updates in place), an explicit
    /// change set with its waiter (Modify, Replacement False), then delete-stack with DeletionPolicy Retain: the VPC
    /// outlives the stack, DELETE_SKIPPED (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html,
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html).</summary>
    [Fact]
    public async Task UpdateStackChangeSetAndRetain_ThroughAwsCli_InPlaceThenKept()
    {
        RequireCli();
        var template = File("retain.yaml", """
            Parameters:
              Dns: { Type: String, Default: 'false', AllowedValues: ['true', 'false'] }
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                DeletionPolicy: Retain
                Properties: { CidrBlock: 10.50.0.0/16, EnableDnsSupport: true, EnableDnsHostnames: !Ref Dns, Tags: [{ Key: Name, Value: kept }] }
            Outputs:
              VpcId: { Value: !Ref Vpc }
            """);
        await Ok("cloudformation", "create-stack", "--stack-name", "keep", "--template-body", $"file://{template}");
        var vpcId = (string)(await Ok("cloudformation", "describe-stacks", "--stack-name", "keep"))["Stacks"]![0]!["Outputs"]![0]!["OutputValue"]!;

        await Ok("cloudformation", "update-stack", "--stack-name", "keep", "--use-previous-template", "--parameters", "ParameterKey=Dns,ParameterValue=true");
        await Ok("cloudformation", "wait", "stack-update-complete", "--stack-name", "keep");
        var hostnames = await Ok("ec2", "describe-vpc-attribute", "--vpc-id", vpcId, "--attribute", "enableDnsHostnames");
        Assert.True((bool)hostnames["EnableDnsHostnames"]!["Value"]!);
        var events = (await Ok("cloudformation", "describe-stack-events", "--stack-name", "keep"))["StackEvents"]!.AsArray();
        Assert.Contains(events, e => (string?)e!["LogicalResourceId"] == "Vpc" && (string?)e["ResourceStatus"] == "UPDATE_COMPLETE" && (string?)e["PhysicalResourceId"] == vpcId);

        await Ok("cloudformation", "create-change-set", "--stack-name", "keep", "--change-set-name", "off", "--use-previous-template",
            "--parameters", "ParameterKey=Dns,ParameterValue=false");
        await Ok("cloudformation", "wait", "change-set-create-complete", "--stack-name", "keep", "--change-set-name", "off");
        var change = (await Ok("cloudformation", "describe-change-set", "--stack-name", "keep", "--change-set-name", "off"))["Changes"]!.AsArray().Single()!["ResourceChange"]!;
        Assert.Equal(["Modify", "Vpc", "False"], new[] { (string?)change["Action"], (string?)change["LogicalResourceId"], (string?)change["Replacement"] });
        await Ok("cloudformation", "execute-change-set", "--stack-name", "keep", "--change-set-name", "off");
        await Ok("cloudformation", "wait", "stack-update-complete", "--stack-name", "keep");

        await Ok("cloudformation", "delete-stack", "--stack-name", "keep");
        await Ok("cloudformation", "wait", "stack-delete-complete", "--stack-name", "keep");
        var kept = await Ok("ec2", "describe-vpcs", "--vpc-ids", vpcId);
        Assert.Equal("10.50.0.0/16", (string?)kept["Vpcs"]![0]!["CidrBlock"]);
        var stackId = (string)(await Ok("cloudformation", "list-stacks", "--stack-status-filter", "DELETE_COMPLETE"))["StackSummaries"]![0]!["StackId"]!;
        var deleted = (await Ok("cloudformation", "describe-stack-events", "--stack-name", stackId))["StackEvents"]!.AsArray();
        Assert.Contains(deleted, e => (string?)e!["LogicalResourceId"] == "Vpc" && (string?)e["ResourceStatus"] == "DELETE_SKIPPED");
    }
}
