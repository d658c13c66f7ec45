using Spectre.Console;
using VpcLab.Model;

namespace VpcLab.Cli.Rendering;

/// <summary>The world as tables: one per kind of resource, names beside ids.</summary>
public static class NetworkView
{
    public static void Render(IAnsiConsole console, Network network)
    {
        string Name(string id) => Markup.Escape(network.NameOf(id));

        var vpcs = Table("VPCs", "Name", "VPC", "Account", "Region", "IPv4 CIDRs", "IPv6 CIDR", "DNS support / hostnames");
        foreach (var vpc in network.Vpcs.Values.OrderBy(v => v.Id.Value, StringComparer.Ordinal))
        {
            vpcs.AddRow(Name(vpc.Id.Value), vpc.Id.Value, vpc.OwnerId.Value, vpc.Region,
                string.Join(", ", vpc.CidrBlocks.Select(c => c.Cidr)),
                string.Join(", ", vpc.Ipv6CidrBlocks.Select(c => c.Cidr)),
                $"{Yes(vpc.EnableDnsSupport)} / {Yes(vpc.EnableDnsHostnames)}");
        }
        console.Write(vpcs);

        var subnets = Table("Subnets", "Name", "Subnet", "AZ", "IPv4 CIDR", "IPv6 CIDR", "Route table", "Network ACL", "Public IP on launch");
        foreach (var subnet in network.Subnets.Values.OrderBy(s => s.CidrBlock))
        {
            subnets.AddRow(Name(subnet.Id.Value), subnet.Id.Value,
                $"{subnet.AvailabilityZone.Name} ({subnet.AvailabilityZone.ZoneId})", subnet.CidrBlock?.ToString() ?? "- (IPv6-only)",
                subnet.Ipv6Cidr?.ToString() ?? "-", Name(network.RouteTableFor(subnet.Id).Id.Value),
                Name(network.NetworkAclFor(subnet.Id).Id.Value), Yes(subnet.MapPublicIpOnLaunch));
        }
        console.Write(subnets);

        var routes = Table("Routes", "Route table", "Main", "Destination", "Target", "State");
        foreach (var table in network.RouteTables.Values.OrderBy(t => network.NameOf(t.Id.Value), StringComparer.Ordinal))
        {
            foreach (var route in table.Routes)
            {
                var state = network.RouteState(table, route);
                routes.AddRow(Name(table.Id.Value), Yes(table.IsMain), route.Destination.ToString(),
                    route.IsLocal ? "local" : $"{Name(route.Target.Id)} ({route.Target.Id})",
                    state == RouteState.Active ? "active" : "[red]blackhole[/]");
            }
        }
        console.Write(routes);

        var groups = Table("Security group rules", "Group", "VPC", "Direction", "Protocol", "Ports", "Peer", "Description");
        foreach (var group in network.SecurityGroups.Values.OrderBy(g => g.GroupName, StringComparer.Ordinal).ThenBy(g => network.NameOf(g.VpcId.Value), StringComparer.Ordinal))
        {
            var vpc = Name(group.VpcId.Value);
            if (group.Rules.IsEmpty)
                groups.AddRow(Markup.Escape(group.GroupName), vpc, "-", "-", "-", "[grey]no rules[/]", "");
            foreach (var rule in group.Rules.OrderBy(r => r.IsEgress))
            {
                var peer = rule.Peer is SecurityGroupPeer sg ? network.SecurityGroups.GetValueOrDefault(sg.GroupId)?.GroupName ?? sg.GroupId.Value : rule.Peer.ToString()!;
                groups.AddRow(Markup.Escape(group.GroupName), vpc, rule.IsEgress ? "egress" : "ingress", rule.Protocol.Name,
                    Ports(rule), Markup.Escape(peer), Markup.Escape(rule.Description ?? ""));
            }
        }
        console.Write(groups);

        var acls = Table("Network ACL entries", "Network ACL", "Direction", "Rule", "Protocol", "Ports", "CIDR", "Action");
        foreach (var acl in network.NetworkAcls.Values.OrderBy(a => network.NameOf(a.Id.Value), StringComparer.Ordinal))
        {
            foreach (var egress in new[] { false, true })
            {
                foreach (var entry in acl.EntriesFor(egress))
                {
                    acls.AddRow(Name(acl.Id.Value), egress ? "outbound" : "inbound", entry.RuleNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        entry.Protocol.Name, entry.PortRange?.ToString() ?? "all", entry.Cidr.ToString(),
                        entry.Action == RuleAction.Allow ? "[green]allow[/]" : "[red]deny[/]");
                }
                acls.AddRow(Name(acl.Id.Value), egress ? "outbound" : "inbound", "*", "all", "all", "0.0.0.0/0, ::/0", "[red]deny[/]");
            }
        }
        console.Write(acls);

        var interfaces = Table("Network interfaces", "Name", "Interface", "Instance", "Subnet", "Private IPs", "Public IP", "IPv6", "Security groups");
        foreach (var eni in network.NetworkInterfaces.Values.OrderBy(n => n.PrimaryPrivateIp))
        {
            var publicIps = eni.PrivateIpAddresses.Select(p => network.PublicIpFor(eni, p)).OfType<Net.IpAddress>().ToList();
            interfaces.AddRow(Name(eni.Id.Value), eni.Id.Value,
                eni.Attachment is { } a ? Name(a.InstanceId.Value) : eni.InterfaceType.ToString(),
                Name(eni.SubnetId.Value), eni.PrivateIpAddresses.IsEmpty ? "- (IPv6-only)" : string.Join(", ", eni.PrivateIpAddresses.Select(p => p.Address)),
                publicIps.Count == 0 ? "-" : string.Join(", ", publicIps), eni.Ipv6Addresses.IsEmpty ? "-" : string.Join(", ", eni.Ipv6Addresses),
                Markup.Escape(string.Join(", ", eni.Groups.Select(g => network.SecurityGroups.GetValueOrDefault(g)?.GroupName ?? g.Value))));
        }
        console.Write(interfaces);
        NetworkLinksView.Render(console, network);
        RenderEndpoints(console, network);
    }

    /// <summary>VPC endpoints, S3 buckets and customer-managed prefix lists: only when the world has any.</summary>
    private static void RenderEndpoints(IAnsiConsole console, Network network)
    {
        string Name(string id) => Markup.Escape(network.NameOf(id));
        if (!network.VpcEndpoints.IsEmpty)
        {
            var endpoints = Table("VPC endpoints", "Name", "Endpoint", "VPC", "Service", "Type", "Route tables / subnets", "Private DNS", "Policy");
            foreach (var e in network.VpcEndpoints.Values.OrderBy(e => e.Id.Value, StringComparer.Ordinal))
            {
                var where = e.IsGateway
                    ? string.Join(", ", e.RouteTableIds.Select(t => Name(t.Value)))
                    : string.Join(", ", e.SubnetIds.Select(s => Name(s.Value)));
                // The service by its short name (s3, sns): the Region is the VPC's.
                endpoints.AddRow(Name(e.Id.Value), e.Id.Value, Name(e.VpcId.Value), e.ServiceName[(e.ServiceName.LastIndexOf('.') + 1)..],
                    e.IsAvailable ? e.Type.ToString() : $"{e.Type} ({e.State.ToString().ToLowerInvariant()})", where,
                    e.IsInterface ? Yes(e.PrivateDnsEnabled) : "-",
                    e.PolicyDocument == Model.Policies.PolicyDocument.DefaultEndpointPolicyJson ? "default" : "custom");
            }
            console.Write(endpoints);
        }
        if (!network.Buckets.IsEmpty)
        {
            var buckets = Table("S3 buckets", "Bucket", "Region", "Owner", "Bucket policy");
            foreach (var b in network.Buckets.Values.OrderBy(b => b.Name, StringComparer.Ordinal))
                buckets.AddRow(Markup.Escape(b.Name), b.Region, b.OwnerId.Value, b.Policy is null ? "none" : "yes");
            console.Write(buckets);
        }
        var customerLists = network.PrefixLists.Values.Where(p => !p.IsAwsManaged).OrderBy(p => p.Id.Value, StringComparer.Ordinal).ToList();
        if (customerLists.Count > 0)
        {
            var lists = Table("Customer-managed prefix lists", "Name", "Prefix list", "Family", "Entries", "Max entries", "Version");
            foreach (var p in customerLists)
            {
                lists.AddRow(Markup.Escape(p.Name), p.Id.Value, p.AddressFamily == Net.IpFamily.V4 ? "IPv4" : "IPv6",
                    string.Join(", ", p.Entries.Select(e => e.Cidr)), p.MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            console.Write(lists);
        }
    }

    private static string Ports(SecurityGroupRule rule) =>
        !rule.Protocol.HasPorts && !rule.Protocol.IsIcmp ? "all"
        : rule.Protocol.IsIcmp ? (rule.FromPort == -1 ? "any type" : $"type {rule.FromPort} code {(rule.ToPort == -1 ? "any" : rule.ToPort)}")
        : rule.FromPort == rule.ToPort ? rule.FromPort.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{rule.FromPort}-{rule.ToPort}";

    private static string Yes(bool value) => value ? "yes" : "no";

    internal static FoldingTable Table(string title, params string[] columns) => new($"[bold]{title}[/]", columns);
}
