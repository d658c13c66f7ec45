using System.Collections.Immutable;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Import.Reading;

/// <summary>describe-dhcp-options: each set with its id, owner, options and tags; and each VPC's association as
/// describe-vpcs prints it (<c>DhcpOptionsId</c>, "default" for none) (docs/semantics.md#import-dhcp-options).</summary>
internal static class DhcpOptionsReader
{
    public static void Read(FolderContext ctx)
    {
        foreach (var item in ctx.Items(DescribeCalls.DhcpOptions))
        {
            var id = item.String("DhcpOptionsId");
            var owner = item.OptionalString("OwnerId") is { } o ? new AccountId(o) : ctx.Account;
            var options = item.Items("DhcpConfigurations")
                .Select(c => KeyValuePair.Create(c.String("Key"), c.Items("Values").Select(v => v.String("Value")).ToImmutableArray()))
                .ToImmutableArray();
            if (ctx.Parts.DhcpOptions.TryAdd(id, new DhcpOptionsSet(id, owner, ctx.Region, options)))
                ctx.Parts.Tag(id, item.Tags());
        }
        foreach (var vpc in ctx.Items(DescribeCalls.Vpcs))
        {
            if (vpc.OptionalString("DhcpOptionsId") is { } set && set != DhcpOptionsOperations.DefaultDhcpOptionsId)
                ctx.Parts.DhcpAssociations.TryAdd(new VpcId(vpc.String("VpcId")), set);
        }
    }
}
