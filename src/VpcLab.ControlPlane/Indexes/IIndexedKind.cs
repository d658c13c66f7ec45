using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>What <see cref="WorldIndex"/> and <see cref="Transaction"/> need of any indexed kind, whatever its record type.</summary>
public interface IIndexedKind
{
    /// <summary>The id prefix its postings are filed under.</summary>
    string Key { get; }

    /// <summary>The map of <see cref="Network"/> holding the kind.</summary>
    Func<Network, object> Collection { get; }

    /// <summary>Files every record of the kind in <paramref name="network"/>: (id, posting) pairs.</summary>
    void FileAll(Network network, Action<string, PostingKey> file);
}
