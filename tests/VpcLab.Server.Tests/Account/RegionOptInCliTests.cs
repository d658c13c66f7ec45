using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.Account;

/// <summary>Opt-in Regions through the real AWS CLI against the server (docs/semantics.md#regions): <c>aws account
/// enable-region</c>, <c>get-region-opt-status</c>, <c>list-regions</c>, <c>disable-region</c>, and EC2's answers
/// before and after. The Account commands come from the AWS CLI v1 on PATH (the pyenv <c>aws</c>): the v2 at
/// /usr/bin/aws (2.9.19, January 2023) predates EnableRegion in its service model. EC2 calls use v2.</summary>
public sealed class RegionOptInCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The AWS CLI v1 on PATH (not /usr/bin/aws), or null.</summary>
    private static string? AwsCliV1()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "aws");
            if (File.Exists(candidate) && Path.GetFullPath(candidate) != AwsCli.Path
                && new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName != AwsCli.Path)
                return candidate;
        }
        return null;
    }

    // AWS CLI: enable-region and disable-region print nothing and succeed; get-region-opt-status and list-regions
    // print RegionOptStatus (ENABLED_BY_DEFAULT | ENABLED | DISABLED); a Region enabled by default cannot be enabled
    // (ValidationException). EC2 (CLI v2) refuses describe-vpcs in the disabled Region with AuthFailure and serves it
    // once enabled; describe-regions --all-regions shows not-opted-in, then opted-in.
    [Fact]
    public async Task AccountCommands_EnableListDisable_Ec2Follows()
    {
        var v1 = AwsCliV1();
        Assert.SkipUnless(v1 is not null && AwsCli.Available, "Needs the AWS CLI v1 on PATH and v2 at /usr/bin/aws.");
        await using var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, Ct);
        async Task<AwsCli.Result> Account(params string[] args) => await AwsCli.RunWithAsync(v1!, server.Url, "AKIDEXAMPLE", ["account", .. args]);

        var regions = await AwsCli.OkAsync(server.Url, "ec2", "describe-regions", "--all-regions", "--filters", "Name=region-name,Values=ap-east-1");
        Assert.Equal("not-opted-in", (string?)regions["Regions"]![0]!["OptInStatus"]);
        Assert.Contains("AuthFailure", await AwsCli.FailsAsync(server.Url, "ec2", "describe-vpcs", "--region", "ap-east-1"), StringComparison.Ordinal);
        Assert.Equal("DISABLED", (string?)(await Account("get-region-opt-status", "--region-name", "ap-east-1")).Json["RegionOptStatus"]);

        var enable = await Account("enable-region", "--region-name", "ap-east-1");
        Assert.True(enable.ExitCode == 0, enable.Stderr);
        Assert.Equal("", enable.Stdout.Trim());
        Assert.Equal("ENABLED", (string?)(await Account("get-region-opt-status", "--region-name", "ap-east-1")).Json["RegionOptStatus"]);
        var enabled = (await Account("list-regions", "--region-opt-status-contains", "ENABLED")).Json["Regions"]!.AsArray();
        Assert.Equal(["ap-east-1"], enabled.Select(r => (string?)r!["RegionName"]));
        var listed = (await Account("list-regions")).Json["Regions"]!.AsArray(); // the CLI follows NextToken itself
        Assert.Equal(34, listed.Count);
        Assert.Equal("ENABLED_BY_DEFAULT", (string?)listed.Single(r => (string?)r!["RegionName"] == "us-east-1")!["RegionOptStatus"]);

        var vpcs = await AwsCli.OkAsync(server.Url, "ec2", "describe-vpcs", "--region", "ap-east-1");
        Assert.True((bool)Assert.Single(vpcs["Vpcs"]!.AsArray())!["IsDefault"]!);
        regions = await AwsCli.OkAsync(server.Url, "ec2", "describe-regions", "--filters", "Name=opt-in-status,Values=opted-in");
        Assert.Equal("ap-east-1", (string?)Assert.Single(regions["Regions"]!.AsArray())!["RegionName"]);

        var refused = await Account("enable-region", "--region-name", "us-east-1");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("ValidationException", refused.Stderr, StringComparison.Ordinal);

        var disable = await Account("disable-region", "--region-name", "ap-east-1");
        Assert.True(disable.ExitCode == 0, disable.Stderr);
        Assert.Contains("AuthFailure", await AwsCli.FailsAsync(server.Url, "ec2", "describe-vpcs", "--region", "ap-east-1"), StringComparison.Ordinal);
    }
}
