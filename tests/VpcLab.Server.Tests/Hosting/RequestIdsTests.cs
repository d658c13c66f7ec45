using CsCheck;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.Hosting;

/// <summary>Every answer carries a request id in AWS's shape (x-amzn-RequestId, &lt;RequestId&gt;: a UUID's
/// 8-4-4-4-12 hex), and no two answers of one server process share one.</summary>
public class RequestIdsTests
{
    [Fact]
    public void Next_AnyNumberOfCallsOnManyThreads_UuidShapedAndDistinct()
    {
        Gen.Int[1, 2_000].Sample(count =>
        {
            var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
            Parallel.For(0, count, _ => ids.Add(RequestIds.Next()));
            Assert.Equal(count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.All(ids, id =>
            {
                Assert.True(Guid.TryParseExact(id, "D", out _), id);
                Assert.Equal(id.ToLowerInvariant(), id);
            });
        }, iter: 50);
    }
}
