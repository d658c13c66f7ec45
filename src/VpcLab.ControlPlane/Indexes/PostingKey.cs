namespace VpcLab.ControlPlane;

/// <summary>One posting list of <see cref="WorldIndex"/>: the ids of kind <see cref="Kind"/> whose filter
/// <see cref="Name"/> has <see cref="Value"/> among its values. Its hash is computed once, when the key is made: an
/// update looks a key up in a key set and in the index's trie, and each lookup hashed three strings again.</summary>
public readonly struct PostingKey : IEquatable<PostingKey>
{
    private readonly int _hash;

    public PostingKey(string kind, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        (Kind, Name, Value) = (kind, name, value);
        _hash = HashCode.Combine(kind.GetHashCode(StringComparison.Ordinal), name.GetHashCode(StringComparison.Ordinal),
            value.GetHashCode(StringComparison.Ordinal));
    }

    public string Kind { get; }

    public string Name { get; }

    public string Value { get; }

    public bool Equals(PostingKey other) =>
        _hash == other._hash && string.Equals(Value, other.Value, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Kind, other.Kind, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is PostingKey other && Equals(other);

    public override int GetHashCode() => _hash;

    public static bool operator ==(PostingKey left, PostingKey right) => left.Equals(right);

    public static bool operator !=(PostingKey left, PostingKey right) => !left.Equals(right);

    public override string ToString() => $"{Kind} {Name}={Value}";
}
