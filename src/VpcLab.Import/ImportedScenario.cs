using System.Collections.Immutable;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.Import;

/// <summary>An imported folder in the shape every <c>--scenario</c> consumer takes (trace, resolve, show, traffic):
/// a document with no sections, the control plane over the imported world, and each Name tag → its id (the first
/// resource with that name wins, in id order).</summary>
public static class ImportedScenario
{
    public static LoadedScenario Load(string directory, ControlPlaneOptions? options = null)
    {
        var world = WorldImporter.Import(directory);
        var controlPlane = world.ControlPlane(options);
        var region = world.Network.Vpcs.Values.Select(v => v.Region).Order(StringComparer.Ordinal).FirstOrDefault() ?? ControlPlaneOptions.DefaultRegion;
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var document = new ScenarioDocument(name, $"imported from {directory}", region, [], []);
        var ids = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (id, tags) in world.Network.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (tags.Name is { } tagName)
                ids.TryAdd(tagName, id);
        }
        return new LoadedScenario(document, directory, controlPlane, ids.ToImmutable());
    }
}
