using System.Text.Json.Nodes;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.CloudFormation;

/// <summary>One template written to use every resource type VpcLab models and every intrinsic function, deployed with
/// the real AWS CLI against the real server: each function's output is the value the template reference documents
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html), and
/// each resource the stack lists is found through the EC2 API (or S3's) by its physical id
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_EC2.html). A second stack imports the
/// first one's export (Fn::ImportValue).</summary>
public sealed class CloudFormationCatalogueCliTests : IAsyncLifetime
{
    private VpcLabServer _server = null!;
    private string _dir = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);
        _dir = Directory.CreateTempSubdirectory("vpclab-cfn-catalogue-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static readonly (string Output, string Value)[] Functions =
    [
        // output, value as documented
        ("RefParameter", "dev"),
        ("Region", "us-east-1"),
        ("Account", "111111111111"),
        ("StackName", "catalogue"),
        ("PartitionAndUrlSuffix", "aws.amazonaws.com"),
        ("GetAtt", "10.0.0.0/16"),
        ("SubWithMap", "b-3"),
        ("Join", "a,b,c"),
        ("SplitThenSelect", "16"),
        ("GetAZs", "us-east-1b"),
        ("Cidr", "10.0.0.0/24 10.0.1.0/24 10.0.2.0/24"),
        ("FindInMap", "t3.micro"),
        ("IfAndOrNotEquals", "yes"),
        ("Base64", "aGVsbG8="),
        ("Length", "3"),
        ("ToJsonString", "{\"env\":\"dev\"}"),
    ];

    [Fact]
    public async Task Catalogue_EveryTypeAndFunction_DeployedWithAwsCli_FoundThroughTheEc2Api()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var template = Path.Combine(_dir, "catalogue.yaml");
        await File.WriteAllTextAsync(template, CatalogueTemplate.Body, TestContext.Current.CancellationToken);
        await Ok("cloudformation", "create-stack", "--stack-name", "catalogue", "--template-body", $"file://{template}",
            "--parameters", "ParameterKey=Env,ParameterValue=dev");
        await Ok("cloudformation", "wait", "stack-create-complete", "--stack-name", "catalogue");
        var stack = (await Ok("cloudformation", "describe-stacks", "--stack-name", "catalogue"))["Stacks"]![0]!;
        Assert.Equal("CREATE_COMPLETE", (string?)stack["StackStatus"]);

        var outputs = stack["Outputs"]!.AsArray().ToDictionary(o => (string)o!["OutputKey"]!, o => (string)o!["OutputValue"]!);
        foreach (var (key, value) in Functions)
            Assert.True(outputs.GetValueOrDefault(key) == value, $"{key}: {outputs.GetValueOrDefault(key)} (expected {value})");
        Assert.StartsWith("arn:aws:cloudformation:us-east-1:111111111111:stack/catalogue/", outputs["StackId"], StringComparison.Ordinal);
        Assert.StartsWith("ami-", outputs["SsmAmi"], StringComparison.Ordinal);

        var resources = (await Ok("cloudformation", "list-stack-resources", "--stack-name", "catalogue"))["StackResourceSummaries"]!.AsArray()
            .ToDictionary(r => (string)r!["LogicalResourceId"]!, r => ((string)r!["ResourceType"]!, (string)r["PhysicalResourceId"]!));
        Assert.DoesNotContain("ProdOnly", resources.Keys); // its Condition is false
        var missing = CatalogueTemplate.Types.Where(t => !resources.Values.Any(r => r.Item1 == t)).ToList();
        Assert.True(missing.Count == 0, "types the catalogue lacks: " + string.Join(", ", missing));
        await AssertEachFound(resources);

        // An instance's UserData and cfn-init metadata are kept, not run: DescribeInstanceAttribute and
        // DescribeStackResource (where cfn-init reads it) answer them.
        var userData = await Ok("ec2", "describe-instance-attribute", "--instance-id", resources["Web"].Item2, "--attribute", "userData");
        Assert.Equal(Convert.ToBase64String("#!/bin/bash\necho catalogue\n"u8), (string?)userData["UserData"]!["Value"]);
        var web = (await Ok("cloudformation", "describe-stack-resource", "--stack-name", "catalogue", "--logical-resource-id", "Web"))["StackResourceDetail"]!;
        Assert.Contains("AWS::CloudFormation::Init", (string?)web["Metadata"], StringComparison.Ordinal);

        var vpc = (await Ok("ec2", "describe-vpcs", "--vpc-ids", resources["Vpc"].Item2))["Vpcs"]![0]!;
        Assert.DoesNotContain(vpc["Tags"]!.AsArray(), t => (string?)t!["Key"] == "env"); // AWS::NoValue removed the item

        await Ok("cloudformation", "create-stack", "--stack-name", "importer", "--template-body",
            "Resources:\n  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: imports, VpcId: !ImportValue catalogue-vpc } }\n");
        var imported = (await Ok("cloudformation", "list-stack-resources", "--stack-name", "importer"))["StackResourceSummaries"]![0]!;
        var group = (await Ok("ec2", "describe-security-groups", "--group-ids", (string)imported["PhysicalResourceId"]!))["SecurityGroups"]![0]!;
        Assert.Equal(resources["Vpc"].Item2, (string?)group["VpcId"]);
    }

    /// <summary>Each resource found by the describe call of its type (a compound id — association, route, entry —
    /// through its parent's): the answer names it. Each distinct call runs once (≈ 1 s of CLI start-up each), and
    /// resources of one type named by their own id share one call with all their ids: EC2 refuses the whole call
    /// (…NotFound) when any of them is unknown, and the answer must name each.</summary>
    private async Task AssertEachFound(Dictionary<string, (string Type, string Physical)> resources)
    {
        var calls = new Dictionary<string, (string[] Args, bool ByOwnIds, List<(string Logical, string Type, string Names)> Checks)>(StringComparer.Ordinal);
        foreach (var (logical, (type, physical)) in resources)
        {
            var (args, names) = CatalogueTemplate.Describe(type, physical);
            if (args is null)
                continue; // stored types: no EC2 or S3 call describes them (their outputs are checked above)
            var byOwnIds = args.Length == 4 && args[2].EndsWith("-ids", StringComparison.Ordinal) && args[3] == names;
            var key = string.Join(' ', byOwnIds ? args[..3] : args);
            if (!calls.TryGetValue(key, out var call))
                calls[key] = call = (byOwnIds ? args[..3] : args, byOwnIds, []);
            call.Checks.Add((logical, type, names));
        }
        foreach (var (key, (args, byOwnIds, checks)) in calls)
        {
            var ids = byOwnIds ? checks.Select(c => c.Names).ToList() : [];
            var answer = (await Ok([.. args, .. ids])).ToJsonString();
            foreach (var (logical, type, names) in checks)
                Assert.True(answer.Contains(names, StringComparison.Ordinal), $"{logical} ({type}): aws {key} {string.Join(' ', ids)} does not name {names}");
        }
    }

    private Task<JsonObject> Ok(params string[] args) => AwsCli.OkAsync(_server.Url, args);
}
