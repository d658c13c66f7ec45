using CsCheck;

namespace VpcLab.ControlPlane.Tests;

/// <summary>AWS pages a Describe* with MaxResults and NextToken
/// (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-pagination.html); the server's cursor is the last id of a
/// page, and the control plane cuts the next page straight out of its index (<see cref="PageWindow"/>,
/// docs/semantics.md#pagination). Over random worlds and filters, the window must answer exactly the whole answer's
/// ids after the cursor, at most Take of them — through the index and through a scan alike.</summary>
public sealed class PageWindowPropertyTests
{
    private static readonly string[] s_windowed =
        ["DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "DescribeNetworkInterfaces", "DescribeRouteTables", "DescribeNetworkAcls", "DescribeInternetGateways", "DescribeAddresses"];

    /// <summary>An indexed filter of each action above (by position).</summary>
    private static readonly string[] s_filters = ["vpc-id", "vpc-id", "vpc-id", "vpc-id", "vpc-id", "vpc-id", "attachment.vpc-id", "tag-key"];

    [Fact]
    public void Describe_AnyPageWindow_IsTheWholeAnswerCutAfterTheCursor()
    {
        var steps = Gen.Select(Gen.Int[0, 12], Gen.Int[0, 99], Gen.Int[0, 99]).Array[10, 80];
        var probes = Gen.Select(Gen.Int[0, s_windowed.Length - 1], Gen.Int[0, 99], Gen.Int[1, 6], Gen.Int[0, 9999].Array[0, 2]).Array[10, 30];
        Gen.Select(steps, probes).Sample((world, questions) =>
        {
            var indexed = FilterIndexPropertyTests.Build(world, indexedFilters: true);
            var scanned = FilterIndexPropertyTests.Build(world, indexedFilters: false);
            var pool = FilterIndexPropertyTests.ValuePool(indexed.Network);
            foreach (var (action, cursor, take, filterValues) in questions)
            {
                List<Filter> filters = filterValues.Length == 0 ? [] : [new Filter(s_filters[action], [.. filterValues.Select(v => pool[v % pool.Count])])];
                var whole = FilterIndexPropertyTests.Ask(indexed, s_windowed[action], TestLab.Ctx, filters);
                if (whole.StartsWith("error ", StringComparison.Ordinal))
                    continue;
                var ids = whole.Length == 0 ? [] : whole.Split(',');
                // The cursor: an id of the answer, or any value (a deleted item's id lies between the others).
                string? after = cursor < 20 ? null : cursor < 60 && ids.Length > 0 ? ids[cursor % ids.Length] : pool[cursor % pool.Count];
                var expected = string.Join(",", ids.Where(id => after is null || string.CompareOrdinal(id, after) > 0).Take(take));
                var window = TestLab.Ctx with { Page = new PageWindow(after, take) };
                Assert.Equal(expected, FilterIndexPropertyTests.Ask(indexed, s_windowed[action], window, filters));
                Assert.Equal(expected, FilterIndexPropertyTests.Ask(scanned, s_windowed[action], window, filters));
            }
        }, iter: 40);
    }
}
