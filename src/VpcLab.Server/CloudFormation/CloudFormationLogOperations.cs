using System.Text.Json.Nodes;
using VpcLab.CloudFormation;
using VpcLab.CloudFormation.Stacks;
using VpcLab.ControlPlane;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.CloudFormation;

/// <summary>The CloudFormation calls that change the world, as logged operations (<c>cloudformation:CreateStack</c> …)
/// with their inputs as JSON (the template body itself, so a replay never depends on S3): run through
/// <see cref="ServerState.MutateAsync"/> when a request makes them, and again when the log is replayed. A call refused
/// with a ValidationError changes nothing and is not logged.</summary>
public static class CloudFormationLogOperations
{
    public const string CreateStack = "cloudformation:CreateStack";
    public const string UpdateStack = "cloudformation:UpdateStack";
    public const string DeleteStack = "cloudformation:DeleteStack";
    public const string CreateChangeSet = "cloudformation:CreateChangeSet";
    public const string ExecuteChangeSet = "cloudformation:ExecuteChangeSet";
    public const string DeleteChangeSet = "cloudformation:DeleteChangeSet";

    public static IEnumerable<KeyValuePair<string, LoggedOperationHandler>> Handlers()
    {
        yield return new(CreateStack, (cp, ctx, p) => Id(CloudFormationServices.For(cp).CreateStack(ctx, StackRequest(p)).StackId));
        yield return new(UpdateStack, (cp, ctx, p) => Id(CloudFormationServices.For(cp).UpdateStack(ctx, StackRequest(p)).StackId));
        yield return new(DeleteStack, (cp, ctx, p) =>
        {
            CloudFormationServices.For(cp).DeleteStack(ctx, Text(p, "StackName")!);
            return null;
        });
        yield return new(CreateChangeSet, (cp, ctx, p) =>
        {
            var changeSet = CloudFormationServices.For(cp).ChangeSets.CreateChangeSet(ctx, StackRequest(p), Text(p, "ChangeSetName")!, Text(p, "ChangeSetType"));
            return new JsonObject { ["Id"] = changeSet.ChangeSetId, ["StackId"] = changeSet.StackId };
        });
        yield return new(ExecuteChangeSet, (cp, ctx, p) =>
        {
            CloudFormationServices.For(cp).ChangeSets.ExecuteChangeSet(ctx, Text(p, "ChangeSetName")!, Text(p, "StackName"));
            return null;
        });
        yield return new(DeleteChangeSet, (cp, ctx, p) =>
        {
            CloudFormationServices.For(cp).ChangeSets.DeleteChangeSet(ctx, Text(p, "ChangeSetName")!, Text(p, "StackName"));
            return null;
        });
    }

    private static JsonObject Id(string stackId) => new() { ["StackId"] = stackId };

    /// <summary>A stack request as logged: the same member names as the API's.</summary>
    public static JsonObject Parameters(CreateStackRequest request, string? changeSetName = null, string? changeSetType = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = new JsonObject
        {
            ["StackName"] = request.StackName,
            ["TemplateBody"] = request.TemplateBody,
            ["Parameters"] = new JsonObject([.. request.Parameters.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value))]),
            ["Tags"] = new JsonArray([.. request.Tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]),
            ["Capabilities"] = new JsonArray([.. request.Capabilities.Select(c => (JsonNode)JsonValue.Create(c))]),
            ["DisableRollback"] = request.DisableRollback,
        };
        if (request.OnFailure is not null)
            json["OnFailure"] = request.OnFailure;
        if (request.UsePreviousTemplate)
            json["UsePreviousTemplate"] = true;
        if (request.PreviousValues.Count > 0)
            json["UsePreviousValue"] = new JsonArray([.. request.PreviousValues.Select(v => (JsonNode)JsonValue.Create(v))]);
        if (changeSetName is not null)
            json["ChangeSetName"] = changeSetName;
        if (changeSetType is not null)
            json["ChangeSetType"] = changeSetType;
        return json;
    }

    private static CreateStackRequest StackRequest(JsonObject p) => new(Text(p, "StackName") ?? "", Text(p, "TemplateBody") ?? "")
    {
        Parameters = (p["Parameters"] as JsonObject ?? []).ToDictionary(e => e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal),
        Tags = [.. (p["Tags"] as JsonArray ?? []).Select(t => new KeyValuePair<string, string>((string?)t!["Key"] ?? "", (string?)t["Value"] ?? ""))],
        Capabilities = [.. (p["Capabilities"] as JsonArray ?? []).Select(c => (string?)c ?? "")],
        DisableRollback = p["DisableRollback"] is JsonValue v && v.GetValue<bool>(),
        OnFailure = Text(p, "OnFailure"),
        UsePreviousTemplate = p["UsePreviousTemplate"] is JsonValue u && u.GetValue<bool>(),
        PreviousValues = [.. (p["UsePreviousValue"] as JsonArray ?? []).Select(c => (string?)c ?? "")],
    };

    private static string? Text(JsonObject p, string key) => p[key] is JsonValue v ? v.GetValue<string>() : null;
}
