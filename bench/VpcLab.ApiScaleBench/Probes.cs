/// <summary>The requests bench/api-scale.sh measures at each world size (label, form without Version), one list for
/// the HTTP runs (<c>--probes</c>) and the in-process ones (<see cref="InProcessCost"/>).</summary>
internal static class Probes
{
    public static IReadOnlyList<(string Label, string Form)> For(WorldIds w)
    {
        var cidr = Uri.EscapeDataString(w.Cidr);
        return
        [
            ("DescribeVpcs VpcId.1", $"Action=DescribeVpcs&VpcId.1={w.Vpc}"),
            ("DescribeVpcs vpc-id", $"Action=DescribeVpcs&Filter.1.Name=vpc-id&Filter.1.Value.1={w.Vpc}"),
            ("DescribeVpcs cidr", $"Action=DescribeVpcs&Filter.1.Name=cidr&Filter.1.Value.1={cidr}"),
            ("DescribeVpcs tag:Name", $"Action=DescribeVpcs&Filter.1.Name=tag%3AName&Filter.1.Value.1={w.Name}"),
            ("DescribeSubnets vpc-id", $"Action=DescribeSubnets&Filter.1.Name=vpc-id&Filter.1.Value.1={w.Vpc}"),
            ("DescribeSecurityGroups group-id", $"Action=DescribeSecurityGroups&Filter.1.Name=group-id&Filter.1.Value.1={w.Group}"),
            ("DescribeSecurityGroups vpc-id", $"Action=DescribeSecurityGroups&Filter.1.Name=vpc-id&Filter.1.Value.1={w.Vpc}"),
            ("DescribeRouteTables vpc-id", $"Action=DescribeRouteTables&Filter.1.Name=vpc-id&Filter.1.Value.1={w.Vpc}"),
            ("DescribeNetworkAcls vpc-id", $"Action=DescribeNetworkAcls&Filter.1.Name=vpc-id&Filter.1.Value.1={w.Vpc}"),
            ("DescribeNetworkInterfaces subnet-id", $"Action=DescribeNetworkInterfaces&Filter.1.Name=subnet-id&Filter.1.Value.1={w.Subnet}"),
            ("DescribeNetworkInterfaces id", $"Action=DescribeNetworkInterfaces&Filter.1.Name=network-interface-id&Filter.1.Value.1={w.Eni}"),
            ("DescribeTags resource-id", $"Action=DescribeTags&Filter.1.Name=resource-id&Filter.1.Value.1={w.Vpc}"),
            ("DescribeVpcs MaxResults=5 (a page of all)", "Action=DescribeVpcs&MaxResults=5"),
        ];
    }
}
