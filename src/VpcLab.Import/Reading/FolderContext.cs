using VpcLab.Import.Json;
using VpcLab.Model;

namespace VpcLab.Import.Reading;

/// <summary>One account-and-Region folder being read: where records go, what was skipped, and its files.</summary>
internal sealed class FolderContext(string root, string directory, AccountId account, string region, NetworkParts parts,
    List<SkippedResource> skipped)
{
    public AccountId Account { get; } = account;
    public string Region { get; } = region;
    public NetworkParts Parts { get; } = parts;
    public string Directory { get; } = directory;

    public void Skip(string kind, string id, string reason) => skipped.Add(new SkippedResource(Account.Value, Region, kind, id, reason));

    /// <summary>The file of a describe call, or null when the folder has none (AWS lists nothing of that kind).</summary>
    public DescribeFile? Open(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        return File.Exists(path) ? DescribeFile.Read(path, Shown(path)) : null;
    }

    /// <summary>The items of a describe call's list member, or none when its file is absent.</summary>
    public IEnumerable<JsonSource> Items(DescribeCall call) => Open(call.FileName)?.Items(call.ListMember) ?? [];

    public string Shown(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
