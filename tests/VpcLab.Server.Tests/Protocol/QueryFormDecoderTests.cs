using System.Text;
using CsCheck;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Protocol;

/// <summary>The form body read from its bytes (<see cref="QueryFormDecoder"/>) gives exactly the pairs the string path
/// gave before it (kept here as the oracle): the server's answers to odd percent-encoding, '+', empty and repeated
/// keys depend on those strings (docs/semantics.md: a Query request is an application/x-www-form-urlencoded body).</summary>
public sealed class QueryFormDecoderTests
{
    /// <summary>The path before (QueryEndpoint.ParseForm until December 2026): the body as UTF-8 text, split on '&amp;'
    /// (empty parts dropped), '+' as a space, then <see cref="Uri.UnescapeDataString(string)"/>.</summary>
    private static List<KeyValuePair<string, string?>> Oracle(byte[] body)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        var text = Encoding.UTF8.GetString(body);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            fields.Add(new(key, value));
        }
        return fields;
    }

    private static List<KeyValuePair<string, string?>> Decode(byte[] body)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        QueryFormDecoder.AddPairs(body, fields);
        return fields;
    }

    private static string Show(List<KeyValuePair<string, string?>> fields) =>
        string.Join(" | ", fields.Select(p => $"[{p.Key}]=[{p.Value}]"));

    public static TheoryData<string, string, string> Cases => new()
    {
        // rule, body, expected pairs
        { "plain pairs in order", "Action=CreateTags&Version=2016-11-15", "[Action]=[CreateTags] | [Version]=[2016-11-15]" },
        { "'+' is a space", "Tag.1.Value=a+b+", "[Tag.1.Value]=[a b ]" },
        { "'+' in a key is a space too", "A+B=1", "[A B]=[1]" },
        { "%2B is a plus, not a space", "V=a%2Bb", "[V]=[a+b]" },
        { "escapes decode, either hex case", "CidrBlock=10.0.0.0%2F16&X=%2f", "[CidrBlock]=[10.0.0.0/16] | [X]=[/]" },
        { "one pass: %25 gives a percent, not another escape", "V=%2541", "[V]=[%41]" },
        { "an empty value", "DryRun=", "[DryRun]=[]" },
        { "a key without '='", "DryRun", "[DryRun]=[]" },
        { "an empty key", "=x", "[]=[x]" },
        { "empty pairs are skipped", "&&A=1&&", "[A]=[1]" },
        { "only the first '=' splits", "V=a=b", "[V]=[a=b]" },
        { "repeated keys stay, in order (the parser refuses them)", "A=1&A=2", "[A]=[1] | [A]=[2]" },
        { "UTF-8 multi-byte escapes", "V=caf%C3%A9%20%F0%9F%98%80", "[V]=[café 😀]" },
        { "raw UTF-8 bytes", "V=café", "[V]=[café]" },
        { "raw UTF-8 beside an escape", "V=café%20x", "[V]=[café x]" },
        { "a '%' without two hex digits stays", "V=%ZZ&W=%&X=a%2", "[V]=[%ZZ] | [W]=[%] | [X]=[a%2]" },
        { "an escaped byte that is not UTF-8 stays escaped", "V=%FF&W=%C3", "[V]=[%FF] | [W]=[%C3]" },
        { "a truncated UTF-8 sequence stays escaped, the rest decodes", "V=%E2%82x%41", "[V]=[%E2%82xA]" },
        { "an escaped NUL decodes", "V=a%00b", "[V]=[a\0b]" },
        { "an escaped '&' and '=' are text", "V=%26%3D", "[V]=[&=]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decodes_AsTheFormRulesSay(string rule, string body, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        Assert.True(expected == Show(Decode(bytes)), rule);
        Assert.Equal(Show(Oracle(bytes)), Show(Decode(bytes)));
    }

    [Fact]
    public void InvalidUtf8Bytes_AreReplacementCharacters_AsBefore()
    {
        byte[] body = [.. "V="u8, 0xC3, (byte)'&', .. "W="u8, 0xFF, 0xFE, (byte)'%', (byte)'4', (byte)'1'];
        Assert.Equal("[V]=[\uFFFD] | [W]=[\uFFFD\uFFFDA]", Show(Decode(body)));
        Assert.Equal(Show(Oracle(body)), Show(Decode(body)));
    }

    [Fact]
    public void LongParts_BeyondTheStackBuffer_DecodeTheSame()
    {
        var value = string.Concat(Enumerable.Repeat("%C3%A9a+%2F", 400)); // 4,400 bytes: the pooled buffer
        var body = Encoding.UTF8.GetBytes("V=" + value + "&W=" + value[..^1]);
        Assert.Equal(Show(Oracle(body)), Show(Decode(body)));
        Assert.Equal(string.Concat(Enumerable.Repeat("éa /", 400)), Decode(body)[0].Value);
    }

    /// <summary>Bytes biased towards what makes form decoding interesting: separators, '%' with hex and non-hex digits,
    /// '+', ASCII text, the bytes of multi-byte UTF-8 sequences and bytes that are never UTF-8.</summary>
    private static readonly Gen<byte[]> Bodies = Gen.Frequency(
            (6, Gen.Byte[(byte)'a', (byte)'f']), (3, Gen.OneOf<byte>((byte)'&', (byte)'=', (byte)'%', (byte)'+')),
            (3, Gen.OneOf<byte>((byte)'2', (byte)'C', (byte)'F', (byte)'E', (byte)'9', (byte)'8', (byte)'0', (byte)'g', (byte)'A')),
            (2, Gen.Byte[0x80, 0xBF]), (1, Gen.OneOf<byte>((byte)0xC3, (byte)0xE2, (byte)0xF0, (byte)0xED, (byte)0xC0, (byte)0xFF)),
            (1, Gen.Byte))
        .Array[0, 80];

    /// <summary>Escaped text: random Unicode (surrogate pairs included) percent-encoded whole or in part.</summary>
    private static readonly Gen<string> UnicodeText = Gen.OneOf(Gen.Char['\0', '\uD7FF'], Gen.Char['\uE000', '\uFFFF'])
        .Array[0, 12].Select(Gen.Bool, (chars, emoji) => new string(chars) + (emoji ? "\U0001F600" : ""));

    private static readonly Gen<byte[]> EscapedBodies = Gen.Select(
            UnicodeText, Gen.String[Gen.Char.AlphaNumeric, 0, 6], Gen.Bool, (text, key, plusForSpace) =>
            {
                var escaped = Uri.EscapeDataString(text);
                return Encoding.UTF8.GetBytes($"{key}={(plusForSpace ? escaped.Replace("%20", "+", StringComparison.Ordinal) : escaped)}&{escaped}={text}");
            });

    [Fact]
    public void RandomBodies_GiveExactlyTheOldPairs() =>
        Gen.OneOf(Bodies, EscapedBodies).Sample(
            body => Show(Decode(body)) == Show(Oracle(body)),
            iter: 20_000,
            print: body => Convert.ToHexString(body));
}
