using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Ec2;

/// <summary>ClientToken idempotency (docs/semantics.md#idempotency): per account and Region, a token
/// remembers the first successful response and the hash of the request that produced it. The same token with
/// the same parameters answers that response again without running the action; with other parameters (or
/// another action) it is IdempotentParameterMismatch. Failed calls are not remembered, so a retry after an
/// error runs again. Bounded: the oldest tokens are forgotten first.</summary>
internal sealed class Ec2IdempotencyCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Account, string Region, string Token), Entry> _entries = [];
    private readonly Queue<(string, string, string)> _order = new();

    public Ec2IdempotencyCache(int capacity = 100_000)
    {
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }

    /// <summary>Runs <paramref name="action"/> once per token. The lock is held while the action runs, so two
    /// concurrent calls with one token cannot both take effect (the control plane serialises mutations anyway).</summary>
    public JsonObject? Run(string operation, RequestContext caller, string token, JsonObject parameters, Func<JsonObject?> action)
    {
        var key = (caller.Account.Value, caller.Region, token);
        var hash = Fingerprint(operation, parameters);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                if (!entry.Hash.AsSpan().SequenceEqual(hash))
                    throw new Ec2ProtocolException("IdempotentParameterMismatch",
                        $"Client token '{Ec2ProtocolErrors.Echo(token)}' was already used with different parameters or another action.");
                return (JsonObject?)entry.Response?.DeepClone();
            }
            var response = action();
            _entries[key] = new Entry(hash, (JsonObject?)response?.DeepClone());
            _order.Enqueue(key);
            while (_entries.Count > Capacity && _order.TryDequeue(out var oldest))
                _entries.Remove(oldest);
            return response;
        }
    }

    private static byte[] Fingerprint(string operation, JsonObject parameters)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(operation);
            Canonical.Write(writer, parameters);
            writer.WriteEndArray();
        }
        return System.Security.Cryptography.SHA256.HashData(buffer.WrittenSpan);
    }

    private sealed record Entry(byte[] Hash, JsonObject? Response);
}
