using System.Globalization;
using System.Text;

namespace VpcLab.Server.S3;

/// <summary>Decodes an <c>aws-chunked</c> body (<c>x-amz-content-sha256: STREAMING-…</c>), which the AWS SDK for
/// .NET v4 sends for PutObject over http: <c>hex-size[;chunk-signature=…]\r\n data \r\n</c> … a zero-size chunk, then
/// optional trailers (checksums). Chunk signatures are not checked (like the rest of the lab, unless asked).</summary>
internal static class AwsChunked
{
    public static bool IsChunked(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers["x-amz-content-sha256"].ToString().StartsWith("STREAMING-", StringComparison.Ordinal)
        || request.Headers.ContentEncoding.ToString().Contains("aws-chunked", StringComparison.OrdinalIgnoreCase);

    /// <summary>Copies the decoded payload of <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public static async Task DecodeAsync(Stream source, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        var reader = new BufferedReader(source);
        long total = 0;
        while (true)
        {
            var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw S3Errors.IncompleteBody("The aws-chunked body ended before its final chunk.");
            var sizeText = header.Split(';')[0].Trim();
            if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                throw S3Errors.IncompleteBody($"Bad aws-chunked chunk header '{header}'.");
            if (size == 0)
                return; // trailers (x-amz-checksum-…) follow; nothing to keep
            total += size;
            if (total > maxBytes)
                throw S3Errors.EntityTooLarge(maxBytes);
            await reader.CopyExactlyAsync(destination, size, cancellationToken).ConfigureAwait(false);
            if (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is not "")
                throw S3Errors.IncompleteBody("An aws-chunked chunk was not followed by CRLF.");
        }
    }

    private sealed class BufferedReader(Stream source)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start == _end)
            {
                _start = _end = 0;
            }
            else if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
                return false;
            var read = await source.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _end += read;
            return read > 0;
        }

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var at = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (at >= 0)
                {
                    var line = Encoding.ASCII.GetString(_buffer, _start, at - _start).TrimEnd('\r');
                    _start = at + 1;
                    return line;
                }
                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                    return null;
            }
        }

        public async Task CopyExactlyAsync(Stream destination, long count, CancellationToken cancellationToken)
        {
            while (count > 0)
            {
                if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                    throw S3Errors.IncompleteBody("The aws-chunked body is shorter than its chunk sizes say.");
                var n = (int)Math.Min(count, _end - _start);
                await destination.WriteAsync(_buffer.AsMemory(_start, n), cancellationToken).ConfigureAwait(false);
                _start += n;
                count -= n;
            }
        }
    }
}
