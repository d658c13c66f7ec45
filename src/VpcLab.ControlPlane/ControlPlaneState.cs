using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>What every resource's operations share: the current <see cref="Network"/> snapshot, the id counter,
/// the public IPv4s handed out and the ClientToken cache, and the three ways to run an operation over a
/// <see cref="Transaction"/>. Each mutating operation takes a lock, computes a new snapshot with pure code and
/// swaps it in only on success, so a failed (or DryRun) call leaves the state exactly as it was. Readers never lock:
/// snapshots are immutable.</summary>
internal sealed class ControlPlaneState
{
    private readonly Lock _gate = new();
    private IndexedWorld _world;
    private ulong _counter;
    private ImmutableHashSet<IpAddress> _issuedPublicIps = [];

    // AWS's ClientToken idempotency, scoped by account, Region and action (docs/semantics.md#idempotency).
    private readonly ClientTokenCache<object> _clientTokens = new(Ec2Errors.IdempotentParameterMismatch);

    public ControlPlaneState(ControlPlaneOptions options)
    {
        Options = options;
        Regions = options.Regions.ToImmutableDictionary(r => r.Name, StringComparer.Ordinal);
        var seed = Seed(options);
        _world = new IndexedWorld(seed, WorldIndex.Build(seed));
    }

    public ControlPlaneOptions Options { get; }

    /// <summary>True while a journal re-applies what was once acknowledged (the server's start): a check added
    /// since an operation was logged must not drop it now (docs/semantics.md#flow-log-resources).</summary>
    public bool Replaying { get; set; }

    public ImmutableDictionary<string, RegionInfo> Regions { get; }

    public Network Network => Volatile.Read(ref _world).Network;

    /// <summary>The filter index of <see cref="Network"/> (the same snapshot).</summary>
    public WorldIndex Index => Volatile.Read(ref _world).Index;

    /// <summary>The current snapshot with its index, read at once.</summary>
    public IndexedWorld World => Volatile.Read(ref _world);

    public ulong IdCounter => Volatile.Read(ref _counter);

    /// <summary>The AWS services of every known Region, built once from the Region catalog and the service
    /// address ranges.</summary>
    public AwsServiceCatalog ServiceCatalog => field ??= new AwsServiceCatalog(
        Regions.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => (r.Name, r.Zones)), AwsIpRanges.Default);

    private static Network Seed(ControlPlaneOptions options)
    {
        var network = Network.Empty with
        {
            Accounts = ImmutableDictionary<AccountId, Account>.Empty.Add(
                ControlPlaneOptions.DefaultAccount, new Account(ControlPlaneOptions.DefaultAccount, "default")
                {
                    OptedInRegions = ImmutableHashSet.CreateRange(StringComparer.Ordinal,
                        options.DefaultAccountOptedInRegions.IsDefault ? [] : options.DefaultAccountOptedInRegions),
                }),
            Regions = options.Regions.ToImmutableDictionary(r => r.Name,
                r => new Region(r.Name, r.Zones) { OptInRequired = r.OptInRequired }),
        };
        var lists = ImmutableDictionary.CreateBuilder<PrefixListId, ManagedPrefixList>();
        foreach (var region in options.Regions)
        {
            foreach (var pl in region.ManagedPrefixLists)
                lists[new PrefixListId(pl.Id)] = pl.ToManagedPrefixList(region.Name);
        }
        network = network with { PrefixLists = lists.ToImmutable() };
        return options.Initial is { } initial ? Restore(network, initial) : network;
    }

    /// <summary>The seed under an initial world: its accounts, Regions and prefix lists win over the seed's.</summary>
    private static Network Restore(Network seed, Network initial) => RegionOptIn.EnableWhereResourcesAre(initial with
    {
        Accounts = seed.Accounts.SetItems(initial.Accounts),
        Regions = seed.Regions.SetItems(initial.Regions),
        PrefixLists = seed.PrefixLists.SetItems(initial.PrefixLists),
    });

    /// <summary>Runs a mutating operation: validates and computes on a private copy, then (unless DryRun) swaps
    /// the new snapshot in. Any <see cref="Ec2Exception"/> leaves the state untouched.</summary>
    public T Mutate<T>(RequestContext ctx, bool? dryRun, Func<Transaction, T> operation)
    {
        lock (_gate)
        {
            var tx = Begin(ctx, _counter);
            tx.EnsureAccount();
            if (Replaying && !RegionOptIn.IsEnabled(tx.N, tx.Account, tx.RegionName, tx.Region.OptInRequired))
                tx.N = RegionOptIn.SetEnabled(tx.N, tx.Account, tx.RegionName, true); // a log written when every Region took calls
            var result = operation(tx);
            if (dryRun == true)
                throw Ec2Errors.DryRun();
            Volatile.Write(ref _counter, tx.Counter);
            if (tx.PendingPublicIps.Count > 0)
                _issuedPublicIps = _issuedPublicIps.Union(tx.PendingPublicIps);
            Volatile.Write(ref _world, new IndexedWorld(tx.N, tx.Index));
            return result;
        }
    }

    /// <summary>A mutating operation with AWS idempotency: a repeated ClientToken with the same parameters returns
    /// the first call's result and changes nothing; with different parameters it is IdempotentParameterMismatch.</summary>
    public T MutateIdempotent<TRequest, T>(RequestContext ctx, bool? dryRun, string? clientToken, string action, TRequest request,
        Func<Transaction, T> operation)
        where T : notnull
    {
        if (string.IsNullOrEmpty(clientToken))
            return Mutate(ctx, dryRun, operation);
        if (clientToken.Length > ClientTokens.MaxLength)
            throw Ec2Errors.InvalidParameterValue($"Value ({clientToken}) for parameter clientToken is invalid. It must be at most 64 characters.");
        var fingerprint = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request);
        return (T)_clientTokens.Run(ctx, action, clientToken, fingerprint, () => Mutate(ctx, dryRun, operation), onRepeat: () =>
        {
            if (dryRun == true)
                throw Ec2Errors.DryRun();
        });
    }

    /// <summary>Puts in place what is not an EC2 operation (resources read by vpclab import): under the lock of every
    /// mutation, through a <see cref="Transaction"/>, so the index follows; no account is added.</summary>
    public void Restore(Action<Transaction> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var tx = Begin(new RequestContext(ControlPlaneOptions.DefaultAccount, HomeRegion), _counter);
            change(tx);
            Volatile.Write(ref _counter, tx.Counter);
            Volatile.Write(ref _world, new IndexedWorld(tx.N, tx.Index));
        }
    }

    /// <summary>Runs a read-only operation on the current snapshot, without locking.</summary>
    public T Read<T>(RequestContext ctx, bool? dryRun, Func<Transaction, T> operation)
    {
        var tx = Begin(ctx, 0);
        var result = operation(tx);
        if (dryRun == true)
            throw Ec2Errors.DryRun();
        return result;
    }

    /// <summary>Changes the caller's account itself (the Account Management API's Region opt-ins): no Region of the
    /// request is checked, since the API is global and may be signed for a Region the account has not enabled.</summary>
    public T MutateAccount<T>(AccountId account, Func<Transaction, T> operation)
    {
        lock (_gate)
        {
            var tx = Begin(new RequestContext(account, HomeRegion), _counter);
            tx.EnsureAccount();
            var result = operation(tx);
            Volatile.Write(ref _world, new IndexedWorld(tx.N, tx.Index));
            return result;
        }
    }

    /// <summary>Reads the caller's account (no Region checked, as <see cref="MutateAccount"/>).</summary>
    public T ReadAccount<T>(AccountId account, Func<Transaction, T> operation) =>
        operation(Begin(new RequestContext(account, HomeRegion), 0));

    /// <summary>The Region account-wide changes run in: the default Region, else the first the lab knows.</summary>
    private string HomeRegion => Regions.ContainsKey(ControlPlaneOptions.DefaultRegion) ? ControlPlaneOptions.DefaultRegion : Regions.Keys.Order(StringComparer.Ordinal).First();

    private Transaction Begin(RequestContext ctx, ulong counter)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (!Regions.TryGetValue(ctx.Region, out var region))
            throw Ec2Errors.UnknownRegion(ctx.Region);
        var world = Volatile.Read(ref _world);
        // AWS refuses a call into an opt-in Region the account has not enabled (docs/semantics.md#regions); a replayed
        // log was accepted once, so it is not refused now.
        if (!Replaying && !RegionOptIn.IsEnabled(world.Network, ctx.Account, region.Name, region.OptInRequired))
            throw RegionErrors.RegionNotEnabled();
        return new Transaction(world.Network, world.Index, ctx, Options, region, counter, Options.Clock.GetUtcNow()) { IssuedPublicIps = _issuedPublicIps };
    }
}
