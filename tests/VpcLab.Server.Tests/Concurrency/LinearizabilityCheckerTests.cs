using System.Globalization;

namespace VpcLab.Server.Tests.Concurrency;

/// <summary>The checker the concurrency test relies on, on histories whose answer is known (a register is
/// linearizable when some order respecting real time explains every read). A history is written
/// "w:VALUE:INVOKED:RETURNED" (write) or "r:VALUE:INVOKED:RETURNED" (read), '-' for no value.</summary>
public sealed class LinearizabilityCheckerTests
{
    [Theory]
    [InlineData("a read overlapping a write may see either value", "w:a:0:10 r:-:5:6 r:a:7:8", true)]
    [InlineData("a read after a write returned sees it", "w:a:0:1 r:-:2:3", false)]
    [InlineData("two overlapping writes, reads agree on one order", "w:a:0:10 w:b:0:10 r:b:11:12 r:b:13:14", true)]
    [InlineData("reads may not go back to an older value", "w:a:0:10 w:b:0:10 r:b:11:12 r:a:13:14", false)]
    [InlineData("a delete is a write of nothing", "w:a:0:1 w:-:2:3 r:-:4:5", true)]
    public void IsLinearizable_KnownHistory_Answers(string rule, string history, bool linearizable) =>
        Assert.True(LinearizabilityChecker.IsLinearizable(Parse(history)) == linearizable, rule);

    private static List<RegisterOperation> Parse(string history) =>
        [.. history.Split(' ').Select(op => op.Split(':')).Select(p => new RegisterOperation(
            p[0] == "w", p[1] == "-" ? null : p[1], long.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture)))];
}
