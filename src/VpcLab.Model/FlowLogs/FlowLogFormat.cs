using System.Collections.Immutable;
using System.Text;

namespace VpcLab.Model;

/// <summary>A flow log's record format: the fields in order, as the <c>${field}</c> string AWS stores in LogFormat.
/// The version written in records is the highest version among the fields (the default format is version 2).</summary>
public sealed class FlowLogFormat : IEquatable<FlowLogFormat>
{
    /// <summary>AWS's default format, exactly as DescribeFlowLogs prints it.</summary>
    public const string DefaultText =
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

    public static readonly FlowLogFormat Default = Parse(DefaultText);

    private FlowLogFormat(string text, ImmutableArray<FlowLogField> fields)
    {
        Text = text;
        Fields = fields;
        Version = fields.Max(f => f.Version);
    }

    /// <summary>The format string as given (and as DescribeFlowLogs returns it).</summary>
    public string Text { get; }

    public ImmutableArray<FlowLogField> Fields { get; }

    /// <summary>The value of the <c>version</c> field in records of this format.</summary>
    public int Version { get; }

    /// <summary>The header line of a plain-text S3 file: the field names, space separated.</summary>
    public string HeaderLine => string.Join(' ', Fields.Select(f => f.Name));

    /// <summary>Parses a LogFormat string: one or more <c>${field}</c> tokens separated by single spaces.</summary>
    /// <exception cref="FormatException">Empty, malformed, an unknown or transit-gateway-only field; the message names it.</exception>
    public static FlowLogFormat Parse(string text)
    {
        if (TryParse(text, out var format, out var error))
            return format;
        throw new FormatException(error);
    }

    public static bool TryParse(string? text, out FlowLogFormat format, out string error)
    {
        format = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "LogFormat must contain at least one field.";
            return false;
        }
        var fields = ImmutableArray.CreateBuilder<FlowLogField>();
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!token.StartsWith("${", StringComparison.Ordinal) || !token.EndsWith('}') || token.Length < 4)
            {
                error = $"Invalid field '{token}' in LogFormat: fields are written ${{field-name}}, separated by spaces.";
                return false;
            }
            var name = token[2..^1];
            if (FlowLogFields.TransitGatewayOnly.Contains(name))
            {
                error = $"The field '{name}' is only available for transit gateway flow logs.";
                return false;
            }
            var field = FlowLogFields.Find(name);
            if (field is null)
            {
                error = $"Unknown field '{name}' in LogFormat.";
                return false;
            }
            fields.Add(field);
        }
        format = new FlowLogFormat(text, fields.ToImmutable());
        error = "";
        return true;
    }

    public bool Equals(FlowLogFormat? other) => other is not null && other.Text == Text;
    public override bool Equals(object? obj) => Equals(obj as FlowLogFormat);
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Text;

    /// <summary>The <c>${field}</c> string for a list of fields.</summary>
    public static string TextOf(IEnumerable<FlowLogFieldId> fields)
    {
        var sb = new StringBuilder();
        foreach (var f in fields)
            sb.Append(sb.Length == 0 ? "" : " ").Append("${").Append(FlowLogFields.Get(f).Name).Append('}');
        return sb.ToString();
    }
}
