using Amazon.EC2;
using Amazon.EC2.Model;
using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Server.Hosting;
using VpcLab.TestWorlds;
using Model = VpcLab.Model;

namespace VpcLab.Server.Tests.Insights;

/// <summary>The Network Access Analyzer API through the real server and the AWS SDK for .NET, on the seed scenario:
/// scopes answered by the same engine as <c>vpclab reach</c> (FlowSpace), cross-checked against
/// <see cref="InternetReach"/> (docs/semantics.md#network-access-analyzer-api).</summary>
public sealed class AccessScopeSdkTests : IAsyncLifetime
{
    private const string Account = "111111111111";
    private LoopbackEc2 _loopback = null!;
    private AmazonEC2Client _ec2 = null!;
    private Model.Network _seed = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var path = ShippedScenarios.PathOf("seed");
        _seed = ScenarioLoader.LoadFile(path).Network;
        _loopback = await LoopbackEc2.StartAsync(Ct, new ServerOptions { Port = 0, DataDirectory = null, ScenarioFile = path });
        _ec2 = LoopbackEc2.ClientFor(_loopback.Server, Account, "us-east-1");
    }

    public async ValueTask DisposeAsync()
    {
        _ec2.Dispose();
        await _loopback.DisposeAsync();
    }

    private static AccessScopePathRequest Path(PathStatementRequest? source, PathStatementRequest? destination,
        params string[] throughTypes) => new()
    {
        Source = source,
        Destination = destination,
        ThroughResources = [.. throughTypes.Select(t => new ThroughResourcesStatementRequest { ResourceStatement = new ResourceStatementRequest { ResourceTypes = [t] } })],
    };

    private static PathStatementRequest Types(params string[] types) => new() { ResourceStatement = new ResourceStatementRequest { ResourceTypes = [.. types] } };

    private static PathStatementRequest Ids(params string[] ids) => new() { ResourceStatement = new ResourceStatementRequest { Resources = [.. ids] } };

    private static AccessScopePathRequest InternetToInterfaces =>
        Path(Types("AWS::EC2::InternetGateway"), Types("AWS::EC2::NetworkInterface"));

    private async Task<(NetworkInsightsAccessScopeAnalysis Analysis, List<AccessScopeAnalysisFinding> Findings)> Analyze(
        List<AccessScopePathRequest> match, List<AccessScopePathRequest>? exclude = null)
    {
        var scope = await _ec2.CreateNetworkInsightsAccessScopeAsync(new CreateNetworkInsightsAccessScopeRequest
        {
            MatchPaths = match,
            ExcludePaths = exclude ?? [],
            ClientToken = Guid.NewGuid().ToString(),
        }, Ct);
        var analysis = (await _ec2.StartNetworkInsightsAccessScopeAnalysisAsync(new StartNetworkInsightsAccessScopeAnalysisRequest
        {
            NetworkInsightsAccessScopeId = scope.NetworkInsightsAccessScope.NetworkInsightsAccessScopeId,
            ClientToken = Guid.NewGuid().ToString(),
        }, Ct)).NetworkInsightsAccessScopeAnalysis;
        var findings = new List<AccessScopeAnalysisFinding>();
        string? next = null;
        do
        {
            var page = await _ec2.GetNetworkInsightsAccessScopeAnalysisFindingsAsync(new GetNetworkInsightsAccessScopeAnalysisFindingsRequest
            {
                NetworkInsightsAccessScopeAnalysisId = analysis.NetworkInsightsAccessScopeAnalysisId,
                NextToken = next,
            }, Ct);
            Assert.Equal("succeeded", page.AnalysisStatus.Value);
            findings.AddRange(page.AnalysisFindings);
            next = page.NextToken;
        }
        while (next is not null);
        return (analysis, findings);
    }

    /// <summary>The interface a finding ends at: the last network interface on its components.</summary>
    private static string EndInterface(AccessScopeAnalysisFinding f) =>
        f.FindingComponents.Last(c => c.Component.Id.StartsWith("eni-", StringComparison.Ordinal)).Component.Id;

    private static IEnumerable<int> DestinationPorts(AccessScopeAnalysisFinding f) =>
        f.FindingComponents.Where(c => c.OutboundHeader?.DestinationPortRanges is { Count: > 0 })
            .Select(c => c.OutboundHeader.DestinationPortRanges[0].From ?? -1).Take(1);

    // https://docs.aws.amazon.com/vpc/latest/network-access-analyzer/how-network-access-analyzer-works.html: a finding
    // is a path that starts or ends at an internet gateway or a network interface.
    [Fact]
    public async Task AccessScope_InternetGatewayToAnyInterface_FindsExactlyWhatReachInternetFinds()
    {
        var (analysis, findings) = await Analyze([InternetToInterfaces]);

        var expected = InternetReach.Compute(_seed).Select(e => e.Interface.Value).Distinct().Order().ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal("true", analysis.FindingsFound.Value);
        Assert.Equal(expected, findings.Select(EndInterface).Distinct().Order().ToArray());
        // Only the public instances: each interface found belongs to an instance with a public IPv4 or an IPv6 address.
        foreach (var eni in expected.Select(id => _seed.NetworkInterfaces[new Model.NetworkInterfaceId(id)]))
        {
            Assert.NotNull(eni.Attachment);
            Assert.True(eni.PrivateIpAddresses.Any(p => _seed.PublicIpFor(eni, p) is not null) || !eni.Ipv6Addresses.IsEmpty);
        }
        var igw = _seed.InternetGateways.Keys.Single().Value;
        Assert.All(findings, f => Assert.Contains(f.FindingComponents, c => c.Component.Id == igw));
        Assert.Equal(_seed.NetworkInterfaces.Values.Count(e => e.OwnerId.Value == Account), analysis.AnalyzedEniCount);
    }

    // API reference, AccessScopePathRequest: ExcludePaths are paths not to report. The seed's web-sg opens 80 and 443
    // to the world and 22 to the admin network: excluding 80 and 22 leaves 443, on IPv4 and IPv6.
    [Fact]
    public async Task AccessScope_ExcludeDestinationPorts80And22_LeavesOnly443OnBothFamilies()
    {
        var exclude = Path(Types("AWS::EC2::InternetGateway"),
            new PathStatementRequest { PacketHeaderStatement = new PacketHeaderStatementRequest { DestinationPorts = ["80", "22"] } });
        var (_, findings) = await Analyze([InternetToInterfaces], [exclude]);

        Assert.NotEmpty(findings);
        Assert.All(findings.SelectMany(DestinationPorts), p => Assert.Equal(443, p));
        var addresses = findings.Select(f => f.FindingComponents.Last().OutboundHeader.DestinationAddresses.Single()).ToArray();
        Assert.Contains(addresses, a => a.Contains(':', StringComparison.Ordinal));
        Assert.Contains(addresses, a => !a.Contains(':', StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccessScope_ExcludeEveryOpenPort_NoFindings()
    {
        var exclude = Path(null, new PathStatementRequest { PacketHeaderStatement = new PacketHeaderStatementRequest { DestinationPorts = ["22", "80", "443"], Protocols = ["tcp"] } });
        var (analysis, findings) = await Analyze([InternetToInterfaces], [exclude]);

        Assert.Empty(findings);
        Assert.Equal("false", analysis.FindingsFound.Value);
    }

    [Fact]
    public async Task AccessScope_ExcludeTheOnlyPublicInstances_NoFindings()
    {
        var exposed = InternetReach.Compute(_seed).Select(e => _seed.NetworkInterfaces[e.Interface].Attachment!.InstanceId.Value).Distinct().ToArray();
        var (analysis, findings) = await Analyze([InternetToInterfaces], [Path(null, Ids(exposed))]);

        Assert.Empty(findings);
        Assert.Equal("false", analysis.FindingsFound.Value);
    }

    // https://docs.aws.amazon.com/vpc/latest/network-access-analyzer/resource-statement.html: NAT gateways are "through only".
    [Fact]
    public async Task AccessScope_InstancesToInternetThroughNatGateway_FindsThePrivateTierOnly()
    {
        var (_, findings) = await Analyze([Path(Types("AWS::EC2::Instance"), Types("AWS::EC2::InternetGateway"), "AWS::EC2::NatGateway")]);

        var nat = _seed.NatGateways.Keys.Single().Value;
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains(f.FindingComponents, c => c.Component.Id == nat));
        var sources = findings.Select(f => f.FindingComponents.First(c => c.Component.Id.StartsWith("eni-", StringComparison.Ordinal)).Component.Id).ToHashSet();
        var publicSubnets = _seed.Subnets.Values.Where(s => s.MapPublicIpOnLaunch).Select(s => s.Id).ToHashSet();
        Assert.All(sources, s => Assert.DoesNotContain(_seed.NetworkInterfaces[new Model.NetworkInterfaceId(s)].SubnetId, publicSubnets));
    }

    [Fact]
    public async Task AccessScope_Lifecycle_DescribeContentAndDeleteAnswerAsCreated()
    {
        var created = await _ec2.CreateNetworkInsightsAccessScopeAsync(new CreateNetworkInsightsAccessScopeRequest
        {
            MatchPaths = [InternetToInterfaces],
            ClientToken = Guid.NewGuid().ToString(),
            TagSpecifications = [new TagSpecification { ResourceType = "network-insights-access-scope", Tags = [new Tag("Name", "public")] }],
        }, Ct);
        var id = created.NetworkInsightsAccessScope.NetworkInsightsAccessScopeId;
        Assert.StartsWith("nis-", id);
        Assert.Equal($"arn:aws:ec2:us-east-1:{Account}:network-insights-access-scope/{id}", created.NetworkInsightsAccessScope.NetworkInsightsAccessScopeArn);

        var described = await _ec2.DescribeNetworkInsightsAccessScopesAsync(new DescribeNetworkInsightsAccessScopesRequest(), Ct);
        Assert.Equal([id], described.NetworkInsightsAccessScopes.Select(s => s.NetworkInsightsAccessScopeId));
        Assert.Equal("public", described.NetworkInsightsAccessScopes[0].Tags.Single(t => t.Key == "Name").Value);

        var content = (await _ec2.GetNetworkInsightsAccessScopeContentAsync(new GetNetworkInsightsAccessScopeContentRequest { NetworkInsightsAccessScopeId = id }, Ct))
            .NetworkInsightsAccessScopeContent;
        Assert.Equal(["AWS::EC2::InternetGateway"], content.MatchPaths.Single().Source.ResourceStatement.ResourceTypes);
        Assert.Equal(["AWS::EC2::NetworkInterface"], content.MatchPaths.Single().Destination.ResourceStatement.ResourceTypes);

        var analysis = (await _ec2.StartNetworkInsightsAccessScopeAnalysisAsync(new StartNetworkInsightsAccessScopeAnalysisRequest
        {
            NetworkInsightsAccessScopeId = id, ClientToken = Guid.NewGuid().ToString(),
        }, Ct)).NetworkInsightsAccessScopeAnalysis;
        Assert.StartsWith("nisa-", analysis.NetworkInsightsAccessScopeAnalysisId);
        var analyses = await _ec2.DescribeNetworkInsightsAccessScopeAnalysesAsync(new DescribeNetworkInsightsAccessScopeAnalysesRequest { NetworkInsightsAccessScopeId = id }, Ct);
        Assert.Equal([analysis.NetworkInsightsAccessScopeAnalysisId], analyses.NetworkInsightsAccessScopeAnalyses.Select(a => a.NetworkInsightsAccessScopeAnalysisId));

        // Choice (docs/semantics.md#naa-errors): a scope with analyses is not deleted until they are.
        var busy = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteNetworkInsightsAccessScopeAsync(
            new DeleteNetworkInsightsAccessScopeRequest { NetworkInsightsAccessScopeId = id }, Ct));
        Assert.Equal("DependencyViolation", busy.ErrorCode);
        await _ec2.DeleteNetworkInsightsAccessScopeAnalysisAsync(new DeleteNetworkInsightsAccessScopeAnalysisRequest
        {
            NetworkInsightsAccessScopeAnalysisId = analysis.NetworkInsightsAccessScopeAnalysisId,
        }, Ct);
        await _ec2.DeleteNetworkInsightsAccessScopeAsync(new DeleteNetworkInsightsAccessScopeRequest { NetworkInsightsAccessScopeId = id }, Ct);
        Assert.Empty((await _ec2.DescribeNetworkInsightsAccessScopesAsync(new DescribeNetworkInsightsAccessScopesRequest(), Ct)).NetworkInsightsAccessScopes);
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.GetNetworkInsightsAccessScopeContentAsync(
            new GetNetworkInsightsAccessScopeContentRequest { NetworkInsightsAccessScopeId = id }, Ct));
        Assert.Equal("InvalidNetworkInsightsAccessScopeId.NotFound", gone.ErrorCode);
    }

    // docs/semantics.md#naa-replay: Create/Start/Delete are logged mutations; a restart replays them, same ids and findings.
    [Fact]
    public async Task AccessScopes_Restart_SameIdsAndFindings()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vpclab-naa-" + Guid.NewGuid().ToString("N"));
        var options = new ServerOptions { Port = 0, DataDirectory = dir, ScenarioFile = ShippedScenarios.PathOf("seed") };
        try
        {
            string scope, analysis;
            string[] findingIds;
            await using (var lab = await LoopbackEc2.StartAsync(Ct, options))
            {
                using var ec2 = LoopbackEc2.ClientFor(lab.Server, Account, "us-east-1");
                scope = (await ec2.CreateNetworkInsightsAccessScopeAsync(new CreateNetworkInsightsAccessScopeRequest
                {
                    MatchPaths = [InternetToInterfaces], ClientToken = "c1",
                }, Ct)).NetworkInsightsAccessScope.NetworkInsightsAccessScopeId;
                analysis = (await ec2.StartNetworkInsightsAccessScopeAnalysisAsync(new StartNetworkInsightsAccessScopeAnalysisRequest
                {
                    NetworkInsightsAccessScopeId = scope, ClientToken = "s1",
                }, Ct)).NetworkInsightsAccessScopeAnalysis.NetworkInsightsAccessScopeAnalysisId;
                findingIds = [.. (await ec2.GetNetworkInsightsAccessScopeAnalysisFindingsAsync(new GetNetworkInsightsAccessScopeAnalysisFindingsRequest
                {
                    NetworkInsightsAccessScopeAnalysisId = analysis,
                }, Ct)).AnalysisFindings.Select(f => f.FindingId)];
            }
            await using (var again = await LoopbackEc2.StartAsync(Ct, options))
            {
                using var ec2 = LoopbackEc2.ClientFor(again.Server, Account, "us-east-1");
                var scopes = await ec2.DescribeNetworkInsightsAccessScopesAsync(new DescribeNetworkInsightsAccessScopesRequest(), Ct);
                Assert.Equal([scope], scopes.NetworkInsightsAccessScopes.Select(s => s.NetworkInsightsAccessScopeId));
                var findings = await ec2.GetNetworkInsightsAccessScopeAnalysisFindingsAsync(new GetNetworkInsightsAccessScopeAnalysisFindingsRequest
                {
                    NetworkInsightsAccessScopeAnalysisId = analysis,
                }, Ct);
                Assert.NotEmpty(findingIds);
                Assert.Equal(findingIds, findings.AnalysisFindings.Select(f => f.FindingId));
            }
        }
        finally
        {
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
        }
    }

    public static TheoryData<string, string, string?> BadScopes() => new()
    {
        // resource-statement.html: "either resource IDs or resource types, but not both".
        { "ids-and-types", "InvalidParameterCombination", null },
        // resource-statement.html: AWS::EC2::NatGateway is "through only".
        { "nat-type-as-source", "InvalidParameterValue", "AWS::EC2::NatGateway" },
        // Outside VpcLab's documented subset: refused naming the type (docs/semantics.md#naa-statements).
        { "transit-gateway-attachment", "InvalidParameterValue", "AWS::EC2::TransitGatewayAttachment" },
        { "unknown-type", "InvalidParameterValue", "AWS::EC2::Nonsense" },
        // API reference, PacketHeaderStatementRequest.Protocols: tcp | udp.
        { "icmp-protocol", "InvalidParameterValue", "icmp" },
        { "bad-cidr", "InvalidParameterValue", "10.0.0.0/33" },
        // PacketHeaderStatementRequest.SourcePorts: ports of 0-65535.
        { "bad-source-port", "InvalidParameterValue", "70000" },
        // SourcePrefixLists: a list the caller can use, else the control plane's prefix list codes.
        { "missing-prefix-list", "InvalidPrefixListID.NotFound", "pl-0123456789abcdef0" },
        { "missing-gateway", "InvalidInternetGatewayID.NotFound", "igw-0123456789abcdef0" },
        { "no-match-paths", "MissingParameter", "MatchPaths" },
    };

    [Theory]
    [MemberData(nameof(BadScopes))]
    public async Task CreateAccessScope_BadStatement_RefusedWithAwsCodeAndNothingCreated(string row, string code, string? named)
    {
        var match = row switch
        {
            "ids-and-types" => Path(new PathStatementRequest { ResourceStatement = new ResourceStatementRequest { Resources = [_seed.InternetGateways.Keys.Single().Value], ResourceTypes = ["AWS::EC2::InternetGateway"] } }, null),
            "nat-type-as-source" => Path(Types("AWS::EC2::NatGateway"), null),
            "transit-gateway-attachment" => Path(null, Types("AWS::EC2::TransitGatewayAttachment")),
            "unknown-type" => Path(Types("AWS::EC2::Nonsense"), null),
            "icmp-protocol" => Path(new PathStatementRequest { PacketHeaderStatement = new PacketHeaderStatementRequest { Protocols = ["icmp"] } }, null),
            "bad-cidr" => Path(new PathStatementRequest { PacketHeaderStatement = new PacketHeaderStatementRequest { SourceAddresses = ["10.0.0.0/33"] } }, null),
            "bad-source-port" => Path(new PathStatementRequest { PacketHeaderStatement = new PacketHeaderStatementRequest { SourcePorts = ["70000"] } }, null),
            "missing-prefix-list" => Path(new PathStatementRequest { PacketHeaderStatement = new PacketHeaderStatementRequest { SourcePrefixLists = ["pl-0123456789abcdef0"] } }, null),
            "missing-gateway" => Path(Ids("igw-0123456789abcdef0"), null),
            _ => null,
        };
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateNetworkInsightsAccessScopeAsync(new CreateNetworkInsightsAccessScopeRequest
        {
            MatchPaths = match is null ? [] : [match],
            ClientToken = Guid.NewGuid().ToString(),
        }, Ct));
        Assert.Equal(code, e.ErrorCode);
        if (named is not null)
            Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Empty((await _ec2.DescribeNetworkInsightsAccessScopesAsync(new DescribeNetworkInsightsAccessScopesRequest(), Ct)).NetworkInsightsAccessScopes);
    }

    public static TheoryData<string, string> BadIds() => new()
    {
        { "nis-0123456789abcdef0", "InvalidNetworkInsightsAccessScopeId.NotFound" },
        { "scope-1", "InvalidNetworkInsightsAccessScopeId.Malformed" },
        { "nisa-0123456789abcdef0", "InvalidNetworkInsightsAccessScopeAnalysisId.NotFound" },
        { "nisa-x", "InvalidNetworkInsightsAccessScopeAnalysisId.Malformed" },
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task AccessScopeIds_MissingOrMalformed_RefusedWithAwsCode(string id, string code)
    {
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => id.StartsWith("nisa-", StringComparison.Ordinal)
            ? _ec2.GetNetworkInsightsAccessScopeAnalysisFindingsAsync(new GetNetworkInsightsAccessScopeAnalysisFindingsRequest { NetworkInsightsAccessScopeAnalysisId = id }, Ct)
            : _ec2.StartNetworkInsightsAccessScopeAnalysisAsync(new StartNetworkInsightsAccessScopeAnalysisRequest { NetworkInsightsAccessScopeId = id, ClientToken = "t-" + id }, Ct));
        Assert.Equal(code, e.ErrorCode);
    }
}
