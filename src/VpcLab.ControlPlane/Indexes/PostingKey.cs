namespace VpcLab.ControlPlane;

/// <summary>One posting list of <see cref="WorldIndex"/>: the ids of kind <paramref name="Kind"/> whose filter
/// <paramref name="Name"/> has <paramref name="Value"/> among its values.</summary>
public readonly record struct PostingKey(string Kind, string Name, string Value);
