using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Server.Ec2.Shapes;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Ec2;

/// <summary>Collects the table: typed helpers so each action is one line or a few.</summary>
internal sealed class Ec2ActionRegistrar
{
    private readonly Ec2ControlPlane _controlPlane;
    private readonly Dictionary<string, Func<RequestContext, JsonObject, JsonObject?>> _table;

    public Ec2ActionRegistrar(Ec2ControlPlane controlPlane, Dictionary<string, Func<RequestContext, JsonObject, JsonObject?>> table)
    {
        _controlPlane = controlPlane;
        _table = table;
    }

    private ShapeContext Shapes(RequestContext ctx)
    {
        var world = _controlPlane.World;
        return new(world.Network, ctx, _controlPlane, world.Index);
    }

    /// <summary>An action whose result maps to one output object (null for actions without output).</summary>
    public void Action<TReq, TRes>(string operation, Func<RequestContext, TReq, TRes> call, Func<TRes, ShapeContext, JsonObject, JsonObject?> map)
        where TReq : new()
    {
        Ensure(operation);
        _table.Add(operation, (ctx, parameters) =>
        {
            var request = Ec2ActionDispatcher.Bind<TReq>(parameters);
            var result = call(ctx, request);
            return map(result, Shapes(ctx), parameters);
        });
    }

    /// <summary>An action without output members (the serializer answers &lt;return&gt;true&lt;/return&gt;).</summary>
    public void Empty<TReq, TRes>(string operation, Func<RequestContext, TReq, TRes> call)
        where TReq : new() =>
        Action(operation, call, static (_, _, _) => null);

    /// <summary>A Describe*/Get* action answering one list member; paged when the model gives it
    /// MaxResults. <paramref name="key"/> orders the items (ordinal) and is what a NextToken remembers;
    /// null keeps the control plane's order and pages by position. <paramref name="windowed"/>: the control plane
    /// answers exactly its indexed kind's records in <paramref name="key"/> order, so the page's window
    /// (<see cref="PageWindow"/>) goes with the call and the control plane cuts the page out of its index.</summary>
    public void List<TReq, TRes, TItem>(string operation, Func<RequestContext, TReq, TRes> call,
        Func<TRes, IReadOnlyList<TItem>> items, string listMember, Func<TItem, string>? key, Func<TItem, ShapeContext, JsonNode?> map,
        bool windowed = false)
        where TReq : new()
    {
        Ensure(operation);
        var spec = Ec2Pagination.SpecFor(operation);
        _table.Add(operation, (ctx, parameters) =>
        {
            var page = spec is null ? null : Ec2Pagination.Begin(operation, spec, ctx, parameters);
            var request = Ec2ActionDispatcher.Bind<TReq>(parameters);
            var all = items(call(windowed && page is not null ? ctx with { Page = page.Window() } : ctx, request));
            var shapes = Shapes(ctx);
            if (page is null)
                return new JsonObject { [listMember] = Json.Array(all, x => map(x, shapes)) };
            if (key is null)
            {
                var positions = Enumerable.Range(0, all.Count).ToList();
                var (indexes, nextByPosition) = page.Slice(positions, i => i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture));
                return new JsonObject { [listMember] = Json.Array(indexes, i => map(all[i], shapes)), ["NextToken"] = nextByPosition };
            }
            var (slice, next) = page.Slice([.. all.OrderBy(key, StringComparer.Ordinal)], key);
            return new JsonObject { [listMember] = Json.Array(slice, x => map(x, shapes)), ["NextToken"] = next };
        });
    }

    private void Ensure(string operation)
    {
        if (Ec2ServiceModel.Instance.FindOperation(operation) is null)
            throw new InvalidOperationException($"{operation} is not in the service model subset");
    }
}
