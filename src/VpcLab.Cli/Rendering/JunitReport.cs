using System.Globalization;
using System.Xml.Linq;
using VpcLab.Analysis.Checks;
using VpcLab.Engine;

namespace VpcLab.Cli.Rendering;

/// <summary><c>vpclab check --junit FILE</c>: the results as JUnit XML, the shape CI systems read (GitHub Actions
/// reporters, GitLab, Jenkins): one <c>testsuite</c> named after the policy file, one <c>testcase</c> per assertion, a
/// <c>failure</c> with the broken assertion's message and its counterexample's trace (docs/check.md#junit).</summary>
public static class JunitReport
{
    public static XDocument Build(PolicyDocument policy, IReadOnlyList<AssertionResult> results)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(results);
        var suiteName = Path.GetFileName(policy.File);
        string failures = results.Count(r => !r.Holds).ToString(CultureInfo.InvariantCulture);
        string tests = results.Count.ToString(CultureInfo.InvariantCulture);
        var suite = new XElement("testsuite",
            new XAttribute("name", suiteName), new XAttribute("tests", tests), new XAttribute("failures", failures),
            new XAttribute("errors", "0"), new XAttribute("skipped", "0"),
            results.Select(r => TestCase(suiteName, r)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "vpclab check"), new XAttribute("tests", tests),
                new XAttribute("failures", failures), new XAttribute("errors", "0"), suite));
    }

    private static XElement TestCase(string suiteName, AssertionResult result)
    {
        var testCase = new XElement("testcase", new XAttribute("name", result.Assertion.Name), new XAttribute("classname", suiteName));
        if (!result.Holds)
            testCase.Add(new XElement("failure", new XAttribute("message", result.Message), new XAttribute("type", "AssertionBroken"),
                Body(result)));
        return testCase;
    }

    private static string Body(AssertionResult result)
    {
        var lines = new List<string> { result.Message };
        if (result.Counterexample is { } trace)
        {
            lines.Add($"trace: {trace.Flow} {(trace.Verdict == Verdict.Accepted ? "delivered" : "dropped")}");
            lines.AddRange(trace.Forward.Select(h => $"  forward {h}"));
            if (!trace.Return.IsDefaultOrEmpty)
                lines.AddRange(trace.Return.Select(h => $"  return {h}"));
        }
        return string.Join('\n', lines);
    }
}
