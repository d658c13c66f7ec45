using VpcLab.CloudFormation.Stacks;

namespace VpcLab.Server.CloudFormation;

/// <summary>The Query-protocol form of one CloudFormation call: plain members, and lists as
/// <c>Name.member.N[.Field]</c>, as botocore serializes them.</summary>
internal sealed class CloudFormationForm(IReadOnlyDictionary<string, string> fields)
{
    public string? this[string name] => fields.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) => this[name] is { Length: > 0 } value
        ? value
        : throw new VpcLab.CloudFormation.CloudFormationException("ValidationError", $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    public bool Flag(string name) => this[name] is "true" or "True";

    /// <summary>The entries of a list, in member order: each a map of its fields (or "" for a list of strings).</summary>
    public List<Dictionary<string, string>> Members(string name)
    {
        var prefix = name + ".member.";
        var members = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in fields.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var rest = key[prefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (!int.TryParse(dot < 0 ? rest : rest[..dot], System.Globalization.CultureInfo.InvariantCulture, out var index))
                continue;
            if (!members.TryGetValue(index, out var member))
                members[index] = member = new(StringComparer.Ordinal);
            member[dot < 0 ? "" : rest[(dot + 1)..]] = value;
        }
        return [.. members.Values];
    }

    public List<string> Strings(string name) => [.. Members(name).Select(m => m.GetValueOrDefault("") ?? "")];

    /// <summary>The stack request a CreateStack, UpdateStack or CreateChangeSet call carries (the template body already
    /// fetched when the call named a TemplateURL).</summary>
    public CreateStackRequest StackRequest(string templateBody)
    {
        var parameters = Members("Parameters");
        return new CreateStackRequest(Required("StackName"), templateBody)
        {
            Parameters = parameters.Where(p => p.GetValueOrDefault("UsePreviousValue") != "true")
                .ToDictionary(p => p.GetValueOrDefault("ParameterKey") ?? "", p => p.GetValueOrDefault("ParameterValue") ?? "", StringComparer.Ordinal),
            PreviousValues = [.. parameters.Where(p => p.GetValueOrDefault("UsePreviousValue") == "true").Select(p => p.GetValueOrDefault("ParameterKey") ?? "")],
            Tags = [.. Members("Tags").Select(t => new KeyValuePair<string, string>(t.GetValueOrDefault("Key") ?? "", t.GetValueOrDefault("Value") ?? ""))],
            Capabilities = Strings("Capabilities"),
            OnFailure = this["OnFailure"],
            DisableRollback = Flag("DisableRollback"),
            UsePreviousTemplate = Flag("UsePreviousTemplate"),
        };
    }
}
