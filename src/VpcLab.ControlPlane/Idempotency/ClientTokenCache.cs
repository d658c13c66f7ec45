using System.Security.Cryptography;

namespace VpcLab.ControlPlane;

/// <summary>AWS's ClientToken idempotency, the one implementation (docs/semantics.md#idempotency): the first
/// successful result for a token is remembered with a SHA-256 of the request that produced it. The same token
/// with the same request answers that result again without running the action; with another request it is the
/// caller's IdempotentParameterMismatch. Failed calls are not remembered, so a retry after an error runs again.
/// Tokens are keyed by account, Region, the caller's scope and the token; the cache keeps the newest
/// <see cref="Capacity"/> tokens and forgets the oldest first. The control plane scopes tokens by action; the
/// server's dispatcher uses one scope and puts the action in the request bytes, so a token reused by another
/// action is a mismatch there.</summary>
/// <typeparam name="TResult">What is remembered: a control-plane result, or the server's response JSON.</typeparam>
public sealed class ClientTokenCache<TResult>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Account, string Region, string Scope, string Token), Entry> _entries = [];
    private readonly Queue<(string, string, string, string)> _order = new();
    private readonly Func<string, Exception> _mismatch;
    private readonly Func<TResult, TResult>? _copy;

    /// <param name="mismatch">The error for a token reused with another request (the caller's error type).</param>
    /// <param name="copy">Copies a result on the way in and out (for mutable results); null keeps the object.</param>
    /// <param name="capacity">How many tokens are kept.</param>
    public ClientTokenCache(Func<string, Exception> mismatch, Func<TResult, TResult>? copy = null, int capacity = ClientTokens.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(mismatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _mismatch = mismatch;
        _copy = copy;
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
    /// concurrent calls with one token cannot both take effect. <paramref name="onRepeat"/> runs before a
    /// remembered result is answered (the control plane's DryRun check).</summary>
    public TResult Run(RequestContext caller, string scope, string token, ReadOnlySpan<byte> request, Func<TResult> action,
        Action? onRepeat = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(action);
        var key = (caller.Account.Value, caller.Region, scope, token);
        var hash = SHA256.HashData(request);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                if (!entry.Hash.AsSpan().SequenceEqual(hash))
                    throw _mismatch(token);
                onRepeat?.Invoke();
                return Copy(entry.Result);
            }
            var result = action();
            _entries[key] = new Entry(hash, Copy(result));
            _order.Enqueue(key);
            while (_entries.Count > Capacity && _order.TryDequeue(out var oldest))
                _entries.Remove(oldest);
            return result;
        }
    }

    private TResult Copy(TResult result) => _copy is null ? result : _copy(result);

    private sealed record Entry(byte[] Hash, TResult Result);
}
