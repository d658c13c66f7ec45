using System.Text;

namespace VpcLab.Cli.Rendering;

/// <summary>Drops the spaces at the end of each line (Spectre pads centred titles and wrapped tree lines), so output
/// diffs and greps cleanly. Spaces are held back until a non-space arrives, so text streams through unchanged
/// otherwise (progress bars included).</summary>
public sealed class TrailingSpaceTrimmingWriter(TextWriter inner) : TextWriter
{
    private int pendingSpaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        switch (value)
        {
            case ' ':
                pendingSpaces++;
                return;
            case '\n' or '\r':
                pendingSpaces = 0;
                break;
            default:
                if (pendingSpaces > 0)
                {
                    inner.Write(new string(' ', pendingSpaces));
                    pendingSpaces = 0;
                }
                break;
        }
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
            Write(c);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        for (int i = index; i < index + count; i++)
            Write(buffer[i]);
    }

    public override void Flush()
    {
        inner.Flush();
    }
}
