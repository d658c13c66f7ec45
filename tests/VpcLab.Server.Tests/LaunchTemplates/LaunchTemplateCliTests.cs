using System.Text.Json.Nodes;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.LaunchTemplates;

/// <summary>The real AWS CLI v2 against the server (127.0.0.1, random port, in memory): the launch template commands
/// of https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/create-launch-template.html and
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-launch-template-versions.html, then run-instances
/// --launch-template.</summary>
public sealed class LaunchTemplateCliTests : IAsyncLifetime
{
    private VpcLabServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Task<JsonObject> Ok(params string[] args) => AwsCli.OkAsync(_server.Url, ["ec2", .. args]);

    [Fact]
    public async Task LaunchTemplateCommands_ThroughAwsCliV2_VersionsDefaultAndLaunch()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var created = await Ok("create-launch-template", "--launch-template-name", "cli-template", "--version-description", "WebVersion1",
            "--launch-template-data", """{"ImageId":"ami-0fc50b841d13a3d05","InstanceType":"t3.micro","CpuOptions":{"CoreCount":1,"ThreadsPerCore":2},"Monitoring":{"Enabled":true},"InstanceRequirements":{"VCpuCount":{"Min":2},"MemoryMiB":{"Min":1024},"CpuManufacturers":["amd"]}}""");
        var id = (string)created["LaunchTemplate"]!["LaunchTemplateId"]!;
        // Every member is kept and answered under its own name (docs/semantics.md#launch-template-members).
        var first = (await Ok("describe-launch-template-versions", "--launch-template-id", id))["LaunchTemplateVersions"]![0]!["LaunchTemplateData"]!;
        Assert.Equal(2, (long)first["CpuOptions"]!["ThreadsPerCore"]!);
        Assert.True((bool)first["Monitoring"]!["Enabled"]!);
        Assert.Equal("amd", (string?)first["InstanceRequirements"]!["CpuManufacturers"]![0]);
        Assert.Equal(1024, (long)first["InstanceRequirements"]!["MemoryMiB"]!["Min"]!);
        var v2 = await Ok("create-launch-template-version", "--launch-template-id", id, "--source-version", "1",
            "--version-description", "WebVersion2", "--launch-template-data", """{"InstanceType":"t3.small"}""");
        Assert.Equal(2, (long)v2["LaunchTemplateVersion"]!["VersionNumber"]!);
        Assert.Equal("ami-0fc50b841d13a3d05", (string?)v2["LaunchTemplateVersion"]!["LaunchTemplateData"]!["ImageId"]);

        var modified = await Ok("modify-launch-template", "--launch-template-id", id, "--default-version", "2");
        Assert.Equal(2, (long)modified["LaunchTemplate"]!["DefaultVersionNumber"]!);
        var versions = await Ok("describe-launch-template-versions", "--launch-template-id", id, "--versions", "$Default");
        Assert.Equal("t3.small", (string?)versions["LaunchTemplateVersions"]![0]!["LaunchTemplateData"]!["InstanceType"]);

        var run = await Ok("run-instances", "--launch-template", $"LaunchTemplateId={id}", "--count", "1");
        Assert.Equal("t3.small", (string?)run["Instances"]![0]!["InstanceType"]);

        var deleted = await Ok("delete-launch-template-versions", "--launch-template-id", id, "--versions", "1", "2");
        Assert.Equal(1, (long)deleted["SuccessfullyDeletedLaunchTemplateVersions"]![0]!["VersionNumber"]!);
        Assert.Equal("unexpectedError", (string?)deleted["UnsuccessfullyDeletedLaunchTemplateVersions"]![0]!["ResponseError"]!["Code"]);

        await Ok("delete-launch-template", "--launch-template-name", "cli-template");
        var missing = await AwsCli.RunAsync(_server.Url, "ec2", "describe-launch-templates", "--launch-template-ids", id);
        Assert.Equal(254, missing.ExitCode); // AWS CLI v2: a service error
        Assert.Contains("InvalidLaunchTemplateId.NotFound", missing.Stderr, StringComparison.Ordinal);
    }
}
