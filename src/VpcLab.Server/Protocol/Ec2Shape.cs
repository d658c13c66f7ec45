using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace VpcLab.Server.Protocol;

/// <summary>One shape of the EC2 service model: a structure with members, a list of one member shape, or a
/// scalar. Shapes may be recursive, so members point at shapes resolved after every shape exists.</summary>
public sealed class Ec2Shape
{
    private ImmutableArray<Ec2Member> _members = [];
    private FrozenDictionary<string, Ec2Member> _membersByName = FrozenDictionary<string, Ec2Member>.Empty;
    private FrozenDictionary<string, Ec2Member>.AlternateLookup<ReadOnlySpan<char>> _membersByQueryName =
        FrozenDictionary<string, Ec2Member>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    internal Ec2Shape(string name, Ec2ShapeType type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public Ec2ShapeType Type { get; }

    /// <summary>Structure members in model order; empty for other shapes.</summary>
    public ImmutableArray<Ec2Member> Members => _members;

    /// <summary>The element shape of a list; null for other shapes.</summary>
    public Ec2Member? ListMember { get; private set; }

    /// <summary>The members the model marks required (structures only).</summary>
    public ImmutableArray<Ec2Member> RequiredMembers { get; private set; } = [];

    /// <summary>Allowed values of a string enum, if the model lists them (informational: the control plane
    /// validates values with AWS's own messages).</summary>
    public ImmutableArray<string> Enum { get; private set; } = [];

    public bool IsScalar => Type is not (Ec2ShapeType.Structure or Ec2ShapeType.List);

    /// <summary>A structure member by its model (member) name, e.g. <c>CidrBlock</c>.</summary>
    public Ec2Member? FindMember(string memberName) =>
        _membersByName.TryGetValue(memberName, out var member) ? member : null;

    /// <summary>A structure member by its EC2 query (wire) name, e.g. <c>Filter</c> for <c>Filters</c>.</summary>
    public Ec2Member? FindMemberByQueryName(ReadOnlySpan<char> queryName) =>
        _membersByQueryName.TryGetValue(queryName, out var member) ? member : null;

    internal void Complete(ImmutableArray<Ec2Member> members, Ec2Member? listMember,
        ImmutableArray<string> required, ImmutableArray<string> enumValues)
    {
        _members = members;
        _membersByName = members.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
        _membersByQueryName = members.ToFrozenDictionary(m => m.QueryName, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        ListMember = listMember;
        RequiredMembers = [.. required.Select(r => _membersByName[r])];
        Enum = enumValues;
    }

    public override string ToString() => $"{Name} ({Type})";
}
