namespace VpcLab.Cli.Tests;

/// <summary>A scenario that does not load says what is wrong in the author's terms, at the right line, beside AWS's
/// own code and message (docs/semantics.md#cli).</summary>
public sealed class ScenarioMessageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vpclab-messages-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    public static TheoryData<string, string, string[]> Cases => new()
    {
        // AWS: VPCs with matching or overlapping IPv4 CIDR blocks cannot be peered; the request goes to "failed"
        // (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations).
        {
            "overlap.yaml",
            "vpcs:\n  - { name: a, cidr: 10.0.0.0/16 }\n  - { name: b, cidr: 10.0.128.0/17 }\npeerings:\n  - { name: a-b, requester: a, accepter: b }\n",
            [":5: peering 'a-b'", "Overlapping CIDR range", "the VPCs' CIDRs overlap (a: 10.0.0.0/16; b: 10.0.128.0/17)"]
        },
        // AWS: a subnet's CIDR block must be a subset of the VPC's CIDR block (InvalidSubnet.Range)
        // (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
        {
            "outside.yaml",
            "vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    secondary-cidrs: [10.1.0.0/16]\n    subnets:\n      - { name: s, az: us-east-1a, cidr: 10.9.0.0/24 }\n",
            [":6: subnet 's'", "InvalidSubnet.Range: The CIDR '10.9.0.0/24' is invalid.", "must fit inside one of its VPC's IPv4 CIDRs: 10.0.0.0/16, 10.1.0.0/16"]
        },
        { "empty.yaml", "", ["the file is empty"] },
        { "comments.yaml", "# only a comment\n\n", ["the file is empty"] },
        { "tab.yaml", "vpcs:\n  - name: v\n\tcidr: 10.0.0.0/16\n", ["tab.yaml:3: a tab in the indentation"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_BadScenario_SaysWhatIsWrongAtItsLine(string file, string yaml, string[] expected)
    {
        var run = CliRun.Of("validate", Write(file, yaml));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        foreach (var fragment in expected)
            Assert.Contains(fragment, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OverlappingPeeringLeftUnaccepted_Loads()
    {
        var run = CliRun.Of("validate", "peering");
        Assert.True(run.ExitCode == 0, run.Err);
    }

    [Theory]
    [InlineData("traffic", "--out", "is a file; give a directory")]
    [InlineData("serve", "--data", "is a file; give a directory")]
    [InlineData("query", "--logs", "is a file; give the directory vpclab traffic --out wrote into")]
    public void DirectoryOption_GivenAFile_SaysSo(string command, string option, string expected)
    {
        var file = Write("a-file", "x");
        string[] args = command switch
        {
            "traffic" => ["traffic", "-s", "seed", "--duration", "1m", option, file],
            "serve" => ["serve", "--port", "0", option, file],
            _ => ["query", option, file, "SELECT 1"],
        };
        var run = CliRun.Of(args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"{option} '{file}' {expected}", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void TrafficOut_UnderAFile_NamesTheFile()
    {
        var file = Write("a-file", "x");
        var run = CliRun.Of("traffic", "-s", "seed", "--duration", "1m", "--out", Path.Combine(file, "logs"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"'{file}' is a file, so no directory can be made under it", run.Err, StringComparison.Ordinal);
    }
}
