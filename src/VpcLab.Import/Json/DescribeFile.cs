using System.Text;
using System.Text.Json;

namespace VpcLab.Import.Json;

/// <summary>One file the AWS CLI wrote for a describe call: one JSON document, or several pages one after the other
/// (the output of paginated calls concatenated). <see cref="Items"/> joins a list member over every page.</summary>
internal sealed class DescribeFile
{
    private readonly List<JsonSource> _pages;

    private DescribeFile(string path, List<JsonSource> pages)
    {
        Path = path;
        _pages = pages;
    }

    public string Path { get; }

    /// <summary>The documents of the file in order (one per page).</summary>
    public IReadOnlyList<JsonSource> Pages => _pages;

    public static DescribeFile Read(string path, string shownAs)
    {
        var bytes = File.ReadAllBytes(path);
        var pages = new List<JsonSource>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                using var doc = JsonDocument.ParseValue(ref reader);
                var page = new JsonSource(shownAs, pages.Count == 0 ? "$" : $"$<page {pages.Count + 1}>", doc.RootElement.Clone());
                if (page.Element.ValueKind != JsonValueKind.Object)
                    throw page.Error("expected the object the AWS CLI prints");
                pages.Add(page);
            }
        }
        catch (JsonException e)
        {
            throw new ImportException(shownAs, $"$ (line {e.LineNumber + 1}, byte {e.BytePositionInLine})", $"not JSON: {FirstSentence(e.Message)}");
        }
        return new DescribeFile(shownAs, pages);
    }

    /// <summary>The items of a list member (Vpcs, Subnets, …) over every page. A page without it is empty only when it
    /// holds nothing else (some SDKs drop an empty list); otherwise it is another call's output and refused.</summary>
    public IEnumerable<JsonSource> Items(string listMember)
    {
        foreach (var page in _pages)
        {
            if (page.Member(listMember) is not { } list)
            {
                if (page.Element.EnumerateObject().Any(p => p.Name != "NextToken"))
                    throw new ImportException(page.File, $"{page.Path}.{listMember}", "missing (is this the output of another call?)");
                continue;
            }
            foreach (var item in list.Items())
                yield return item;
        }
    }

    private static string FirstSentence(string message)
    {
        var sb = new StringBuilder(message);
        int dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? sb.ToString(0, dot) : message;
    }
}
