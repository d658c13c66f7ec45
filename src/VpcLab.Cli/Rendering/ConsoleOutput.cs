using System.Globalization;
using System.Text;
using Spectre.Console;

namespace VpcLab.Cli.Rendering;

/// <summary>Where Spectre writes: the real output's terminal detection and size, through a
/// <see cref="TrailingSpaceTrimmingWriter"/>; the width from <c>COLUMNS</c> when set (piped output has no terminal
/// to ask), else the terminal's, else Spectre's 80.</summary>
public sealed class ConsoleOutput(TextWriter writer, int? width = null) : IAnsiConsoleOutput
{
    private readonly AnsiConsoleOutput real = new(writer);

    public TextWriter Writer { get; } = new TrailingSpaceTrimmingWriter(writer);

    public bool IsTerminal => real.IsTerminal;

    public int Width => width ?? real.Width;

    public int Height => real.Height;

    public void SetEncoding(Encoding encoding) => real.SetEncoding(encoding);

    /// <summary>The width <c>COLUMNS</c> asks for (a positive whole number), or null.</summary>
    public static int? WidthFrom(string? columns) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 10_000 ? n : null;
}
