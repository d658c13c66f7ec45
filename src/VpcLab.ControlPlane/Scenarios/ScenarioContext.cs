using System.Collections.Immutable;
using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Scenarios;

/// <summary>What every section builder of one scenario run shares: the document, the file name for errors, the
/// control plane, the names given so far (each stands for an id) and the accounts and VPCs by name; and the
/// helpers that turn an AWS error into a scenario error naming file, line, resource and code.</summary>
internal sealed class ScenarioContext(ScenarioDocument document, string file, Ec2ControlPlane controlPlane)
{
    public ScenarioDocument Document => document;
    public string File => file;
    public Ec2ControlPlane ControlPlane => controlPlane;

    /// <summary>Name → (id, line of definition): unique in a scenario.</summary>
    public Dictionary<string, (string Id, int Line)> Names { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AccountId> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Each VPC by name, with the context (account, Region) it was created in.</summary>
    public Dictionary<string, (RequestContext Ctx, VpcId Id)> Vpcs { get; } = new(StringComparer.Ordinal);

    public ImmutableDictionary<string, string> Ids => Names.ToImmutableDictionary(n => n.Key, n => n.Value.Id, StringComparer.Ordinal);

    public void Register(int line, string name, string id)
    {
        if (Names.TryGetValue(name, out var existing))
            throw Fail(line, $"the name '{name}' is already used at line {existing.Line}; names must be unique in a scenario");
        Names[name] = (id, line);
    }

    /// <summary>The id a name stands for; ids themselves pass through.</summary>
    public string Resolve(int line, string nameOrId, string what)
    {
        if (Names.TryGetValue(nameOrId, out var entry))
            return entry.Id;
        if (nameOrId.Contains('-', StringComparison.Ordinal) && nameOrId.Split('-')[^1].All(char.IsAsciiHexDigit) && nameOrId.Split('-')[^1].Length >= 8)
            return nameOrId;
        throw Fail(line, $"{what} '{nameOrId}' is not defined in this scenario (known: {string.Join(", ", Names.Keys.Order(StringComparer.Ordinal))})");
    }

    public T Do<T>(int line, string kind, string name, Func<T> operation) => Do(line, kind, name, operation, _ => null);

    /// <param name="line">The resource's line in the file.</param>
    /// <param name="kind">The resource kind, as the message names it.</param>
    /// <param name="name">The resource's name in the scenario.</param>
    /// <param name="operation">The control-plane call.</param>
    /// <param name="hint">What the scenario author should know beside AWS's words (AWS's message is kept as it is).</param>
    public T Do<T>(int line, string kind, string name, Func<T> operation, Func<Ec2Exception, string?> hint)
    {
        try
        {
            return operation();
        }
        catch (Ec2Exception e)
        {
            var more = hint(e) is { } h ? $" ({h})" : "";
            throw new ScenarioException($"{File}:{line}: {kind} '{name}': {e.Code.Code}: {e.Message}{more}", e);
        }
    }

    public ScenarioException Fail(int line, string message) => new($"{File}:{line}: {message}");

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public AccountId AccountOf(VpcSpec spec)
    {
        if (spec.Account is null)
            return AccountNamed(spec.Line, null);
        return Accounts.TryGetValue(spec.Account, out var id)
            ? id
            : throw Fail(spec.Line, $"VPC '{spec.Name}': no account is named '{spec.Account}'");
    }

    /// <summary>An account by scenario name; null means the scenario's first account.</summary>
    public AccountId AccountNamed(int line, string? name)
    {
        if (name is null)
            return Accounts.Count > 0 ? Accounts.Values.First() : new AccountId(ScenarioParser.DefaultAccountId);
        return Accounts.TryGetValue(name, out var id) ? id : throw Fail(line, $"no account is named '{name}'");
    }

    /// <summary>A prefix list by id (pl-…), by the name of an AWS-managed list (com.amazonaws.us-east-1.s3), or by
    /// the name a scenario gave one.</summary>
    public string ResolvePrefixList(int line, string nameOrId)
    {
        if (Names.TryGetValue(nameOrId, out var named))
            return named.Id;
        var list = ControlPlane.Network.PrefixLists.Values.FirstOrDefault(p => p.Id.Value == nameOrId || p.Name == nameOrId);
        return list?.Id.Value ?? throw Fail(line, $"'{nameOrId}' is neither a CIDR nor a known prefix list");
    }
}
