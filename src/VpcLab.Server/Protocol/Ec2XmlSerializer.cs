using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VpcLab.Server.Protocol;

/// <summary>The one EC2 response serializer: a <see cref="JsonObject"/> keyed by the output shape's member
/// names becomes the XML AWS writes, <c>&lt;{Action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"&gt;
/// &lt;requestId&gt;…&lt;/requestId&gt;…</c>, element names from the model (<c>locationName</c>, else the member
/// name lower-camel), lists as <c>&lt;xxxSet&gt;&lt;item&gt;…&lt;/item&gt;&lt;/xxxSet&gt;</c>, booleans
/// <c>true|false</c>, timestamps <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, nulls omitted. Also the error envelope.
/// Writes UTF-8 straight into an <see cref="IBufferWriter{T}"/> (an HTTP response's <c>BodyWriter</c>).
/// Thread-safe.</summary>
public sealed class Ec2XmlSerializer
{
    /// <summary>The Content-Type AWS sends with EC2 responses.</summary>
    public const string ContentType = "text/xml;charset=UTF-8";

    private static readonly SearchValues<char> s_special = SearchValues.Create(
        "<>&\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private readonly Ec2ServiceModel _model;
    private readonly byte[] _namespaceUtf8;

    public Ec2XmlSerializer(Ec2ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _namespaceUtf8 = Encoding.UTF8.GetBytes(model.XmlNamespace);
    }

    /// <summary>A serializer over the embedded model.</summary>
    public static Ec2XmlSerializer Default { get; } = new(Ec2ServiceModel.Instance);

    public Ec2ServiceModel Model => _model;

    /// <summary>Writes the success response of <paramref name="operation"/>. An operation without an output
    /// shape (DeleteVpc, CreateTags, ...) answers <c>&lt;return&gt;true&lt;/return&gt;</c>, as AWS does.</summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> has a member the output shape lacks or a
    /// value of the wrong kind (a server bug, not a client error).</exception>
    public void WriteResponse(IBufferWriter<byte> output, Ec2Operation operation, JsonObject? result, string requestId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(requestId);
        var w = new Utf8Xml(output);
        w.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"u8);
        w.Name(operation.Name);
        w.Raw("Response xmlns=\""u8);
        w.Raw(_namespaceUtf8);
        w.Raw("\"><requestId>"u8);
        w.Text(requestId);
        w.Raw("</requestId>"u8);
        if (operation.Output is null)
        {
            if (result is { Count: > 0 })
                throw new ArgumentException($"{operation.Name} has no output shape, but a result was given", nameof(result));
            w.Raw("<return>true</return>"u8);
        }
        else if (result is not null)
        {
            WriteMembers(ref w, result, operation.Output);
        }

        w.Raw("</"u8);
        w.Name(operation.Name);
        w.Raw("Response>"u8);
    }

    /// <summary>The success response as a byte array (tests, small callers).</summary>
    public byte[] SerializeResponse(Ec2Operation operation, JsonObject? result, string requestId)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        WriteResponse(buffer, operation, result, requestId);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes AWS's EC2 error envelope:
    /// <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;/Errors&gt;&lt;RequestID/&gt;&lt;/Response&gt;</c>
    /// (note <c>RequestID</c>, not <c>requestId</c>). The HTTP status is the caller's to set.</summary>
    public static void WriteError(IBufferWriter<byte> output, string code, string message, string requestId)
    {
        ArgumentNullException.ThrowIfNull(output);
        var w = new Utf8Xml(output);
        w.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"u8);
        w.Text(code);
        w.Raw("</Code><Message>"u8);
        w.Text(message);
        w.Raw("</Message></Error></Errors><RequestID>"u8);
        w.Text(requestId);
        w.Raw("</RequestID></Response>"u8);
    }

    /// <summary>The error envelope as a byte array.</summary>
    public static byte[] SerializeError(string code, string message, string requestId)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteError(buffer, code, message, requestId);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMembers(ref Utf8Xml w, JsonObject obj, Ec2Shape shape)
    {
        var seen = 0;
        foreach (var member in shape.Members)
        {
            if (!obj.TryGetPropertyValue(member.Name, out var value))
                continue;
            seen++;
            if (value is null)
                continue;
            WriteElement(ref w, member, value);
        }

        if (seen != obj.Count)
            throw UnknownMember(obj, shape);
    }

    // Apart from WriteMembers, so its lambda's closure is not allocated on every call.
    private static ArgumentException UnknownMember(JsonObject obj, Ec2Shape shape)
    {
        var unknown = obj.Select(p => p.Key).First(k => shape.FindMember(k) is null);
        return new ArgumentException($"shape {shape.Name} has no member '{unknown}'");
    }

    private static void WriteElement(ref Utf8Xml w, Ec2Member member, JsonNode value)
    {
        var shape = member.Shape;
        switch (shape.Type)
        {
            case Ec2ShapeType.Structure:
                if (value is not JsonObject obj)
                    throw WrongKind(member, value);
                w.Open(member.XmlNameUtf8);
                WriteMembers(ref w, obj, shape);
                w.Close(member.XmlNameUtf8);
                return;
            case Ec2ShapeType.List:
                if (value is not JsonArray array)
                    throw WrongKind(member, value);
                if (array.Count == 0)
                {
                    w.Empty(member.XmlNameUtf8);
                    return;
                }

                w.Open(member.XmlNameUtf8);
                var item = shape.ListMember!;
                for (var i = 0; i < array.Count; i++) // indexer: JsonArray's enumerator is a boxed allocation
                {
                    if (array[i] is { } element)
                        WriteElement(ref w, item, element);
                }

                w.Close(member.XmlNameUtf8);
                return;
            default:
                if (value is not JsonValue scalar)
                    throw WrongKind(member, value);
                w.Open(member.XmlNameUtf8);
                WriteScalar(ref w, member, scalar);
                w.Close(member.XmlNameUtf8);
                return;
        }
    }

    private static void WriteScalar(ref Utf8Xml w, Ec2Member member, JsonValue value)
    {
        var kind = value.GetValueKind();
        switch (member.Shape.Type)
        {
            case Ec2ShapeType.Boolean:
                if (kind == JsonValueKind.True || (kind == JsonValueKind.String && value.GetValue<string>() == "true"))
                    w.Raw("true"u8);
                else if (kind == JsonValueKind.False || (kind == JsonValueKind.String && value.GetValue<string>() == "false"))
                    w.Raw("false"u8);
                else
                    throw WrongKind(member, value);
                return;
            case Ec2ShapeType.Integer:
            case Ec2ShapeType.Long:
                if (value.TryGetValue<long>(out var l))
                    w.Format(l);
                else if (value.TryGetValue<int>(out var i))
                    w.Format(i);
                else if (kind == JsonValueKind.Number || (kind == JsonValueKind.String
                         && long.TryParse(value.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
                    w.Text(kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
                else
                    throw WrongKind(member, value);
                return;
            case Ec2ShapeType.Double:
            case Ec2ShapeType.Float:
                if (value.TryGetValue<double>(out var d))
                    w.Format(d);
                else if (kind == JsonValueKind.Number)
                    w.Text(value.ToJsonString());
                else
                    throw WrongKind(member, value);
                return;
            case Ec2ShapeType.Timestamp:
                if (TryGetTimestamp(value, kind, out var utc))
                    w.Timestamp(utc);
                else
                    throw WrongKind(member, value);
                return;
            default: // String, Blob
                switch (kind)
                {
                    case JsonValueKind.String:
                        w.Text(value.GetValue<string>());
                        return;
                    case JsonValueKind.Number:
                        w.Text(value.ToJsonString());
                        return;
                    case JsonValueKind.True:
                        w.Raw("true"u8);
                        return;
                    case JsonValueKind.False:
                        w.Raw("false"u8);
                        return;
                    default:
                        throw WrongKind(member, value);
                }
        }
    }

    private static bool TryGetTimestamp(JsonValue value, JsonValueKind kind, out DateTime utc)
    {
        if (value.TryGetValue<DateTime>(out var dt))
        {
            utc = dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt;
            return true;
        }

        if (value.TryGetValue<DateTimeOffset>(out var dto))
        {
            utc = dto.UtcDateTime;
            return true;
        }

        if (kind == JsonValueKind.String)
            return Ec2QueryScalars.TryParseTimestamp(value.GetValue<string>(), out utc);
        utc = default;
        return false;
    }

    private static ArgumentException WrongKind(Ec2Member member, JsonNode value) =>
        new($"member {member.Name} ({member.Shape.Name}, {member.Shape.Type}) cannot hold {value.GetValueKind()} {Ec2ProtocolErrors.Echo(value.ToJsonString())}");

    /// <summary>A minimal UTF-8 XML writer: names come from the model (plain ASCII), text is escaped.</summary>
    private ref struct Utf8Xml(IBufferWriter<byte> output)
    {
        private readonly IBufferWriter<byte> _output = output;

        public readonly void Raw(ReadOnlySpan<byte> bytes) => _output.Write(bytes);

        public readonly void Name(string asciiName) => Utf8(asciiName);

        /// <summary>One pass into the writer's buffer for short text; the chunking encoder for long.</summary>
        private readonly void Utf8(ReadOnlySpan<char> text)
        {
            if (text.Length <= 4096)
            {
                var span = _output.GetSpan(text.Length * 3); // UTF-8 needs at most 3 bytes per UTF-16 unit
                _output.Advance(Encoding.UTF8.GetBytes(text, span));
            }
            else
            {
                Encoding.UTF8.GetBytes(text, _output);
            }
        }

        public readonly void Open(ReadOnlySpan<byte> name)
        {
            var span = _output.GetSpan(name.Length + 2);
            span[0] = (byte)'<';
            name.CopyTo(span[1..]);
            span[name.Length + 1] = (byte)'>';
            _output.Advance(name.Length + 2);
        }

        public readonly void Close(ReadOnlySpan<byte> name)
        {
            var span = _output.GetSpan(name.Length + 3);
            span[0] = (byte)'<';
            span[1] = (byte)'/';
            name.CopyTo(span[2..]);
            span[name.Length + 2] = (byte)'>';
            _output.Advance(name.Length + 3);
        }

        public readonly void Empty(ReadOnlySpan<byte> name)
        {
            var span = _output.GetSpan(name.Length + 3);
            span[0] = (byte)'<';
            name.CopyTo(span[1..]);
            span[name.Length + 1] = (byte)'/';
            span[name.Length + 2] = (byte)'>';
            _output.Advance(name.Length + 3);
        }

        /// <summary>Escapes &amp; &lt; &gt; and CR; characters XML 1.0 cannot carry (other C0 controls,
        /// U+FFFE/U+FFFF) become U+FFFD; unpaired surrogates become U+FFFD through the UTF-8 encoder.</summary>
        public readonly void Text(ReadOnlySpan<char> text)
        {
            while (!text.IsEmpty)
            {
                var i = text.IndexOfAny(s_special);
                if (i < 0)
                {
                    Utf8(text);
                    return;
                }

                if (i > 0)
                    Utf8(text[..i]);
                Raw(text[i] switch
                {
                    '<' => "&lt;"u8,
                    '>' => "&gt;"u8,
                    '&' => "&amp;"u8,
                    '\r' => "&#xD;"u8,
                    _ => "\uFFFD"u8,
                });
                text = text[(i + 1)..];
            }
        }

        public readonly void Format(long value)
        {
            var span = _output.GetSpan(24);
            value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
            _output.Advance(written);
        }

        public readonly void Format(double value)
        {
            var span = _output.GetSpan(40);
            value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
            _output.Advance(written);
        }

        public readonly void Timestamp(DateTime utc)
        {
            var span = _output.GetSpan(40);
            utc.TryFormat(span, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);
            _output.Advance(written);
        }
    }
}
