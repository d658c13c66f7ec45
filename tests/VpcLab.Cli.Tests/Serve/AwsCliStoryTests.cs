using System.Diagnostics;
using System.Text;

namespace VpcLab.Cli.Tests.Serve;

// The story of tests/cli/aws-cli-story.sh (a two-AZ VPC with every networking resource, filtered and paginated
// describes, AWS's errors, teardown in dependency order) driven by the real AWS CLI against a real `vpclab
// serve`. One class per CLI so xunit runs the two stories side by side.

/// <summary>AWS CLI v2 (Debian's awscli at /usr/bin/aws; CI installs it in .ci/run).</summary>
public class AwsCliV2StoryTests
{
    public const string AwsCliV2 = "/usr/bin/aws";

    [Fact]
    public async Task Story_AwsCliV2_EveryStepAsAws()
    {
        // CI installs the CLI (.ci/run) and must run this story; a developer's fresh machine may not have it yet.
        if (!File.Exists(AwsCliV2))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true",
                $"AWS CLI v2 is not installed at {AwsCliV2}: .ci/run installs it (apt-get install awscli).");
            Assert.Skip($"AWS CLI v2 is not installed at {AwsCliV2} (apt-get install awscli): the v2 story was not run.");
        }
        await AwsCliStory.RunAsync(AwsCliV2, accessKey: "222222222222", scope: "full");
    }
}

/// <summary>AWS CLI v1 (the pyenv `aws` on PATH), when the machine has it: the story without its tear-down
/// (STORY_SCOPE=client). Every step where a client can differ still runs through v1 (shorthand arguments,
/// filters, pagination tokens, text output, exit code 255, S3's checksums); the tear-down's 26 calls are plain
/// deletes by id whose rules the v2 story checks, and each costs ≈ 1 s of Python start-up CPU.</summary>
public class AwsCliV1StoryTests
{
    [Fact]
    public async Task Story_AwsCliV1_EveryStepAsAws()
    {
        var aws = AwsCliStory.FindOnPath("aws", except: AwsCliV2StoryTests.AwsCliV2);
        if (aws is null)
            Assert.Skip("No AWS CLI v1 on PATH (only /usr/bin/aws, which is v2): the v1 story was not run.");
        await AwsCliStory.RunAsync(aws, accessKey: "333333333333", scope: "client");
    }
}

internal static class AwsCliStory
{
    // A hang guard, not a timing: ~90 CLI calls at ~1–4 s each (the CLI's start-up dominates), and since the
    // assembly runs two test threads per core (xunit.runner.json) the rest of Cli.Tests shares the cores with it.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    /// <summary>Runs the story with <paramref name="aws"/> as the account <paramref name="accessKey"/>;
    /// <paramref name="scope"/> is STORY_SCOPE: <c>full</c>, or <c>client</c> (no tear-down).</summary>
    public static async Task RunAsync(string aws, string accessKey, string scope)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "cli", "aws-cli-story.sh");
        Assert.True(File.Exists(script), $"{script} is missing (copied from tests/cli by the test project)");
        var data = Path.Combine(Path.GetTempPath(), $"vpclab-story-{Guid.NewGuid():N}");
        try
        {
            using var server = await ServerProcess.StartAsync(data);
            var start = new ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(server.Url.ToString().TrimEnd('/'));
            start.Environment["AWS"] = aws;
            start.Environment["STORY_ACCESS_KEY"] = accessKey;
            start.Environment["STORY_SCOPE"] = scope;
            var output = new StringBuilder();
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(Limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"the story did not finish within {Limit.TotalMinutes} min:\n{output}");
            }
            process.WaitForExit(); // drains the redirected output
            string log;
            lock (output)
                log = output.ToString();
            TestContext.Current.SendDiagnosticMessage(log);
            Assert.True(process.ExitCode == 0, $"{script} with {aws} exited with {process.ExitCode}:\n{log}");
        }
        finally
        {
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The first executable <paramref name="name"/> on PATH that is not <paramref name="except"/>
    /// (after resolving links), or null.</summary>
    public static string? FindOnPath(string name, string except)
    {
        var exceptTarget = Resolve(except);
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && Resolve(candidate) != exceptTarget)
                return PastPyenvShim(candidate, name);
        }
        return null;
    }

    /// <summary>The executable a pyenv shim runs (<c>pyenv which</c>), so each of the story's ~90 calls does not
    /// also start the shim's bash and pyenv (≈ 0.3 s of CPU a call); the shim itself if pyenv cannot say.</summary>
    private static string PastPyenvShim(string candidate, string name)
    {
        if (Path.GetFileName(Path.GetDirectoryName(candidate)) != "shims")
            return candidate;
        var pyenv = new ProcessStartInfo("pyenv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        pyenv.ArgumentList.Add("which");
        pyenv.ArgumentList.Add(name);
        try
        {
            using var process = Process.Start(pyenv)!;
            var target = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && File.Exists(target) ? target : candidate;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return candidate; // no pyenv on PATH: run the shim
        }
    }

    private static string Resolve(string path)
    {
        if (!File.Exists(path))
            return path;
        return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
    }
}
