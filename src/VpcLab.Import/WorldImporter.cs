using System.Collections.Immutable;
using VpcLab.ControlPlane;
using VpcLab.Import.Reading;
using VpcLab.Model;

namespace VpcLab.Import;

/// <summary><c>vpclab import DIR</c>: builds a world from the JSON the AWS CLI prints for the EC2 describe calls, one
/// folder per account and Region (<c>DIR/ACCOUNT/REGION/describe-vpcs.json</c>, …; docs/semantics.md#import-layout).
/// Records are built directly with the ids, addresses and states AWS gave them; AWS already validated them, and the
/// rules derived from them (route state, a subnet's route table and NACL) stay in Model. A malformed file is refused
/// with its path and the JSON path of the bad value, and nothing is imported.</summary>
public static class WorldImporter
{
    public static ImportedWorld Import(string directory)
    {
        if (!Directory.Exists(directory))
            throw new ImportException(directory, "$", "no such directory");
        var parts = new NetworkParts();
        var skipped = new List<SkippedResource>();
        var folders = new List<string>();
        foreach (var (path, account, region) in Folders(directory))
        {
            var ctx = new FolderContext(directory, path, account, region, parts, skipped);
            parts.Accounts.TryAdd(account, new Account(account, account.Value));
            ReadFolder(ctx);
            folders.Add(ctx.Shown(path));
        }
        if (folders.Count == 0)
            throw new ImportException(directory, "$", "no ACCOUNT/REGION folders (e.g. 123456789012/us-east-1/describe-vpcs.json)");
        var network = Assemble(parts);
        ImportChecks.Check(network);
        // A VPC's set read in no folder (another account's, or a folder without describe-dhcp-options) is listed.
        foreach (var (vpc, set) in parts.DhcpAssociations.Where(a => !parts.DhcpOptions.ContainsKey(a.Value)).OrderBy(a => a.Key.Value, StringComparer.Ordinal))
        {
            var owner = parts.Vpcs.TryGetValue(vpc, out var v) ? (v.OwnerId.Value, v.Region) : ("", "");
            skipped.Add(new SkippedResource(owner.Item1, owner.Item2, "dhcp-options", set, $"associated with {vpc} but in no folder read: the VPC shows DhcpOptionsId default"));
        }
        return new ImportedWorld(network, [.. folders], [.. skipped])
        {
            DhcpOptions = [.. parts.DhcpOptions.Values.OrderBy(d => d.Id, StringComparer.Ordinal)],
            DhcpAssociations = parts.DhcpAssociations.Where(a => parts.DhcpOptions.ContainsKey(a.Value)).ToImmutableDictionary(),
        };
    }

    /// <summary>Dependencies first, so a reader can refuse a reference to something no folder holds.</summary>
    private static void ReadFolder(FolderContext ctx)
    {
        ConnectivityReader.ReadPrefixLists(ctx);
        VpcReader.ReadVpcs(ctx);
        VpcReader.ReadSubnets(ctx);
        GatewayReader.ReadInternetGateways(ctx);
        GatewayReader.ReadEgressOnlyInternetGateways(ctx);
        GatewayReader.ReadAddresses(ctx);
        InterfaceReader.ReadNetworkInterfaces(ctx);
        GatewayReader.ReadNatGateways(ctx);
        InterfaceReader.ReadInstances(ctx);
        VolumeReader.Read(ctx);
        RouteTableReader.Read(ctx);
        FilterReader.ReadSecurityGroups(ctx);
        FilterReader.ReadNetworkAcls(ctx);
        ConnectivityReader.ReadVpcEndpoints(ctx);
        ConnectivityReader.ReadPeeringConnections(ctx);
        FlowLogReader.Read(ctx);
        DhcpOptionsReader.Read(ctx);
        SkippedKinds(ctx);
    }

    private static void SkippedKinds(FolderContext ctx)
    {
        var known = DescribeCalls.Read.Select(c => c.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var call in DescribeCalls.Skipped)
        {
            known.Add(call.FileName);
            foreach (var item in ctx.Items(call))
                ctx.Skip(call.Command, item.String(call.SkippedIdMember!), "kind not modelled");
        }
        foreach (var file in Directory.GetFiles(ctx.Directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!known.Contains(name))
                ctx.Skip("file", ctx.Shown(file), "not the output of a describe call VpcLab reads");
        }
    }

    private static IEnumerable<(string Path, AccountId Account, string Region)> Folders(string directory)
    {
        var regions = RegionCatalog.Default.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var accountDir in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var account = Path.GetFileName(accountDir);
            if (account.Length != 12 || !account.All(char.IsAsciiDigit))
                throw new ImportException(Path.GetRelativePath(directory, accountDir), "$", "not a 12-digit account id (the layout is ACCOUNT/REGION/*.json)");
            foreach (var regionDir in Directory.GetDirectories(accountDir).Order(StringComparer.Ordinal))
            {
                var region = Path.GetFileName(regionDir);
                if (!regions.Contains(region))
                    throw new ImportException(Path.GetRelativePath(directory, regionDir), "$", $"'{region}' is not a Region VpcLab knows");
                yield return (regionDir, new AccountId(account), region);
            }
        }
    }

    private static Network Assemble(NetworkParts p) => Network.Empty with
    {
        Accounts = p.Accounts.ToImmutableDictionary(),
        Vpcs = p.Vpcs.ToImmutableDictionary(),
        Subnets = p.Subnets.ToImmutableDictionary(),
        RouteTables = p.RouteTables.ToImmutableDictionary(),
        InternetGateways = p.InternetGateways.ToImmutableDictionary(),
        EgressOnlyInternetGateways = p.EgressOnlyInternetGateways.ToImmutableDictionary(),
        NatGateways = p.NatGateways.ToImmutableDictionary(),
        ElasticIps = p.ElasticIps.ToImmutableDictionary(),
        SecurityGroups = p.SecurityGroups.ToImmutableDictionary(),
        NetworkAcls = p.NetworkAcls.ToImmutableDictionary(),
        NetworkInterfaces = p.NetworkInterfaces.ToImmutableDictionary(),
        Instances = p.Instances.ToImmutableDictionary(),
        PrefixLists = p.PrefixLists.ToImmutableDictionary(),
        Tags = p.Tags.ToImmutableDictionary(StringComparer.Ordinal),
        VpcPeeringConnections = p.VpcPeeringConnections.ToImmutableDictionary(),
        VpcEndpoints = p.VpcEndpoints.ToImmutableDictionary(),
        FlowLogs = p.FlowLogs.ToImmutableDictionary(),
        Volumes = p.Volumes.ToImmutableDictionary(StringComparer.Ordinal),
    };
}
