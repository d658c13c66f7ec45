using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using CsCheck;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.ControlPlane.Snapshots;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.TestWorlds;

namespace VpcLab.ControlPlane.Tests.Snapshots;

/// <summary>The world snapshot format (docs/architecture.md#world-snapshot) is lossless: reading what was written
/// gives a world equal member by member (computed members included) to the one written, for every shipped scenario,
/// a world with AWS's default VPC, and generated tags and prefix-list entries.</summary>
public sealed class WorldSnapshotJsonTests
{
    public static TheoryData<string> Scenarios() => [.. ShippedScenarios.All()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void RoundTrip_ShippedScenario_SameWorld(string scenario)
    {
        var network = ScenarioLoader.LoadFile(ShippedScenarios.PathOf(scenario)).Network;
        AssertRoundTrip(network);
    }

    [Fact] // AWS gives every account a default VPC (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html)
    public void RoundTrip_DefaultVpcWorld_SameWorld()
    {
        var controlPlane = new Ec2ControlPlane(new ControlPlaneOptions { IdSeed = 7 });
        controlPlane.DefaultVpcs.CreateDefaultVpc(RequestContext.Default, new());
        AssertRoundTrip(controlPlane.Network);
    }

    [Fact]
    public void RoundTrip_Snapshot_KeepsCallerAndTime()
    {
        var network = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("peering")).Network;
        var snapshot = new WorldSnapshot(new AccountId("222222222222"), "eu-west-1", new DateTimeOffset(2026, 12, 4, 19, 30, 1, 123, TimeSpan.Zero).AddTicks(4567), network);
        var back = WorldSnapshotJson.Deserialize(WorldSnapshotJson.Serialize(snapshot));
        Assert.Equal((snapshot.Account, snapshot.Region, snapshot.Time), (back.Account, back.Region, back.Time));
        AssertSameMembers(network, back.Network, "network");
    }

    [Theory]
    [InlineData("<html></html>", "not JSON")]
    [InlineData("{\"status\":\"ok\"}", "not a VpcLab world snapshot")]
    [InlineData("{\"format\":\"vpclab-world/1\",\"account\":\"111111111111\",\"region\":\"us-east-1\",\"time\":\"x\",\"network\":{}}", "damaged")]
    public void Deserialize_NotASnapshot_FormatExceptionSaysWhy(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => WorldSnapshotJson.Deserialize(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_GeneratedTagsAndPrefixListEntries_SameWorld()
    {
        var seed = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("seed")).Network;
        var vpc = seed.Vpcs.Keys.First().Value;
        var cidr = Gen.Select(Gen.UInt, Gen.Int[0, 32]).Select(t => new Cidr(IpAddress.V4(t.Item1), t.Item2));
        var text = Gen.String[Gen.Char.AlphaNumeric, 0, 12].Select(Gen.String[Gen.Char, 0, 6], (a, b) => a + b);
        Gen.Select(text.Select(text).Array[0, 6], cidr.Select(text.Null()).Array[0, 8]).Sample(t =>
        {
            var tags = t.Item1.Aggregate(Tags.Empty, (acc, kv) => acc.With(kv.Item1, kv.Item2));
            var list = new ManagedPrefixList(new PrefixListId("pl-0123456789abcdef0"), "111111111111", "us-east-1", "generated",
                IpFamily.V4, [.. t.Item2.Select(e => new PrefixListEntry(e.Item1, e.Item2))], 10, 1);
            AssertRoundTrip(seed with
            {
                Tags = seed.Tags.SetItem(vpc, tags),
                PrefixLists = seed.PrefixLists.SetItem(list.Id, list),
            });
        });
    }

    private static void AssertRoundTrip(Network network)
    {
        var json = WorldSnapshotJson.SerializeNetwork(network);
        var back = WorldSnapshotJson.DeserializeNetwork(json);
        AssertSameMembers(network, back, "network");
        Assert.Equal(json, WorldSnapshotJson.SerializeNetwork(back));
    }

    /// <summary>Equal member by member: value types and strings by Equals, dictionaries by key, sequences in order,
    /// other objects by every public instance property (computed ones too).</summary>
    private static void AssertSameMembers(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} ≠ {actual ?? "null"}");
            return;
        }
        Assert.True(expected.GetType() == actual.GetType(), $"{path}: {expected.GetType().Name} ≠ {actual.GetType().Name}");
        if (expected is string || expected.GetType().IsValueType && expected is not IEnumerable)
        {
            Assert.True(expected.Equals(actual), $"{path}: {expected} ≠ {actual}");
            return;
        }
        if (expected is IDictionary expectedMap)
        {
            var actualMap = (IDictionary)actual;
            Assert.True(expectedMap.Count == actualMap.Count, $"{path}: {expectedMap.Count} entries ≠ {actualMap.Count}");
            foreach (DictionaryEntry entry in expectedMap)
            {
                Assert.True(actualMap.Contains(entry.Key), $"{path}: {entry.Key} missing");
                AssertSameMembers(entry.Value, actualMap[entry.Key], $"{path}[{entry.Key}]");
            }
            return;
        }
        if (expected is IEnumerable sequence)
        {
            var left = sequence.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{path}: {left.Count} items ≠ {right.Count}");
            for (var i = 0; i < left.Count; i++)
                AssertSameMembers(left[i], right[i], $"{path}[{i}]");
            return;
        }
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            AssertSameMembers(Read(property, expected), Read(property, actual), $"{path}.{property.Name}");
    }

    private static object? Read(PropertyInfo property, object target)
    {
        try
        {
            return property.GetValue(target);
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException?.GetType().Name;
        }
    }
}
