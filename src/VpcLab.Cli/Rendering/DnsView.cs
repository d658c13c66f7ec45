using Spectre.Console;
using VpcLab.Engine.Dns;

namespace VpcLab.Cli.Rendering;

/// <summary>A DNS answer for people: the name, where it was asked from, the addresses (or the failure) and why.</summary>
public static class DnsView
{
    public static string Line(DnsAnswer answer) => answer.Resolved
        ? $"{answer.Name} from {answer.From} → {string.Join(", ", answer.Addresses)} ({Rule(answer.Rule)}: {answer.Explanation})"
        : $"{answer.Name} from {answer.From} → {Status(answer.Status)} ({Rule(answer.Rule)}: {answer.Explanation})";

    public static Grid Build(DnsAnswer answer)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[grey]name[/]", Markup.Escape(answer.Name));
        grid.AddRow("[grey]asked from[/]", Markup.Escape(answer.From));
        grid.AddRow("[grey]answer[/]", answer.Resolved
            ? $"[green]{Markup.Escape(string.Join(", ", answer.Addresses))}[/]"
            : $"[red]{Status(answer.Status)}[/]");
        grid.AddRow("[grey]rule[/]", Rule(answer.Rule));
        grid.AddRow("[grey]why[/]", Markup.Escape(answer.Explanation));
        if (answer.ResourceId is { } resource)
            grid.AddRow("[grey]record of[/]", Markup.Escape(resource));
        if (answer.Peering is { } pcx)
            grid.AddRow("[grey]peering[/]", Markup.Escape(pcx.Value));
        return grid;
    }

    private static string Status(DnsStatus status) => status switch
    {
        DnsStatus.NxDomain => "NXDOMAIN",
        DnsStatus.NoResolver => "no answer (no Amazon DNS resolver)",
        DnsStatus.NoData => "NOERROR, no records",
        _ => "NOERROR",
    };

    private static string Rule(DnsRule rule) => rule switch
    {
        DnsRule.PrivateHostname => "private hostname",
        DnsRule.PrivateHostnameOutsideItsVpc => "private hostname outside its VPC",
        DnsRule.PublicHostnameInsideVpc => "public hostname inside its VPC",
        DnsRule.PublicHostnameOverPeering => "public hostname over a peering",
        DnsRule.PublicHostnameToPublicAddress => "public hostname, public address",
        DnsRule.PublicHostnameNotAssigned => "no public hostname (DNS hostnames off)",
        DnsRule.DnsSupportDisabled => "DNS support off",
        DnsRule.VpcEndpointRegionalName => "interface endpoint, regional name",
        DnsRule.VpcEndpointZonalName => "interface endpoint, zonal name",
        DnsRule.VpcEndpointPrivateDns => "interface endpoint, private DNS",
        DnsRule.ServicePublicName => "AWS service, public DNS",
        DnsRule.LoadBalancerName => "load balancer, public DNS",
        DnsRule.ResourceName => "resource name",
        DnsRule.ResourceNameRecordsOff => "resource name, records off",
        _ => "unknown name",
    };
}
