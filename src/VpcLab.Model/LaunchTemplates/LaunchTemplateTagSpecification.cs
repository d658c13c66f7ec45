using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>Tags a launch template puts on what RunInstances creates (instance, network-interface, volume).</summary>
public sealed record LaunchTemplateTagSpecification(string ResourceType, ImmutableArray<KeyValuePair<string, string>> Tags);
