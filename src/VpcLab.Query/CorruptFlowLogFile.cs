using System.IO.Compression;

namespace VpcLab.Query;

/// <summary>Finds which delivered file DuckDB (or the header reader) could not read, so an error names the file: a
/// <c>.log.gz</c> that is not gzip, or is cut short, among thousands is otherwise a needle in a haystack.</summary>
internal static class CorruptFlowLogFile
{
    /// <summary>The first text file (path order) that does not decompress to its end, with the reason; null when
    /// every one does.</summary>
    public static (string Path, string Reason)? Find(IEnumerable<DeliveredFlowLogFile> files)
    {
        var buffer = new byte[81920];
        foreach (var file in files.Where(f => f.Kind == FlowLogFileKind.Text))
        {
            try
            {
                using var stream = File.OpenRead(file.Path);
                using var gzip = new GZipStream(stream, CompressionMode.Decompress);
                while (gzip.Read(buffer) > 0)
                {
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return (file.Path, e.Message);
            }
        }
        return null;
    }

    /// <summary><paramref name="message"/>, naming the corrupt file when there is one.</summary>
    public static string Describe(string message, IEnumerable<DeliveredFlowLogFile> files) =>
        Find(files) is { } bad ? $"'{bad.Path}' is not a readable gzip file ({bad.Reason}); {message}" : message;
}
