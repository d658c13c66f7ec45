using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources;

/// <summary>Resources of services VpcLab does not model, kept so references resolve (IAM roles and profiles, SSM
/// parameters, log groups, Lambda functions …): per account, Region, type and name, with their properties.</summary>
public sealed class StoredResources
{
    private readonly ConcurrentDictionary<(string Account, string Region, string Type, string Name), JsonObject> _items = new();

    public bool Add(RequestContext context, string type, string name, JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _items.TryAdd((context.Account.Value, context.Region, type, name), properties);
    }

    public void Remove(RequestContext context, string type, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        _items.TryRemove((context.Account.Value, context.Region, type, name), out _);
    }

    public JsonObject? Get(RequestContext context, string type, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _items.TryGetValue((context.Account.Value, context.Region, type, name), out var p) ? p : null;
    }
}
