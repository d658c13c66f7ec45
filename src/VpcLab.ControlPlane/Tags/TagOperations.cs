using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>CreateTags, DeleteTags and DescribeTags over every kind of <see cref="ResourceKinds"/>.</summary>
public sealed class TagOperations
{
    private readonly ControlPlaneState _state;

    internal TagOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public EmptyResult CreateTags(RequestContext ctx, CreateTagsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var resources = request.Resources is { Count: > 0 } r ? r : throw Ec2Errors.MissingParameter("ResourceId");
            var tags = request.Tags is { Count: > 0 } t ? t.Select(TagRules.Validate).ToList() : throw Ec2Errors.MissingParameter("Tag");
            foreach (var id in resources)
            {
                if (ResourceTypeOf(tx, id) is null)
                    throw ResourceIdErrors.InvalidId(id);
                tx.SetTags(id, tags);
            }
            return EmptyResult.Instance;
        });

    /// <summary>Tags an AWS service puts on a resource it made (CloudFormation's aws:cloudformation:stack-name,
    /// stack-id and logical-id): keys users cannot set, since the aws: prefix is reserved, and that do not count
    /// toward the tags-per-resource limit. docs/cloudformation.md#system-tags</summary>
    public EmptyResult CreateServiceTags(RequestContext ctx, string resourceId, IReadOnlyList<KeyValuePair<string, string>> tags) =>
        _state.Mutate(ctx, null, tx =>
        {
            ArgumentNullException.ThrowIfNull(tags);
            if (ResourceTypeOf(tx, resourceId) is null)
                throw ResourceIdErrors.InvalidId(resourceId);
            if (tags.Any(t => !t.Key.StartsWith("aws:", StringComparison.Ordinal)))
                throw new ArgumentException("service tags carry the aws: prefix", nameof(tags));
            tx.ReplaceTags(resourceId, new Model.Tags(tx.N.TagsOf(resourceId).Items.SetItems(tags)));
            return EmptyResult.Instance;
        });

    public EmptyResult DeleteTags(RequestContext ctx, DeleteTagsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var resources = request.Resources is { Count: > 0 } r ? r : throw Ec2Errors.MissingParameter("ResourceId");
            foreach (var id in resources)
            {
                if (ResourceTypeOf(tx, id) is null)
                    throw ResourceIdErrors.InvalidId(id);
                var current = tx.N.TagsOf(id);
                var items = current.Items;
                if (request.Tags is not { Count: > 0 } tags)
                {
                    items = items.Clear();
                }
                else
                {
                    // AWS: a tag with a value deletes the key only when the value matches; without, whatever it is.
                    foreach (var tag in tags)
                    {
                        var key = tag.Key ?? throw Ec2Errors.MissingParameter("Tag.Key");
                        if (items.TryGetValue(key, out var value) && (tag.Value is null || tag.Value == value))
                            items = items.Remove(key);
                    }
                }
                if (!ReferenceEquals(items, current.Items))
                    tx.ReplaceTags(id, new Model.Tags(items));
            }
            return EmptyResult.Instance;
        });

    public DescribeTagsResult DescribeTags(RequestContext ctx, DescribeTagsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var rows = new List<TagDescription>();
            foreach (var id in Candidates(tx, request.Filters))
            {
                if (tx.N.Tags.GetValueOrDefault(id) is not { } tags || ResourceTypeOf(tx, id) is not { } type)
                    continue;
                rows.AddRange(tags.Items.Select(kv => new TagDescription(id, type, kv.Key, kv.Value)));
            }
            var schema = new FilterSchema<TagDescription>(_ => null)
                .Add("key", t => t.Key)
                .Add("value", t => t.Value)
                .Add("resource-id", t => t.ResourceId)
                .Add("resource-type", t => t.ResourceType);
            return new DescribeTagsResult([.. schema.Apply(rows, request.Filters, tx.N)
                .OrderBy(t => t.ResourceId, StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal)]);
        });

    /// <summary>The resources whose tags DescribeTags looks at: the narrowest of the ids named by a literal resource-id
    /// filter and the index's lists of a literal key or value filter, else every tagged resource; every filter is still
    /// checked on each row (docs/semantics.md#filter-indexes).</summary>
    private static IEnumerable<string> Candidates(Transaction tx, IReadOnlyList<Filter>? filters)
    {
        if (!tx.Options.IndexedFilters)
            return tx.N.Tags.Keys;
        IEnumerable<string> best = tx.N.Tags.Keys;
        long bestCount = tx.N.Tags.Count;
        if (FilterValues.Literals(filters, "resource-id") is { } ids && ids.Count < bestCount)
            (best, bestCount) = (ids.Distinct(StringComparer.Ordinal), ids.Count);
        foreach (var name in new[] { "key", "value" })
        {
            if (FilterValues.Literals(filters, name) is not { } values)
                continue;
            var lists = values.Distinct(StringComparer.Ordinal).Select(v => tx.Index.Ids(WorldIndex.AnyKind, name, v)).ToList();
            long count = lists.Sum(l => (long)l.Count);
            if (count < bestCount)
                (best, bestCount) = (lists.SelectMany(l => l).Distinct(StringComparer.Ordinal), count);
        }
        return best;
    }

    /// <summary>The resource type of an id the caller may tag, or null when no such resource of theirs exists
    /// (<see cref="ResourceKinds"/>: the kind by id prefix, then its owner rule for tagging).</summary>
    private static string? ResourceTypeOf(Transaction tx, string id) => ResourceKinds.TaggableResourceType(tx.World, id, tx.Caller);
}
