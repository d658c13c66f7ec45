using CsCheck;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The index is published per operation (docs/semantics.md#filter-indexes): a Describe* reads one snapshot,
/// so it never sees part of an operation — a CreateVpc's VPC without the main route table, network ACL and security
/// group AWS makes with it (https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html). One builder
/// per operation changes in place what it made (<see cref="HashTrie{TKey, TValue}"/>); these properties check that a
/// published index never changes after, whatever the builder does next, and that the trie answers as a dictionary.</summary>
public sealed class IndexBuilderPropertyTests
{
    /// <summary>A key whose hash the test chooses: equal hashes (collision nodes), hashes alike in their low bits (deep
    /// paths), spread hashes.</summary>
    private readonly record struct Key(int Id, int Hash) : IEquatable<Key>
    {
        public bool Equals(Key other) => Id == other.Id;

        public override int GetHashCode() => Hash;
    }

    private static Key KeyOf(int id, int mode) => new(id, mode switch
    {
        0 => unchecked(id * -1640531535),
        1 => id % 3,                     // a few hashes shared by many keys: collisions below 32 bits
        _ => (id & 7) << 27 | 0x155,     // the same low 27 bits: paths 6 levels deep
    });

    [Fact]
    public void HashTrie_AnyEdits_AnswersAsDictionary_AndPublishedMapsNeverChange()
    {
        // (op, id): op 0–2 set id to a new value, 3–4 the same through Update (one descent), 5 Update to the value it
        // has (a no-op), 6–7 remove it, 8 remove through Update, 9 publish (the builder's owner changes).
        var edits = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 60]).Array[0, 300];
        Gen.Select(edits, Gen.Int[0, 2]).Sample((steps, mode) =>
        {
            var trie = HashTrie<Key, int>.Empty;
            var owner = new object();
            var model = new Dictionary<int, int>();
            var published = new List<(HashTrie<Key, int> Trie, Dictionary<int, int> Model)>();
            var value = 0;
            foreach (var (op, id) in steps)
            {
                if (op <= 2)
                {
                    trie = trie.SetItem(KeyOf(id, mode), ++value, owner);
                    model[id] = value;
                }
                else if (op <= 4)
                {
                    trie = trie.Update(KeyOf(id, mode), ++value, static (bool _, int _, int v, out int updated) =>
                    {
                        updated = v;
                        return true;
                    }, owner);
                    model[id] = value;
                }
                else if (op == 5)
                {
                    var before = trie;
                    trie = trie.Update(KeyOf(id, mode), 0, static (bool found, int current, int _, out int updated) =>
                    {
                        updated = current;
                        return found;
                    }, owner);
                    Assert.Same(before, trie);
                }
                else if (op <= 7)
                {
                    trie = trie.Remove(KeyOf(id, mode), owner);
                    model.Remove(id);
                }
                else if (op == 8)
                {
                    trie = trie.Update(KeyOf(id, mode), 0, static (bool _, int _, int _, out int updated) =>
                    {
                        updated = 0;
                        return false;
                    }, owner);
                    model.Remove(id);
                }
                else
                {
                    published.Add((trie, new Dictionary<int, int>(model)));
                    owner = new object();
                }
                Same(model, trie, mode);
            }
            foreach (var (snapshot, then) in published)
                Same(then, snapshot, mode);
        }, iter: 300);
    }

    private static void Same(Dictionary<int, int> model, HashTrie<Key, int> trie, int mode)
    {
        Assert.Equal(model.OrderBy(e => e.Key), trie.Entries.Select(e => KeyValuePair.Create(e.Key.Id, e.Value)).OrderBy(e => e.Key));
        Assert.Equal(model.Count == 0, trie.IsEmpty);
        for (var id = 0; id <= 60; id++)
        {
            Assert.Equal(model.TryGetValue(id, out var expected), trie.TryGetValue(KeyOf(id, mode), out var actual));
            Assert.Equal(expected, actual);
        }
    }

    // Every snapshot published along a random sequence of operations still equals the index rebuilt from its own
    // Network after the later operations ran: no later builder changed what an earlier one published.
    [Fact]
    public void PublishedSnapshots_AnySequenceOfOperations_KeepTheirIndex()
    {
        Gen.Select(Gen.Int[0, FilterIndexPropertyTests.LastStep], Gen.Int[0, 99], Gen.Int[0, 99]).Array[5, 40].Sample(steps =>
        {
            var snapshots = new List<IndexedWorld>();
            FilterIndexPropertyTests.Build(steps, indexedFilters: true, afterEach: cp => snapshots.Add(cp.World));
            foreach (var world in snapshots)
                AssertIndexOf(world);
        }, iter: 15);
    }

    // A reader on another thread, during CreateVpc and DeleteVpc: every snapshot it takes holds each VPC with its main
    // route table, default network ACL and default security group, in the Network and in the index, or none of them.
    [Fact]
    public async Task Snapshot_DuringCreateAndDeleteVpc_NeverShowsHalfAnOperation()
    {
        var cp = new Ec2ControlPlane(new ControlPlaneOptions { IdSeed = 11, Quotas = Ec2Quotas.Generous });
        var ctx = TestLab.Ctx;
        using var done = new CancellationTokenSource();
        var checkedSnapshots = 0;
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                var world = cp.World;
                var vpcs = world.Network.Vpcs.Values.Where(v => !v.IsDefault).ToList();
                foreach (var vpc in vpcs)
                {
                    var id = vpc.Id.Value;
                    Assert.Single(world.Network.RouteTables.Values, t => t.VpcId == vpc.Id && t.IsMain);
                    Assert.Single(world.Network.NetworkAcls.Values, a => a.VpcId == vpc.Id && a.IsDefault);
                    Assert.Single(world.Network.SecurityGroups.Values, g => g.VpcId == vpc.Id && g.IsDefault);
                    Assert.Single(world.Where(IndexedKinds.RouteTable, "vpc-id", id));
                    Assert.Single(world.Where(IndexedKinds.NetworkAcl, "vpc-id", id));
                    Assert.Single(world.Where(IndexedKinds.SecurityGroup, "vpc-id", id));
                    // The Name tag came with the VPC (TagSpecifications: the same operation); team with a later CreateTags.
                    var name = world.Network.TagsOf(id).Name;
                    Assert.NotNull(name);
                    Assert.Equal(new[] { id }, world.Index.Ids(IndexedKinds.Vpc.Key, "tag:Name", name));
                    var team = world.Network.TagsOf(id).Items.GetValueOrDefault("team");
                    Assert.True(team is null || team == name);
                    Assert.Equal(team is null ? [] : new[] { id }, world.Index.Ids(IndexedKinds.Vpc.Key, "tag:team", name));
                }
                Assert.Equal(world.Network.Vpcs.Values.Count(v => v.OwnerId == ctx.Account && v.Region == ctx.Region), world.Index.Ids(IndexedKinds.Vpc.Key, WorldIndex.ScopeName,
                    IndexedKind<Vpc>.Scope(ctx.Account, ctx.Region)).Count);
                checkedSnapshots++;
            }
        }, TestContext.Current.CancellationToken);
        var live = new Queue<string>();
        for (var i = 0; i < 400; i++)
        {
            var name = "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var vpc = cp.CreateVpc(ctx, new CreateVpcRequest { CidrBlock = "10.1.0.0/16", TagSpecifications = TagSpecification.Named("vpc", name) }).Vpc.Id.Value;
            cp.CreateTags(ctx, new CreateTagsRequest { Resources = [vpc], Tags = [new Tag("team", name)] });
            live.Enqueue(vpc);
            if (i % 3 == 2)
                cp.DeleteVpc(ctx, new DeleteVpcRequest { VpcId = live.Dequeue() });
        }
        await done.CancelAsync();
        await reader;
        Assert.True(checkedSnapshots > 0);
        AssertIndexOf(cp.World);
    }

    /// <summary>AWS: CreateTags overwrites a tag of the same key (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTags.html):
    /// given the keys and values a resource already has, nothing changes, so neither the snapshot's tags nor the index
    /// is rebuilt.</summary>
    [Theory]
    [InlineData("Name", "web", true)]
    [InlineData("Name", "db", false)]
    [InlineData("team", "web", false)]
    public void CreateTags_SameKeysAndValues_ChangeNoPosting(string key, string value, bool unchanged)
    {
        var cp = new Ec2ControlPlane(new ControlPlaneOptions { IdSeed = 3 });
        var vpc = cp.CreateVpc(TestLab.Ctx, new CreateVpcRequest { CidrBlock = "10.0.0.0/16", TagSpecifications = TagSpecification.Named("vpc", "web") }).Vpc.Id.Value;
        var before = cp.World;
        cp.CreateTags(TestLab.Ctx, new CreateTagsRequest { Resources = [vpc], Tags = [new Tag(key, value)] });
        var after = cp.World;
        Assert.Equal(unchanged, ReferenceEquals(before.Index, after.Index));
        Assert.Equal(unchanged, ReferenceEquals(before.Network.Tags, after.Network.Tags));
        Assert.Equal(new[] { vpc }, after.Index.Ids(IndexedKinds.Vpc.Key, "tag:" + key, value));
        AssertIndexOf(after);
    }

    private static void AssertIndexOf(IndexedWorld world)
    {
        var rebuilt = WorldIndex.Build(world.Network);
        foreach (var key in rebuilt.Keys.Concat(world.Index.Keys).Distinct())
            Assert.Equal(rebuilt.Ids(key.Kind, key.Name, key.Value), world.Index.Ids(key.Kind, key.Name, key.Value));
    }
}
