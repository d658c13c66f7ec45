namespace VpcLab.CloudFormation.Stacks;

/// <summary>CreateStack's inputs. <see cref="SkipUnmodelled"/> is VpcLab's own option (the stack tag
/// <c>vpclab:skip-unmodelled=true</c>, or <c>vpclab apply --skip-unmodelled</c>): resource types VpcLab does not model
/// are skipped, with an event saying so, instead of refusing the template.</summary>
public sealed record CreateStackRequest(string StackName, string TemplateBody)
{
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>ROLLBACK (the default), DELETE or DO_NOTHING.</summary>
    public string? OnFailure { get; init; }

    public bool DisableRollback { get; init; }
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public bool SkipUnmodelled { get; init; }

    /// <summary>UpdateStack: keep the stack's template (TemplateBody is then ignored).</summary>
    public bool UsePreviousTemplate { get; init; }

    /// <summary>UpdateStack: the parameters that keep their previous value (UsePreviousValue=true).</summary>
    public IReadOnlyList<string> PreviousValues { get; init; } = [];

    public const string SkipTag = "vpclab:skip-unmodelled";
}
