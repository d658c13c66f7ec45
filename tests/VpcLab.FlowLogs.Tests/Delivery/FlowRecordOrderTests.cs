using CsCheck;
using VpcLab.Engine;
using VpcLab.FlowLogs.Delivery;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Tests.Delivery;

/// <summary>The order of records in a delivered file (docs/semantics.md#flow-log-data, "Order inside a file") must
/// not depend on how it is computed: the keyed permutation equals a stable sort by the full comparison.</summary>
public sealed class FlowRecordOrderTests
{
    // Few interfaces (two instances share one id), few starts and small values: many records share a key and tie
    // further down, including records equal in every field.
    private static readonly InterfaceContext[] Contexts =
    [
        Samples.Eni, Samples.OtherEni, Samples.Eni with { InterfaceId = "eni-0ccccccccccccccccc" },
        Samples.OtherEni with { VpcId = "vpc-0ddddddddddddddddd" },
    ];

    private static readonly Gen<FlowRecord> Record = RecordStartingIn(Gen.Long[1000, 1003]);

    private static Gen<FlowRecord> RecordStartingIn(Gen<long> starts) => Gen.Select(Gen.Int[0, Contexts.Length - 1], starts,
        Gen.Int[0, 2], Gen.UInt[1, 3], Gen.Bool, Gen.Bool, Gen.Int[0, 30]).Select((c, start, end, host, egress, accepted, bytes) =>
        new FlowRecord(Contexts[c], LogStatus.Ok, egress ? TrafficDirection.Egress : TrafficDirection.Ingress,
            IpAddress.V4(0x0A000000u + host), IpAddress.V4(0x0A000100u), IpAddress.V4(0x0A000000u + host), IpAddress.V4(0x0A000100u),
            443, 40000, 6, 1, bytes, start, start + end, accepted, 2, 1, null, null));

    [Fact]
    public void Permutation_AnyRecords_EqualsAStableSortByTheFullComparison()
    {
        Gen.Int[0, 300].SelectMany(n => Record.Array[n]).Sample(records =>
        {
            var expected = Enumerable.Range(0, records.Length)
                .OrderBy(i => records[i], FlowRecordOrder.Instance).ToArray();
            var order = FlowRecordOrder.Permutation(records) ?? [.. Enumerable.Range(0, records.Length)];
            Assert.Equal(expected, order);
        });
    }

    // Starts spread over years: too sparse for the counting sort, so the comparison sort of keys orders them.
    [Fact]
    public void Permutation_SparseStarts_EqualsAStableSortByTheFullComparison()
    {
        var sparse = Gen.Frequency<long>((3, Gen.Long[0, 100_000_000]), (1, Gen.Long[5000, 5001]));
        Gen.Int[0, 200].SelectMany(n => RecordStartingIn(sparse).Array[n]).Sample(records =>
        {
            var expected = Enumerable.Range(0, records.Length).OrderBy(i => records[i], FlowRecordOrder.Instance).ToArray();
            Assert.Equal(expected, FlowRecordOrder.Permutation(records) ?? [.. Enumerable.Range(0, records.Length)]);
        });
    }

    [Fact]
    public void Permutation_RecordsAlreadyInOrder_IsNull()
    {
        var records = new[] { Samples.Tcp("10.0.0.1", "10.0.0.2", 1, 2, 5, 9), Samples.Tcp("10.0.0.1", "10.0.0.2", 1, 2, 6, 9) };
        Assert.Null(FlowRecordOrder.Permutation(records));
    }
}
