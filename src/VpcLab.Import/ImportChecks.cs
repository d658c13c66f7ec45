using VpcLab.Model;

namespace VpcLab.Import;

/// <summary>What every VPC needs before the engine can use it: AWS gives each a main route table and a default network
/// ACL, and each subnet, interface and table names a VPC or subnet that was imported. A folder saved partly (a describe
/// call missing) fails here, naming the call whose output lacks it.</summary>
internal static class ImportChecks
{
    public static void Check(Network n)
    {
        foreach (var vpc in n.Vpcs.Values)
        {
            string folder = $"{vpc.OwnerId}/{vpc.Region}";
            if (!n.RouteTables.Values.Any(t => t.VpcId == vpc.Id && t.IsMain))
                throw new ImportException($"{folder}/{DescribeCalls.RouteTables.FileName}", "$.RouteTables", $"{vpc.Id} has no main route table (Associations[].Main)");
            if (!n.NetworkAcls.Values.Any(a => a.VpcId == vpc.Id && a.IsDefault))
                throw new ImportException($"{folder}/{DescribeCalls.NetworkAcls.FileName}", "$.NetworkAcls", $"{vpc.Id} has no default network ACL (IsDefault)");
        }
        foreach (var eni in n.NetworkInterfaces.Values)
        {
            if (!n.Subnets.ContainsKey(eni.SubnetId))
                throw new ImportException($"{eni.OwnerId}/{eni.Region}/{DescribeCalls.NetworkInterfaces.FileName}", "$.NetworkInterfaces",
                    $"{eni.Id} is in {eni.SubnetId}, which no describe-subnets.json lists");
        }
        foreach (var instance in n.Instances.Values)
        {
            var missing = instance.NetworkInterfaces.FirstOrDefault(e => !n.NetworkInterfaces.ContainsKey(e));
            if (missing.Value is not null)
                throw new ImportException($"{instance.OwnerId}/{instance.Region}/{DescribeCalls.Instances.FileName}", "$.Reservations",
                    $"{instance.Id} uses {missing}, which no describe-network-interfaces.json lists");
        }
        foreach (var table in n.RouteTables.Values.Where(t => !n.Vpcs.ContainsKey(t.VpcId)))
            throw new ImportException($"{table.OwnerId}/{table.Region}/{DescribeCalls.RouteTables.FileName}", "$.RouteTables",
                $"{table.Id} belongs to {table.VpcId}, which no describe-vpcs.json lists");
    }
}
