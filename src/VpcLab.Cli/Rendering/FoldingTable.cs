using Spectre.Console;
using Spectre.Console.Rendering;

namespace VpcLab.Cli.Rendering;

/// <summary>A table that reads well at any width: drawn as a table when every column fits at its natural width,
/// else folded into one block per row (<c>column | value</c> lines, as psql's expanded display). Cells are never
/// wrapped inside a word, so an id, an address or a CIDR is never split across lines (docs/semantics.md#cli);
/// a long list value wraps after its commas.</summary>
public sealed class FoldingTable : Renderable
{
    private readonly string? title;
    private readonly string[] columns;
    private readonly bool[] rightAligned;
    private readonly List<string[]> rows = [];

    /// <param name="title">Shown above the table (markup), or null.</param>
    /// <param name="columns">The column names (plain text).</param>
    public FoldingTable(string? title, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        this.title = title;
        this.columns = columns;
        rightAligned = new bool[columns.Length];
    }

    public int RowCount => rows.Count;

    public FoldingTable RightAlign(int column)
    {
        rightAligned[column] = true;
        return this;
    }

    /// <summary>Adds a row of markup cells (escape plain text with <see cref="Markup.Escape"/>).</summary>
    public FoldingTable AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != columns.Length)
            throw new ArgumentException($"{cells.Length} cells for {columns.Length} columns", nameof(cells));
        rows.Add(cells);
        return this;
    }

    /// <summary>Table width at natural column widths: a border, then per column a space, the content, a space and a border.</summary>
    public int NaturalWidth => 1 + Enumerable.Range(0, columns.Length).Sum(c => ColumnWidth(c) + 3);

    private int ColumnWidth(int column) =>
        rows.Select(r => Plain(r[column]).Length).Append(columns[column].Length).Max();

    protected override Measurement Measure(RenderOptions options, int maxWidth) =>
        NaturalWidth <= maxWidth ? new Measurement(NaturalWidth, NaturalWidth) : new Measurement(Math.Min(maxWidth, 20), maxWidth);

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
        NaturalWidth <= maxWidth ? ((IRenderable)AsTable()).Render(options, maxWidth) : Records(options, maxWidth);

    private Table AsTable()
    {
        var table = new Table { Border = TableBorder.Rounded };
        if (title is not null)
            table.Title = new TableTitle(title);
        for (int c = 0; c < columns.Length; c++)
        {
            table.AddColumn(new TableColumn(new Text(columns[c]))
            {
                NoWrap = true,
                Alignment = rightAligned[c] ? Justify.Right : Justify.Left,
            });
        }
        foreach (var row in rows)
            table.AddRow(row.Select(cell => (IRenderable)new Markup(cell)).ToArray());
        return table;
    }

    /// <summary>One block per row: a <c>-[ RECORD n ]</c> rule, then <c>column | value</c> lines.</summary>
    private List<Segment> Records(RenderOptions options, int maxWidth)
    {
        var segments = new List<Segment>();
        if (title is not null)
            AddLine(segments, ((IRenderable)new Markup(title)).Render(options, int.MaxValue));
        int label = columns.Max(c => c.Length);
        int room = Math.Max(10, maxWidth - label - 3);
        for (int r = 0; r < rows.Count; r++)
        {
            var rule = $"-[ RECORD {r + 1} ]";
            segments.Add(new Segment(rule + new string('-', Math.Max(0, Math.Min(maxWidth, label + 3 + 20) - rule.Length))));
            segments.Add(Segment.LineBreak);
            for (int c = 0; c < columns.Length; c++)
            {
                var prefix = new Segment(columns[c].PadRight(label) + " | ");
                var cell = rows[r][c];
                var plain = Plain(cell);
                if (plain.Length <= room)
                {
                    AddLine(segments, [prefix, .. ((IRenderable)new Markup(cell)).Render(options, int.MaxValue)]);
                    continue;
                }
                var lines = Wrap(plain, room);
                for (int i = 0; i < lines.Count; i++)
                    AddLine(segments, [i == 0 ? prefix : new Segment(new string(' ', label) + " | "), new Segment(lines[i])]);
            }
        }
        return segments;
    }

    private static void AddLine(List<Segment> segments, IEnumerable<Segment> line)
    {
        segments.AddRange(line.Where(s => !s.IsLineBreak));
        segments.Add(Segment.LineBreak);
    }

    /// <summary>Breaks only at spaces (after a list's commas); a word longer than the room stays whole.</summary>
    public static List<string> Wrap(string text, int room)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > room)
            {
                lines.Add(line);
                line = "";
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0 || lines.Count == 0)
            lines.Add(line);
        return lines;
    }

    private static string Plain(string markup) => Markup.Remove(markup);
}
