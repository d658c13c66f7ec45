using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace VpcLab.Import.Collection;

/// <summary><c>vpclab collect</c>: runs the describe calls of <see cref="DescribeCalls"/> through the AWS SDK for .NET
/// (any endpoint: AWS with the caller's credentials, or <c>vpclab serve</c>) and writes what the AWS CLI would print
/// into <c>OUT/ACCOUNT/REGION/</c>, every page of a paginated call one after the other (docs/semantics.md#import-layout).
/// Read-only: only Describe* and GetManagedPrefixListEntries are called.</summary>
public sealed class Ec2Collector(IAmazonEC2 client, int? pageSize = null)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Collects one Region. <paramref name="account"/>: the folder's account; null takes the owner of the
    /// Region's security groups (every VPC has one), and refuses when there is none.</summary>
    public async Task<CollectReport> CollectAsync(string outDirectory, string region, string? account, CancellationToken ct)
    {
        var outputs = new List<(string File, string ListMember, List<JsonObject> Pages)>();
        foreach (var (call, fetch) in Calls())
            outputs.Add((call.FileName, call.ListMember, await fetch(ct).ConfigureAwait(false)));
        account ??= OwnerOf(outputs.First(o => o.File == DescribeCalls.SecurityGroups.FileName).Pages)
            ?? throw new ImportException(region, "$", "no security group tells the account id: give --account");
        var folder = Path.Combine(outDirectory, account, region);
        var unanswered = new List<string>();
        foreach (var vpcId in Ids(outputs, DescribeCalls.Vpcs, "VpcId"))
            outputs.AddRange(await VpcAttributes(vpcId, ct).ConfigureAwait(false));
        foreach (var listId in Ids(outputs, DescribeCalls.ManagedPrefixLists, "PrefixListId"))
        {
            var pages = await Pages("Entries", new GetManagedPrefixListEntriesRequest { PrefixListId = listId }, client.GetManagedPrefixListEntriesAsync, ct).ConfigureAwait(false);
            outputs.Add(($"{DescribeCalls.PrefixListEntriesFolder}/{listId}.json", "Entries", pages));
        }
        foreach (var (call, fetch) in OptionalCalls())
        {
            try
            {
                outputs.Add((call.FileName, call.ListMember, await fetch(ct).ConfigureAwait(false)));
            }
            catch (AmazonServiceException e) when (e.ErrorCode is "NotImplemented" or "InvalidAction" or "UnauthorizedOperation" or "AccessDenied")
            {
                unanswered.Add($"{call.Command}: {e.ErrorCode}");
            }
        }
        var files = ImmutableArray.CreateBuilder<(string, int)>();
        foreach (var (file, member, pages) in outputs)
        {
            Write(Path.Combine(folder, file), pages);
            files.Add((file, pages.Sum(p => p[member] is JsonArray a ? a.Count : p.ContainsKey(member) ? 1 : 0)));
        }
        return new CollectReport(folder, files.ToImmutable(), [.. unanswered]);
    }

    private IEnumerable<(DescribeCall, Func<CancellationToken, Task<List<JsonObject>>>)> Calls()
    {
        yield return (DescribeCalls.Vpcs, ct => Pages(DescribeCalls.Vpcs.ListMember, new DescribeVpcsRequest(), client.DescribeVpcsAsync, ct));
        yield return (DescribeCalls.Subnets, ct => Pages(DescribeCalls.Subnets.ListMember, new DescribeSubnetsRequest(), client.DescribeSubnetsAsync, ct));
        yield return (DescribeCalls.RouteTables, ct => Pages(DescribeCalls.RouteTables.ListMember, new DescribeRouteTablesRequest(), client.DescribeRouteTablesAsync, ct));
        yield return (DescribeCalls.InternetGateways, ct => Pages(DescribeCalls.InternetGateways.ListMember, new DescribeInternetGatewaysRequest(), client.DescribeInternetGatewaysAsync, ct));
        yield return (DescribeCalls.EgressOnlyInternetGateways, ct => Pages(DescribeCalls.EgressOnlyInternetGateways.ListMember, new DescribeEgressOnlyInternetGatewaysRequest(), client.DescribeEgressOnlyInternetGatewaysAsync, ct));
        yield return (DescribeCalls.NatGateways, ct => Pages(DescribeCalls.NatGateways.ListMember, new DescribeNatGatewaysRequest(), client.DescribeNatGatewaysAsync, ct));
        yield return (DescribeCalls.Addresses, ct => Pages(DescribeCalls.Addresses.ListMember, new DescribeAddressesRequest(), client.DescribeAddressesAsync, ct));
        yield return (DescribeCalls.AddressesAttribute, ct => Pages(DescribeCalls.AddressesAttribute.ListMember,
            new DescribeAddressesAttributeRequest { Attribute = AddressAttributeName.DomainName }, client.DescribeAddressesAttributeAsync, ct));
        yield return (DescribeCalls.SecurityGroups, ct => Pages(DescribeCalls.SecurityGroups.ListMember, new DescribeSecurityGroupsRequest(), client.DescribeSecurityGroupsAsync, ct));
        yield return (DescribeCalls.SecurityGroupRules, ct => Pages(DescribeCalls.SecurityGroupRules.ListMember, new DescribeSecurityGroupRulesRequest(), client.DescribeSecurityGroupRulesAsync, ct));
        yield return (DescribeCalls.NetworkAcls, ct => Pages(DescribeCalls.NetworkAcls.ListMember, new DescribeNetworkAclsRequest(), client.DescribeNetworkAclsAsync, ct));
        yield return (DescribeCalls.NetworkInterfaces, ct => Pages(DescribeCalls.NetworkInterfaces.ListMember, new DescribeNetworkInterfacesRequest(), client.DescribeNetworkInterfacesAsync, ct));
        yield return (DescribeCalls.Instances, ct => Pages(DescribeCalls.Instances.ListMember, new DescribeInstancesRequest(), client.DescribeInstancesAsync, ct));
        yield return (DescribeCalls.VpcEndpoints, ct => Pages(DescribeCalls.VpcEndpoints.ListMember, new DescribeVpcEndpointsRequest(), client.DescribeVpcEndpointsAsync, ct));
        yield return (DescribeCalls.VpcPeeringConnections, ct => Pages(DescribeCalls.VpcPeeringConnections.ListMember, new DescribeVpcPeeringConnectionsRequest(), client.DescribeVpcPeeringConnectionsAsync, ct));
        yield return (DescribeCalls.ManagedPrefixLists, ct => Pages(DescribeCalls.ManagedPrefixLists.ListMember, new DescribeManagedPrefixListsRequest(), client.DescribeManagedPrefixListsAsync, ct));
        yield return (DescribeCalls.FlowLogs, ct => Pages(DescribeCalls.FlowLogs.ListMember, new DescribeFlowLogsRequest(), client.DescribeFlowLogsAsync, ct));
        yield return (DescribeCalls.DhcpOptions, ct => Pages(DescribeCalls.DhcpOptions.ListMember, new DescribeDhcpOptionsRequest(), client.DescribeDhcpOptionsAsync, ct));
        yield return (DescribeCalls.Volumes, ct => Pages(DescribeCalls.Volumes.ListMember, new DescribeVolumesRequest(), client.DescribeVolumesAsync, ct));
    }

    /// <summary>Kinds VpcLab lists as skipped; an endpoint that does not serve them (vpclab serve) is noted, not fatal.
    /// Direct Connect and Network Firewall are other services' calls: save their CLI output by hand.</summary>
    private IEnumerable<(DescribeCall, Func<CancellationToken, Task<List<JsonObject>>>)> OptionalCalls()
    {
        var skipped = DescribeCalls.Skipped.ToDictionary(c => c.Command, StringComparer.Ordinal);
        yield return (skipped["describe-transit-gateways"], ct => Pages(skipped["describe-transit-gateways"].ListMember, new DescribeTransitGatewaysRequest(), client.DescribeTransitGatewaysAsync, ct));
        yield return (skipped["describe-transit-gateway-attachments"], ct => Pages(skipped["describe-transit-gateway-attachments"].ListMember, new DescribeTransitGatewayAttachmentsRequest(), client.DescribeTransitGatewayAttachmentsAsync, ct));
        yield return (skipped["describe-vpn-gateways"], ct => Pages(skipped["describe-vpn-gateways"].ListMember, new DescribeVpnGatewaysRequest(), client.DescribeVpnGatewaysAsync, ct));
        yield return (skipped["describe-vpn-connections"], ct => Pages(skipped["describe-vpn-connections"].ListMember, new DescribeVpnConnectionsRequest(), client.DescribeVpnConnectionsAsync, ct));
        yield return (skipped["describe-customer-gateways"], ct => Pages(skipped["describe-customer-gateways"].ListMember, new DescribeCustomerGatewaysRequest(), client.DescribeCustomerGatewaysAsync, ct));
    }

    private async Task<IEnumerable<(string, string, List<JsonObject>)>> VpcAttributes(string vpcId, CancellationToken ct)
    {
        var result = new List<(string, string, List<JsonObject>)>();
        foreach (var (attribute, member) in new[] { ("enableDnsSupport", "EnableDnsSupport"), ("enableDnsHostnames", "EnableDnsHostnames") })
        {
            var response = await client.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpcId, Attribute = attribute }, ct).ConfigureAwait(false);
            var value = attribute == "enableDnsSupport" ? response.EnableDnsSupport : response.EnableDnsHostnames;
            result.Add(($"{DescribeCalls.VpcAttributeFolder}/{vpcId}.{attribute}.json", member, [CliJson.BooleanAttribute(vpcId, member, value)]));
        }
        return result;
    }

    /// <summary>Every page of a call (its list member always present), following NextToken (with MaxResults = the page size when one is set).</summary>
    private async Task<List<JsonObject>> Pages<TRequest, TResponse>(string listMember, TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> send, CancellationToken ct)
        where TRequest : AmazonWebServiceRequest
        where TResponse : AmazonWebServiceResponse
    {
        var maxResults = typeof(TRequest).GetProperty("MaxResults");
        var requestToken = typeof(TRequest).GetProperty("NextToken");
        var responseToken = typeof(TResponse).GetProperty("NextToken");
        if (pageSize is { } size && maxResults is not null)
            maxResults.SetValue(request, size);
        var pages = new List<JsonObject>();
        while (true)
        {
            var response = await send(request, ct).ConfigureAwait(false);
            var page = CliJson.Response(response);
            page.TryAdd(listMember, new JsonArray()); // the CLI prints an empty list, where the SDK may leave null
            pages.Add(page);
            var token = responseToken?.GetValue(response) as string;
            if (string.IsNullOrEmpty(token) || requestToken is null)
                return pages;
            requestToken.SetValue(request, token);
        }
    }

    private static List<string> Ids(List<(string File, string ListMember, List<JsonObject> Pages)> outputs, DescribeCall call, string idMember) =>
        outputs.First(o => o.File == call.FileName).Pages
            .SelectMany(p => p[call.ListMember] as JsonArray ?? [])
            .Select(item => item?[idMember]?.GetValue<string>()).OfType<string>().ToList();

    private static string? OwnerOf(List<JsonObject> securityGroupPages) =>
        securityGroupPages.SelectMany(p => p["SecurityGroups"] as JsonArray ?? [])
            .Select(g => g?["OwnerId"]?.GetValue<string>()).FirstOrDefault(o => o is not null);

    private static void Write(string path, List<JsonObject> pages)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path);
        foreach (var page in pages)
        {
            writer.WriteLine(page.ToJsonString(Indented));
        }
    }
}
