using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using VpcLab.Cli.Rendering;

namespace VpcLab.Cli.Tests;

/// <summary>Output that reads at any width and piped (docs/semantics.md#cli): tables fold into one block per row
/// when they would not fit, ids, addresses and CIDRs are never split across lines, no line ends in spaces, and every
/// command that prints data has <c>--json</c>.</summary>
public sealed partial class OutputTests(OutputFixture logs) : IClassFixture<OutputFixture>
{
    [GeneratedRegex(@"\b(?:vpc|subnet|eni|pcx|fl)-[0-9a-f]{17}\b|\b\d+\.\d+\.\d+\.\d+/\d+\b")]
    private static partial Regex IdOrCidr();

    private static void AssertNoTrailingSpaces(string text) =>
        Assert.DoesNotMatch(new Regex(" +$", RegexOptions.Multiline), text.Replace("\r", "", StringComparison.Ordinal));

    /// <summary>Every line fits the width unless it is one unbreakable word after its label (a long path).</summary>
    private static void AssertFits(string text, int width)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > width)
                Assert.DoesNotContain(' ', line.Split(" | ", 2)[^1]);
        }
    }

    [Theory]
    [InlineData(80)]
    [InlineData(200)]
    [InlineData(null)] // piped, no COLUMNS
    public void Query_SelectStar_FoldsIntoOneBlockPerRowWithEveryColumn(int? width)
    {
        var run = CliRun.At(width, "query", "--logs", logs.Out, "SELECT * FROM vpc_flow_logs LIMIT 3");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("-[ RECORD 1 ]", run.Out, StringComparison.Ordinal);
        Assert.Contains("-[ RECORD 3 ]", run.Out, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^interface_id +\| eni-[0-9a-f]{17}$", RegexOptions.Multiline), run.Out);
        Assert.Matches(new Regex(@"^action +\| (ACCEPT|REJECT)$", RegexOptions.Multiline), run.Out);
        Assert.Contains("(3 rows)", run.Out, StringComparison.Ordinal);
        AssertNoTrailingSpaces(run.Out);
        AssertFits(run.Out, width ?? 80);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(200)]
    [InlineData(null)]
    public void Query_NarrowResult_IsATable(int? width)
    {
        var run = CliRun.At(width, "query", "--logs", logs.Out, "SELECT action, count(*) AS n FROM vpc_flow_logs GROUP BY action ORDER BY action");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Matches(new Regex(@"^│ action │ +n │$", RegexOptions.Multiline), run.Out);
        Assert.Matches(new Regex(@"^│ ACCEPT │ +\d+ │$", RegexOptions.Multiline), run.Out);
        AssertNoTrailingSpaces(run.Out);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    [InlineData(200)]
    [InlineData(null)]
    public void Show_AnyWidth_NeverSplitsIdsOrCidrs(int? width)
    {
        foreach (var scenario in new[] { "seed", "peering" })
        {
            var json = CliRun.Of("show", scenario, "--json").Out;
            var text = CliRun.At(width, "show", scenario).Out;
            foreach (var id in IdOrCidr().Matches(json).Select(m => m.Value).Distinct())
                Assert.Contains(id, text, StringComparison.Ordinal);
            AssertNoTrailingSpaces(text);
            AssertFits(text, width ?? 80);
        }
    }

    [Fact]
    public void Show_Peering_ListsPeeringsFlowLogsAndTheVpcOfEachGroup()
    {
        var peering = CliRun.At(250, "show", "peering").Out;
        Assert.Contains("VPC peering connections", peering, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"│ a-b +│ pcx-[0-9a-f]{17} │ vpc-a \(vpc-[0-9a-f]{17}, 111111111111, us-east-1, 10\.10\.0\.0/16\)"), peering);
        Assert.Matches(new Regex(@"│ b-sg +│ vpc-b +│ ingress"), peering);
        var seed = CliRun.At(250, "show", "seed").Out;
        Assert.Contains("Flow logs", seed, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"│ vpc-all +│ fl-[0-9a-f]{17} │ seed-vpc \(vpc-[0-9a-f]{17}\) +│ ALL +│ s3://seed-flow-logs/vpc"), seed);
        var json = JsonDocument.Parse(CliRun.Of("show", "peering", "--json").Out).RootElement;
        Assert.True(json.GetProperty("vpcPeeringConnections").GetArrayLength() >= 2);
        // A peering that is not active says why (AWS's status message).
        Assert.Matches(new Regex(@"│ failed: Overlapping CIDR range │"), peering);
    }

    // RFC 792: an ICMP message has a type and a code, no ports.
    [Fact]
    public void TraceJson_IcmpFlow_HasTypeAndCodeNotPorts()
    {
        var run = CliRun.Of("trace", "-s", "seed", "--from", "web-1", "--to", "198.51.100.80", "-p", "icmp", "--json");
        var flow = JsonDocument.Parse(run.Out).RootElement.GetProperty("flow");
        Assert.Equal(8, flow.GetProperty("icmpType").GetInt32());
        Assert.Equal(0, flow.GetProperty("icmpCode").GetInt32());
        Assert.DoesNotContain("\"destinationPort\"", run.Out, StringComparison.Ordinal); // nor in any hop's header
        Assert.DoesNotContain("\"sourcePort\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_At80Columns_HasNoTrailingSpaces()
    {
        var run = CliRun.At(80, "trace", "-s", "seed", "--from", "app-2", "--to", "db-1", "--port", "5432");
        Assert.Equal(ExitCodes.Dropped, run.ExitCode);
        AssertNoTrailingSpaces(run.Out);
    }

    public static TheoryData<string[]> JsonCommands => new()
    {
        { ["trace", "-s", "seed", "--from", "web-1", "--to", "app-1", "--port", "8080", "--json"] },
        { ["show", "seed", "--json"] },
        { ["validate", "seed", "--json"] },
        { ["resolve", "-s", "seed", "--vpc", "seed-vpc", "ip-10-0-10-4.ec2.internal", "--json"] },
        { ["query", "--logs", "{out}", "SELECT action, count(*) AS n FROM vpc_flow_logs GROUP BY action", "--json"] },
        { ["flowlogs", "groups", "--out", "{out}", "--json"] },
        { ["flowlogs", "streams", "--out", "{out}", "--group", OutputFixture.LogGroup, "--json"] },
        { ["flowlogs", "tail", "--out", "{out}", "--group", OutputFixture.LogGroup, "--limit", "2", "--json"] },
    };

    [Theory]
    [MemberData(nameof(JsonCommands))]
    public void DataCommand_Json_PrintsOnlyJson(string[] args)
    {
        var run = CliRun.Of([.. args.Select(a => a.Replace("{out}", logs.Out, StringComparison.Ordinal))]);
        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.NotEqual(JsonValueKind.Undefined, doc.RootElement.ValueKind);
    }

    [Fact]
    public void Query_JsonAndAnotherFormat_IsAUsageError()
    {
        var run = CliRun.Of("query", "--logs", logs.Out, "--format", "csv", "--json", "SELECT 1");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--json or --format csv", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("80", 80)]
    [InlineData("", null)]
    [InlineData("wide", null)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    public void ConsoleWidth_FromColumns_TakesPositiveWholeNumbers(string columns, int? expected) =>
        Assert.Equal(expected, ConsoleOutput.WidthFrom(columns));

    [Fact]
    public void Wrap_AnyText_KeepsEveryWordWholeAndInOrder() =>
        Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 30].Array[0, 12], Gen.Int[1, 60]).Sample((words, room) =>
        {
            var lines = FoldingTable.Wrap(string.Join(' ', words), room);
            Assert.Equal(words, lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            Assert.All(lines, l => Assert.True(l.Length <= room || !l.Contains(' ', StringComparison.Ordinal), l));
        });

    [Fact]
    public void TrimmingWriter_SpacesBeforeANewline_AreDropped()
    {
        var inner = new StringWriter();
        using var writer = new TrailingSpaceTrimmingWriter(inner);
        writer.Write("a  b   \n  c \r\nd ");
        Assert.Equal("a  b\n  c\r\nd", inner.ToString());
    }
}
