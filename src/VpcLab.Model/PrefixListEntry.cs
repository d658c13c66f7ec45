using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

public sealed record PrefixListEntry(Cidr Cidr, string? Description);
