using Spectre.Console;
using VpcLab.Engine.Policies;

namespace VpcLab.Cli.Rendering;

/// <summary>How a policy's decision and a request's reasons are drawn in a trace tree: one rendering for S3 requests
/// and requests to other services.</summary>
internal static class PolicyMarkup
{
    public static string Decision(PolicyEvaluation e) => e.Decision switch
    {
        PolicyDecision.ExplicitDeny => $"[red]explicit deny[/] by {Markup.Escape(e.DecidingStatement?.ToString() ?? "?")}",
        PolicyDecision.Allow => $"[green]allow[/] by {Markup.Escape(e.DecidingStatement?.ToString() ?? "?")}",
        _ => "no statement applies (implicit deny)",
    };

    /// <summary>Each reason under the request's node: allowed green, denied red, the rest grey.</summary>
    public static void AddReasons(TreeNode node, IEnumerable<string> reasons)
    {
        foreach (var reason in reasons)
        {
            var colour = reason.StartsWith("allowed", StringComparison.Ordinal) ? "green" : reason.StartsWith("denied", StringComparison.Ordinal) ? "red" : "grey";
            node.AddNode($"[{colour}]{Markup.Escape(reason)}[/]");
        }
    }
}
