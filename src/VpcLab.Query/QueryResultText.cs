using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VpcLab.Query;

/// <summary>A query result as text: cells for tables, CSV (RFC 4180) and JSON (an array of objects) for scripts.</summary>
public static class QueryResultText
{
    /// <summary>A value as a table or CSV cell: invariant culture, dates as ISO 8601, NULL as the empty string.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{Cell(k)}: {Cell(map[k])}")) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Cell)) + "]",
        _ => value.ToString() ?? "",
    };

    public static void WriteCsv(QueryResult result, TextWriter writer)
    {
        writer.Write(string.Join(',', result.Columns.Select(c => CsvField(c.Name))));
        writer.Write('\n');
        foreach (var row in result.Rows)
        {
            writer.Write(string.Join(',', row.Select(v => CsvField(Cell(v)))));
            writer.Write('\n');
        }
    }

    /// <summary>An array with one object per row, keyed by column name; numbers stay numbers, NULL is null.</summary>
    public static string Json(QueryResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                for (int i = 0; i < result.Columns.Count; i++)
                {
                    json.WritePropertyName(result.Columns[i].Name);
                    WriteJsonValue(json, row[i]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case short s: json.WriteNumberValue(s); break;
            case byte b8: json.WriteNumberValue(b8); break;
            case sbyte sb: json.WriteNumberValue(sb); break;
            case ushort us: json.WriteNumberValue(us); break;
            case uint ui: json.WriteNumberValue(ui); break;
            case ulong ul: json.WriteNumberValue(ul); break;
            case decimal m: json.WriteNumberValue(m); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case string or DateOnly or DateTime: json.WriteStringValue(Cell(value)); break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (DictionaryEntry e in map)
                {
                    json.WritePropertyName(Cell(e.Key));
                    WriteJsonValue(json, e.Value);
                }
                json.WriteEndObject();
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list)
                    WriteJsonValue(json, item);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Cell(value)); break;
        }
    }

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
