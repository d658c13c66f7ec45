using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>A resource kind with its id and record types: where its map lives in <see cref="Network"/>, its owner
/// rule and its deletion blockers; <see cref="Require"/> is the one lookup every operation uses (id given, then id
/// shape, then existence and ownership).</summary>
public sealed class ResourceKind<TId, TRecord> : ResourceKind
    where TId : notnull
    where TRecord : class
{
    private readonly Func<string, TId> _id;
    private readonly Func<Network, TId, TRecord?> _lookup;
    private readonly Func<TRecord, ResourceCaller, bool> _isCallers;
    private readonly Func<TRecord, ResourceCaller, bool> _isTaggableBy;

    /// <summary>A kind: its names and errors; how an id string becomes its typed id; where the record lives in
    /// <see cref="Network"/> (lookup); the owner rule (may this caller use it?); and who may tag it (null: the owner
    /// rule).</summary>
    public ResourceKind(string name, string idPrefix, string idParameter, string tagResourceType,
        Func<string, Ec2Exception> malformed, Func<string, Ec2Exception> notFound,
        Func<string, TId> id, Func<Network, TId, TRecord?> lookup, Func<TRecord, ResourceCaller, bool> isCallers,
        Func<TRecord, ResourceCaller, bool>? isTaggableBy = null)
        : base(name, idPrefix, idParameter, tagResourceType, malformed, notFound)
    {
        _id = id;
        _lookup = lookup;
        _isCallers = isCallers;
        _isTaggableBy = isTaggableBy ?? isCallers;
    }

    /// <summary>What blocks deleting one (AWS: DependencyViolation); the delete operation consults them.</summary>
    public ImmutableArray<DeletionBlocker<TRecord>> BlockedBy { get; init; } = [];

    /// <summary>Where the index finds a record whose id is no key of a map (a rule: the group filed under the rule's
    /// id); null when the map lookup finds it. <see cref="Get(IndexedWorld, string)"/> uses it.</summary>
    public Func<IndexedWorld, TId, TRecord?>? IndexedLookup { get; init; }

    /// <summary>The record for a well-formed id, whoever owns it (null when there is none).</summary>
    public TRecord? Get(Network network, string id)
    {
        ArgumentNullException.ThrowIfNull(network);
        return IsWellFormed(id) ? _lookup(network, _id(id)) : null;
    }

    /// <summary>The record for a well-formed id, whoever owns it, through the index where the kind has
    /// <see cref="IndexedLookup"/> (null when there is none).</summary>
    public TRecord? Get(IndexedWorld world, string id)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!IsWellFormed(id))
            return null;
        return IndexedLookup is { } indexed ? indexed(world, _id(id)) : _lookup(world.Network, _id(id));
    }

    /// <summary>The caller's record through the index (<see cref="Get(IndexedWorld, string)"/>), or null.</summary>
    public TRecord? Find(IndexedWorld world, string? id, ResourceCaller caller) =>
        id is not null && Get(world, id) is { } record && _isCallers(record, caller) ? record : null;

    /// <summary>The caller's record, or null when the id is ill-formed, unknown or not the caller's.</summary>
    public TRecord? Find(Network network, string? id, ResourceCaller caller) =>
        id is not null && Get(network, id) is { } record && _isCallers(record, caller) ? record : null;

    /// <summary>The one lookup: MissingParameter when no id is given, the kind's Malformed error for an ill-formed
    /// id, its NotFound error when the caller has no such resource.</summary>
    public TRecord Require(Network network, string? id, ResourceCaller caller, string? parameter = null)
    {
        if (string.IsNullOrEmpty(id))
            throw Ec2Errors.MissingParameter(parameter ?? IdParameter);
        if (!IsWellFormed(id))
            throw Malformed(id);
        return Find(network, id, caller) ?? throw NotFound(id);
    }

    public override bool IsTaggableBy(IndexedWorld world, string id, ResourceCaller caller) =>
        Get(world, id) is { } record && _isTaggableBy(record, caller);

    /// <summary>The first thing that blocks deleting <paramref name="record"/>, or null when nothing does.</summary>
    public string? FirstBlocker(IndexedWorld world, TRecord record)
    {
        foreach (var blocker in BlockedBy)
        {
            if (blocker.Holds(world, record))
                return blocker.What;
        }
        return null;
    }
}
