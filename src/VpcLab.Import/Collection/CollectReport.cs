using System.Collections.Immutable;

namespace VpcLab.Import.Collection;

/// <summary>What <c>vpclab collect</c> wrote: the folder of one account and Region, each file with its item count, and
/// the optional calls the endpoint did not answer (a kind it does not serve, or a permission the caller lacks).</summary>
public sealed record CollectReport(string Folder, ImmutableArray<(string File, int Items)> Files, ImmutableArray<string> Unanswered);
