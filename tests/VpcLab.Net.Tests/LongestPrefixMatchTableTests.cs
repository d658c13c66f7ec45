namespace VpcLab.Net.Tests;

public partial class LongestPrefixMatchTableTests
{
    private static LongestPrefixMatchTable<string> Table(params (string Cidr, string Target)[] routes) =>
        new(routes.Select(r => (Cidr.Parse(r.Cidr), r.Target)));

    private static string? Lookup<T>(LongestPrefixMatchTable<T> table, string address) =>
        table.TryLookup(IpAddress.Parse(address), out var value, out _) ? value?.ToString() : null;

    // AWS routes by longest prefix match: the most specific route containing the destination wins, so the local
    // route beats 0.0.0.0/0 and a /24 beats the VPC's /16.
    [Theory]
    [InlineData("10.0.1.5", "pcx-1")]
    [InlineData("10.0.2.5", "local")]
    [InlineData("10.0.1.128", "eni-1")]
    [InlineData("10.0.1.127", "pcx-1")]
    [InlineData("10.0.1.255", "eni-1")]
    [InlineData("10.1.0.0", "nat-1")]
    [InlineData("8.8.8.8", "nat-1")]
    [InlineData("0.0.0.0", "nat-1")]
    [InlineData("255.255.255.255", "nat-1")]
    [InlineData("2600:1f18:abcd:ef01::1", "local")]
    [InlineData("2001:4860::8888", "eigw-1")]
    [InlineData("::ffff:10.0.1.5", "eigw-1")] // an IPv6 destination never takes an IPv4 route
    public void TryLookup_Destination_MostSpecificRouteWins(string destination, string expected)
    {
        var routes = Table(
            ("0.0.0.0/0", "nat-1"),
            ("10.0.0.0/16", "local"),
            ("10.0.1.0/24", "pcx-1"),
            ("10.0.1.128/25", "eni-1"),
            ("::/0", "eigw-1"),
            ("2600:1f18:abcd:ef00::/56", "local"));

        Assert.Equal(expected, Lookup(routes, destination));
    }

    [Theory]
    [InlineData("10.0.1.0")]
    [InlineData("9.255.255.255")]
    [InlineData("10.1.0.0")]
    [InlineData("::a00:1")] // IPv6 with the same low bits as 10.0.0.1
    public void TryLookup_NoRouteContains_IsFalse(string destination)
    {
        var routes = Table(("10.0.0.0/24", "local"), ("10.0.0.0/32", "x"));

        Assert.False(routes.TryLookup(IpAddress.Parse(destination), out var value, out var matched));
        Assert.Null(value);
        Assert.Equal(default, matched);
        Assert.Equal(-1, routes.LookupIndex(IpAddress.Parse(destination)));
    }

    [Fact]
    public void TryLookup_EmptyTable_FindsNothing()
    {
        var empty = new LongestPrefixMatchTable<int>([]);

        Assert.Equal(0, empty.Count);
        Assert.Equal(-1, empty.LookupIndex(IpAddress.Parse("0.0.0.0")));
        Assert.Equal(-1, empty.LookupIndex(IpAddress.Parse("::")));
    }

    [Fact]
    public void TryLookup_Match_ReturnsTheMatchedBlockAndIndex()
    {
        var routes = Table(("0.0.0.0/0", "igw-1"), ("10.0.0.0/16", "local"));

        Assert.True(routes.TryLookup(IpAddress.Parse("10.0.3.4"), out var target, out var matched));
        Assert.Equal("local", target);
        Assert.Equal(Cidr.Parse("10.0.0.0/16"), matched);
        Assert.Equal(1, routes.LookupIndex(IpAddress.Parse("10.0.3.4")));
        Assert.Equal(0, routes.LookupIndex(IpAddress.Parse("10.1.3.4")));
    }

    // Duplicate destinations cannot exist in one AWS route table (RouteAlreadyExists); the table keeps the first
    // of equal blocks (after canonicalisation) and drops the rest.
    [Fact]
    public void Constructor_DuplicateBlocks_FirstWins()
    {
        var routes = Table(("10.0.0.0/16", "first"), ("10.0.0.0/8", "wide"), ("10.0.9.9/16", "second"));

        Assert.Equal(2, routes.Count);
        Assert.Equal("first", Lookup(routes, "10.0.1.1"));
        Assert.Equal([(Cidr.Parse("10.0.0.0/16"), "first"), (Cidr.Parse("10.0.0.0/8"), "wide")], routes.Entries);
    }

    // The ends of each family are where interval arithmetic overflows.
    [Theory]
    [InlineData("255.255.255.255", "host")]
    [InlineData("255.255.255.254", "top")]
    [InlineData("255.255.255.0", "top")]
    [InlineData("255.255.254.255", "any")]
    [InlineData("0.0.0.0", "zero")]
    [InlineData("0.0.0.1", "any")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "host6")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", "any6")]
    [InlineData("::", "zero6")]
    [InlineData("::1", "any6")]
    public void TryLookup_FamilyEdges_ResolveWithoutOverflow(string address, string expected)
    {
        var routes = Table(
            ("0.0.0.0/0", "any"), ("255.255.255.0/24", "top"), ("255.255.255.255/32", "host"), ("0.0.0.0/32", "zero"),
            ("::/0", "any6"), ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "host6"), ("::/128", "zero6"));

        Assert.Equal(expected, Lookup(routes, address));
    }

    [Theory]
    [InlineData("10.0.0.0", "a")]
    [InlineData("10.0.0.255", "a")]
    [InlineData("10.0.1.0", "b")]
    [InlineData("10.0.1.255", "b")]
    [InlineData("10.0.2.0", "parent")]
    [InlineData("10.0.255.255", "parent")]
    [InlineData("10.1.0.0", null)]
    public void TryLookup_AdjacentChildren_EachOwnsItsInterval(string address, string? expected)
    {
        var routes = Table(("10.0.0.0/16", "parent"), ("10.0.1.0/24", "b"), ("10.0.0.0/24", "a"));

        Assert.Equal(expected, Lookup(routes, address));
    }

    // STYLE §4: answering a flow may not allocate; the route lookup is on that path.
    [Fact]
    public void LookupIndex_WarmTable_DoesNotAllocate()
    {
        var routes = Table(("0.0.0.0/0", "igw"), ("10.0.0.0/16", "local"), ("10.0.1.0/24", "pcx"), ("::/0", "eigw"));
        var set = new CidrSet([Cidr.Parse("10.0.0.0/16"), Cidr.Parse("2600:1f18::/56")]);
        var v4 = IpAddress.Parse("10.0.1.9");
        var v6 = IpAddress.Parse("2600:1f18::1");
        int sink = routes.LookupIndex(v4) + routes.LookupIndex(v6) + (set.Contains(v4) ? 1 : 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            sink += routes.LookupIndex(v4.Add((UInt128)i)) + routes.LookupIndex(v6);
            sink += routes.TryLookup(v4, out var target, out _) ? target.Length : 0;
            sink += set.Contains(v6) ? 1 : 0;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sink);
    }
}
