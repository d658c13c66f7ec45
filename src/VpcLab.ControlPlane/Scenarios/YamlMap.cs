using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace VpcLab.ControlPlane.Scenarios;

/// <summary>A YAML mapping read with its position, refusing keys it does not know, so that every mistake in a
/// scenario is reported at its line instead of being silently ignored. Public so that a layer above reads its own
/// section of a scenario (the traffic simulation's <c>workloads:</c>) through the same code and errors.</summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private ScenarioException? _missing;

    public YamlMap(YamlNode node, string file, string what)
    {
        _file = file;
        _node = node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value)");
    }

    public int Line => (int)_node.Start.Line;

    public ScenarioException Error(YamlNode node, string message) =>
        new($"{_file}:{node.Start.Line}: {message}");

    public ScenarioException Error(string message) => Error(_node, message);

    private YamlNode? Get(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    /// <summary>A key's node as written, whatever its shape (for sections another layer reads).</summary>
    public YamlNode? Node(string key) => Get(key);

    public string? String(string key)
    {
        var node = Get(key);
        if (node is null)
            return null;
        if (node is not YamlScalarNode scalar)
            throw Error(node, $"'{key}' must be a single value");
        return scalar.Value;
    }

    /// <summary>A value the element must have. A missing one is reported by <see cref="RejectUnknownKeys"/>, after
    /// any unknown key: a misspelt key explains a missing one better than the other way round.</summary>
    public string RequiredString(string key, string what)
    {
        if (String(key) is { Length: > 0 } value)
            return value;
        _missing ??= Error($"{what} needs '{key}'");
        return "";
    }

    public void Require(string key, string what) => _missing ??= Error($"{what} needs '{key}'");

    public bool? Bool(string key)
    {
        var text = String(key);
        return text switch
        {
            null => null,
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Error(Get(key)!, $"'{key}' must be true or false, not '{text}'"),
        };
    }

    public int? Int(string key)
    {
        var text = String(key);
        if (text is null)
            return null;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(Get(key)!, $"'{key}' must be a whole number, not '{text}'");
    }

    /// <summary>A list of plain values; a single value is accepted as a list of one.</summary>
    public ImmutableArray<string> Strings(string key)
    {
        var node = Get(key);
        return node switch
        {
            null => [],
            YamlScalarNode s => [s.Value ?? ""],
            YamlSequenceNode seq => [.. seq.Children.Select(c => c is YamlScalarNode s ? s.Value ?? "" : throw Error(c, $"'{key}' must list plain values"))],
            _ => throw Error(node, $"'{key}' must be a list"),
        };
    }

    /// <summary>Each mapping of a list, read by <paramref name="read"/>; null when the key is absent.</summary>
    public ImmutableArray<T>? List<T>(string key, string what, Func<YamlMap, T> read) => ReadList(Get(key), _file, key, what, read);

    /// <summary>Each mapping of a list kept as written (a section another layer reads, such as
    /// <see cref="ScenarioDocument.Workloads"/>), read by <paramref name="read"/>; null when <paramref name="node"/> is.</summary>
    public static ImmutableArray<T>? ReadList<T>(YamlNode? node, string file, string key, string what, Func<YamlMap, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: null or "" or "[]" })
            return [];
        if (node is not YamlSequenceNode seq)
            throw new ScenarioException($"{file}:{node.Start.Line}: '{key}' must be a list of {what}s");
        return [.. seq.Children.Select(child => read(new YamlMap(child, file, what)))];
    }

    /// <summary>A nested mapping (<c>request: {packets: 10, bytes: 4000}</c>); null when the key is absent.</summary>
    public YamlMap? Map(string key, string what) => Get(key) is { } node ? new YamlMap(node, _file, what) : null;

    /// <summary>Fails on any key that no reader asked for (a typo must not pass silently), then on a missing one.</summary>
    public void RejectUnknownKeys(string what)
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(key))
                throw Error(keyNode, $"unknown key '{key}' in {what} (known: {string.Join(", ", _read.Order(StringComparer.Ordinal))})");
        }
        if (_missing is not null)
            throw _missing;
    }
}
