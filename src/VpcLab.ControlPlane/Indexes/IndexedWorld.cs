using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>A snapshot and its filter index, published together so a reader never sees one without the other.</summary>
public sealed record IndexedWorld(Network Network, WorldIndex Index)
{
    /// <summary>The records of <paramref name="kind"/> whose indexed filter (or link) <paramref name="name"/> has
    /// <paramref name="value"/>, in id order, from the index: what a record's neighbours cost is what is found, not the
    /// world (a VPC's subnets: Subnet, "vpc-id", vpc).</summary>
    public IEnumerable<T> Where<T>(IndexedKind<T> kind, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(kind);
        foreach (var id in Index.Ids(kind.Key, name, value))
        {
            if (kind.Lookup(Network, id) is { } record)
                yield return record;
        }
    }

    /// <summary>How many records of <paramref name="kind"/> have that value (a list's length: no record is read).</summary>
    public int Count<T>(IndexedKind<T> kind, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Index.Ids(kind.Key, name, value).Count;
    }

    /// <summary>True when an internet gateway is attached to the VPC (DescribeVpcs' has-internet-gateway, and the
    /// operations that need a VPC's gateway to the internet).</summary>
    public bool HasInternetGateway(VpcId vpc) => Any(IndexedKinds.InternetGateway, "attachment.vpc-id", vpc.Value);

    /// <summary>True when a record of <paramref name="kind"/> with that value (and passing <paramref name="also"/>) exists:
    /// the deletion blockers' question (docs/semantics.md#filter-indexes).</summary>
    public bool Any<T>(IndexedKind<T> kind, string name, string value, Func<T, bool>? also = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return also is null ? !Index.Ids(kind.Key, name, value).IsEmpty : Where(kind, name, value).Any(also);
    }
}
