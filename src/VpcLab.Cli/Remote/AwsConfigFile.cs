namespace VpcLab.Cli.Remote;

/// <summary>An AWS CLI credentials or config file (INI: <c>[section]</c>, <c>key = value</c>, <c>#</c> and <c>;</c>
/// comments), read only for the few keys <see cref="AwsCallerSettings"/> needs. A missing file is empty.</summary>
internal sealed class AwsConfigFile
{
    private readonly Dictionary<string, Dictionary<string, string>> _sections;

    private AwsConfigFile(Dictionary<string, Dictionary<string, string>> sections) => _sections = sections;

    public static AwsConfigFile Read(string path)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return new AwsConfigFile(sections);
        Dictionary<string, string>? current = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                var name = string.Join(' ', line[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (!sections.TryGetValue(name, out current))
                    sections[name] = current = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            // Indented lines are nested values of a key (s3 = ...), not keys of the profile.
            if (current is not null && eq > 0 && !char.IsWhiteSpace(raw[0]))
                current[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return new AwsConfigFile(sections);
    }

    public bool Has(string section) => _sections.ContainsKey(section);

    public string? Get(string section, string key) =>
        _sections.TryGetValue(section, out var values) && values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
