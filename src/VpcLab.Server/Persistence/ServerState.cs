using System.Collections.Immutable;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Persistence;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.ControlPlane.Time;
using VpcLab.Model;
using VpcLab.Server.Ec2;

namespace VpcLab.Server.Persistence;

/// <summary>The world a server serves: the control plane, the dispatcher in front of it, and the
/// <see cref="OperationJournal"/> (src/VpcLab.ControlPlane/Persistence) that makes every acknowledged mutation
/// durable and replays the log at start. This class is hosting glue: it says which operations mutate, how a logged
/// operation is re-applied (EC2 actions through the dispatcher, others through the
/// <see cref="LoggedOperationHandler"/>s of <see cref="NonEc2Operations"/>), and gives each account its default
/// VPC. Reads run concurrently on immutable snapshots.</summary>
public sealed class ServerState : IDisposable, IOperationReplayer
{
    /// <summary>Fixed, so replaying the log reproduces the same ids.</summary>
    public const ulong ServerIdSeed = 0x7c1ab5e7;

    public const string DefaultVpcOperation = "CreateDefaultVpc";

    /// <summary>The logged operation of <see cref="LoadScenario"/>: parameters <c>{"file": ..., "yaml": ...}</c>.</summary>
    public const string LoadScenarioOperation = "vpclab:LoadScenario";

    private readonly OperationJournal _journal;
    private readonly TimeProvider _realTime;
    private readonly Ec2Quotas _quotas;
    private readonly bool _defaultVpcs;
    private readonly IReadOnlyDictionary<string, LoggedOperationHandler> _otherOperations;

    /// <summary>The opt-in Regions the default account starts with (<c>vpclab serve --opt-in-region</c>).</summary>
    private readonly ImmutableArray<string> _defaultAccountOptIns;

    /// <summary>The (account, Region) pairs already seen: each got its default VPC on first contact.</summary>
    private readonly ConcurrentDictionary<(string Account, string Region), bool> _contacted = new();
    private SimulatedClock _clock;

    private ServerState(OperationJournal journal, TimeProvider realTime, Ec2Quotas quotas, bool defaultVpcs,
        IReadOnlyDictionary<string, LoggedOperationHandler> otherOperations, ImmutableArray<string> defaultAccountOptIns)
    {
        _journal = journal;
        _realTime = realTime;
        _quotas = quotas;
        _defaultVpcs = defaultVpcs;
        _otherOperations = otherOperations;
        _defaultAccountOptIns = defaultAccountOptIns;
        (_clock, ControlPlane, Dispatcher) = Fresh(realTime.GetUtcNow());
    }

    public Ec2ControlPlane ControlPlane { get; private set; }
    public Ec2ActionDispatcher Dispatcher { get; private set; }
    public SimulatedClock Clock => _clock;
    public bool IsDurable => _journal.IsDurable;

    /// <summary>Commits (one fsync each) of the operation log since it opened (<see cref="OperationJournal.Commits"/>).</summary>
    public long Commits => _journal.Commits;

    /// <summary>How many logged operations were replayed at start.</summary>
    public int Replayed { get; private set; }

    /// <summary>The YAML of the scenario this world began with (<see cref="LoadScenario"/>), or null.</summary>
    public string? ScenarioYaml { get; private set; }

    /// <summary>Opens the state: in memory when <paramref name="dataDirectory"/> is null, else from (and onto) the
    /// operation log there, replaying it first. <paramref name="otherOperations"/> are the logged operations that are
    /// not EC2 actions (name → how to apply it; <see cref="NonEc2Operations.All"/> unless given), so that
    /// <see cref="MutateAsync"/> can log them and replay re-apply them.</summary>
    public static ServerState Open(string? dataDirectory, Ec2Quotas? quotas = null, TimeProvider? realTime = null, bool defaultVpcs = true,
        IReadOnlyDictionary<string, LoggedOperationHandler>? otherOperations = null, ImmutableArray<string> defaultAccountOptIns = default)
    {
        var state = new ServerState(OperationJournal.Open(dataDirectory), realTime ?? TimeProvider.System, quotas ?? Ec2Quotas.AwsDefaults,
            defaultVpcs, otherOperations ?? NonEc2Operations.All, defaultAccountOptIns.IsDefault ? [] : defaultAccountOptIns);
        try
        {
            state.Replayed = state._journal.Replay(state);
        }
        catch
        {
            state.Dispose(); // releases the data directory
            throw;
        }
        state.ControlPlane.Replaying = false;
        return state;
    }

    private (SimulatedClock, Ec2ControlPlane, Ec2ActionDispatcher) Fresh(DateTimeOffset start)
    {
        var clock = new SimulatedClock(start);
        var controlPlane = new Ec2ControlPlane(new ControlPlaneOptions
        {
            Clock = clock, IdSeed = ServerIdSeed, Quotas = _quotas, DefaultAccountOptedInRegions = _defaultAccountOptIns,
        });
        return (clock, controlPlane, new Ec2ActionDispatcher(controlPlane));
    }

    SimulatedClock IOperationReplayer.BeginReplay(DateTimeOffset firstRecordTime)
    {
        (_clock, ControlPlane, Dispatcher) = Fresh(firstRecordTime);
        ControlPlane.Replaying = true;
        return _clock;
    }

    void IOperationReplayer.Apply(LoggedOperation operation)
    {
        var parameters = JsonNode.Parse(operation.Parameters) as JsonObject ?? [];
        _contacted[(operation.Account, operation.Region)] = true;
        Apply(new RequestContext(new AccountId(operation.Account), operation.Region), operation.Operation, parameters);
    }

    /// <summary>A request that may write has arrived (<see cref="OperationJournal.AnnounceWrite"/>): pass it to
    /// <see cref="ExecuteAsync"/> or <see cref="MutateAsync"/> and dispose it when the request ends. Null when the
    /// group commit does not count writers in flight.</summary>
    public WriteIntent? AnnounceWrite() => _journal.AnnounceWrite();

    /// <summary>Runs one EC2 action (read or mutation) and, for a mutation, waits for it to be durable.</summary>
    public async ValueTask<JsonObject?> ExecuteAsync(RequestContext context, string operation, JsonObject parameters, WriteIntent? intent = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!Ec2ActionDispatcher.IsMutating(operation))
        {
            intent?.Dispose(); // a read: the commit does not wait for it
            ArgumentNullException.ThrowIfNull(context);
            await EnsureContacted(context).ConfigureAwait(false);
            return Dispatcher.Execute(operation, context, parameters);
        }
        return await MutateAsync(context, operation, parameters, intent).ConfigureAwait(false);
    }

    /// <summary><see cref="ExecuteAsync"/> for callers without a request to await in (tests, tools).</summary>
    public JsonObject? Execute(RequestContext context, string operation, JsonObject parameters) =>
        ExecuteAsync(context, operation, parameters).AsTask().GetAwaiter().GetResult();

    /// <summary>Runs one logged mutation: an EC2 action, or an operation given to <see cref="Open"/>. It is applied
    /// under the journal's write lock and its record queued for the log; the answer comes back once the record is
    /// committed. A failed one leaves neither state nor log changed. The one way for any protocol to change the world
    /// durably.</summary>
    public async ValueTask<JsonObject?> MutateAsync(RequestContext context, string operation, JsonObject parameters, WriteIntent? intent = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(parameters);
        await EnsureContacted(context).ConfigureAwait(false);
        var logged = _journal.IsDurable ? parameters.ToJsonString() : null; // before the lock: it holds others up
        JsonObject? result = null;
        var durable = _journal.Mutate(() =>
        {
            (result, var record) = ApplyNow(context, operation, parameters, logged);
            return record;
        }, intent);
        // Outside the lock, so the next mutations apply while this one's commit is on its way to disk.
        await durable.ConfigureAwait(false);
        return result;
    }

    /// <summary>Applies one mutation now (the caller holds the journal's write lock) and describes its record.</summary>
    private (JsonObject? Result, LogRecord? Record) ApplyNow(RequestContext context, string operation, JsonObject parameters, string? logged)
    {
        var now = _realTime.GetUtcNow();
        if (now > _clock.GetUtcNow())
            _clock.Set(now); // the simulated clock follows real time unless a workload has moved it ahead
        var result = Apply(context, operation, parameters); // throws: nothing applied, nothing logged
        var record = _journal.IsDurable
            ? new LogRecord(_clock.GetUtcNow(), context.Account.Value, context.Region, operation, logged ?? parameters.ToJsonString())
            : null;
        return (result, record);
    }

    private JsonObject? Apply(RequestContext context, string operation, JsonObject parameters)
    {
        if (operation == LoadScenarioOperation)
        {
            ReplaceWithScenario((string)parameters["yaml"]!, (string)parameters["file"]!);
            return null;
        }
        return _otherOperations.TryGetValue(operation, out var handler)
            ? handler(ControlPlane, context, parameters)
            : Dispatcher.Execute(operation, context, parameters);
    }

    /// <summary>Starts the world from a scenario file's text (<c>vpclab serve --scenario</c>), logged as one operation
    /// so a restart replays it. Only into an empty world: a log that holds anything else is refused
    /// (<see cref="ScenarioException"/>), unless it began with this same scenario text, whose world (with everything
    /// done since) the replay has already restored (docs/semantics.md#serve-scenario). Called at start, before any
    /// request. Returns whether it loaded now.</summary>
    public bool LoadScenario(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (ScenarioYaml is not null && ScenarioYaml == yaml)
            return false;
        if (Replayed > 0 || ScenarioYaml is not null || !_contacted.IsEmpty)
        {
            throw new ScenarioException(ScenarioYaml is null
                ? $"{file}: the server's state is not empty ({Replayed} logged operations); a scenario loads only into an empty world. Use --in-memory, another --data directory, or empty this one."
                : $"{file}: the server's state began with another scenario; a scenario loads only into an empty world. Use --in-memory, another --data directory, or empty this one.");
        }
        var parameters = new JsonObject { ["file"] = Path.GetFileName(file), ["yaml"] = yaml };
        var context = new RequestContext(new AccountId(ScenarioParser.DefaultAccountId), ScenarioParser.DefaultRegion);
        _journal.Mutate(() => ApplyNow(context, LoadScenarioOperation, parameters, null).Record).GetAwaiter().GetResult();
        return true;
    }

    /// <summary>Replaces the (empty) world by the scenario's, built by the same loader as <c>vpclab trace --scenario</c>
    /// with its id seed, so the served ids are the ids <c>vpclab show</c> prints. The scenario's accounts and Regions
    /// count as contacted: the scenario says what they hold, so no default VPC is added there.</summary>
    private void ReplaceWithScenario(string yaml, string file)
    {
        var loaded = ScenarioLoader.Load(ScenarioParser.Parse(yaml, file), file,
            new ControlPlaneOptions
            {
                Clock = _clock, IdSeed = ScenarioLoader.ScenarioIdSeed, Quotas = _quotas, DefaultAccountOptedInRegions = _defaultAccountOptIns,
            });
        ControlPlane = loaded.ControlPlane;
        Dispatcher = new Ec2ActionDispatcher(ControlPlane);
        var regions = loaded.Network.Vpcs.Values.Select(v => v.Region).Append(loaded.Document.Region).Distinct(StringComparer.Ordinal).ToList();
        foreach (var account in loaded.Network.Accounts.Keys.Select(a => a.Value).Concat(loaded.Document.Accounts.Select(a => a.Id)))
        {
            foreach (var region in regions)
                _contacted[(account, region)] = true;
        }
        ScenarioYaml = yaml;
    }

    private Task EnsureContacted(RequestContext context) =>
        _defaultVpcs && !_contacted.ContainsKey((context.Account.Value, context.Region)) ? FirstContact(context) : Task.CompletedTask;

    /// <summary>AWS gives every account a default VPC in every Region it has enabled; here it is created (and logged, so
    /// replay reproduces it) the first time an account calls in a Region it has enabled (docs/semantics.md#regions). A Region the control plane does not know gets
    /// none: the caller's own request then fails with the control plane's error.</summary>
    private Task FirstContact(RequestContext context) => _journal.Mutate(() =>
    {
        var key = (context.Account.Value, context.Region);
        if (_contacted.ContainsKey(key))
            return null;
        if (!ControlPlane.RegionOptIns.IsEnabled(context.Account, context.Region))
            return null; // refused below; the default VPC comes on the first call once the Region is enabled
        LogRecord? record = null;
        if (Dispatcher.SupportedOperations.Contains(DefaultVpcOperation))
        {
            try
            {
                record = ApplyNow(context, DefaultVpcOperation, [], "{}").Record;
            }
            catch (VpcLab.ControlPlane.Errors.Ec2Exception)
            {
                // e.g. an unknown Region: nothing was created or logged.
            }
        }
        _contacted[key] = true;
        return record;
    });

    /// <summary>Forgets everything: an empty world and an empty log (for test suites).</summary>
    public void Reset() => _journal.Reset(() =>
    {
        (_clock, ControlPlane, Dispatcher) = Fresh(_realTime.GetUtcNow());
        _contacted.Clear();
        Replayed = 0;
        ScenarioYaml = null;
    });

    public void Dispose() => _journal.Dispose();
}
