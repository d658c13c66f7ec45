using CsCheck;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Tests.Delivery;

/// <summary>flow-logs.md §5.1: the four DestinationOptions prefixes, the file name, the 5-minute slice.</summary>
public class S3KeyLayoutTests
{
    private static readonly TimeSlice Slice1620 = TimeSlice.Of(Samples.At(2018, 6, 20, 16, 24, 59));

    [Theory]
    [InlineData(false, false, "my-logs/AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/")]
    [InlineData(false, true, "my-logs/AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/16/")]
    [InlineData(true, false, "my-logs/AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=us-east-1/year=2018/month=06/day=20/")]
    [InlineData(true, true, "my-logs/AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=us-east-1/year=2018/month=06/day=20/hour=16/")]
    public void Folder_follows_HiveCompatiblePartitions_and_PerHourPartition(bool hive, bool perHour, string expected)
    {
        Assert.Equal(expected, S3KeyLayout.Folder(Samples.S3Log(hive: hive, perHour: perHour), Slice1620));
    }

    [Theory]
    [InlineData("arn:aws:s3:::my-bucket", "AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/")]
    [InlineData("arn:aws:s3:::my-bucket/", "AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/")]
    [InlineData("arn:aws:s3:::my-bucket/a/b/", "a/b/AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/")]
    public void A_destination_without_a_folder_starts_at_AWSLogs(string destination, string expected)
    {
        Assert.Equal(expected, S3KeyLayout.Folder(Samples.S3Log(destination: destination), Slice1620));
    }

    [Fact]
    public void File_name_matches_the_AWS_example_shape_and_carries_the_slice_start()
    {
        // AWS: 123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_fe123456.log.gz covers end 16:20:00–16:24:59.
        var name = S3KeyLayout.FileName(Samples.S3Log(), Slice1620, "fe123456");
        Assert.Equal("123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_fe123456.log.gz", name);
        var parquet = S3KeyLayout.FileName(Samples.S3Log(fileFormat: FlowLogFileFormat.Parquet), Slice1620, "fe123456");
        Assert.Equal("123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_fe123456.log.parquet", parquet);
    }

    [Theory]
    [InlineData(16, 20, 0, "20180620T1620Z")]
    [InlineData(16, 24, 59, "20180620T1620Z")]
    [InlineData(16, 25, 0, "20180620T1625Z")]
    [InlineData(23, 59, 59, "20180620T2355Z")]
    public void Slice_is_the_5_minute_window_holding_the_record_end(int hour, int minute, int second, string stamp)
    {
        var slice = TimeSlice.Of(Samples.At(2018, 6, 20, hour, minute, second));
        Assert.Contains($"_{stamp}_", S3KeyLayout.FileName(Samples.S3Log(), slice, "00000000"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_end_time_falls_in_its_slice()
    {
        Gen.Long[-10_000_000_000, 10_000_000_000].Sample(end =>
        {
            var slice = TimeSlice.Of(end);
            Assert.True(slice.StartSeconds <= end && end < slice.StartSeconds + TimeSlice.LengthSeconds);
            Assert.Equal(0, ((slice.StartSeconds % 300) + 300) % 300);
        });
    }

    [Fact]
    public void Hash_is_8_hex_characters_reproducible_and_distinct_per_part_slice_seed_and_log()
    {
        var h = S3KeyLayout.Hash("seed", "fl-1234abcd", Slice1620, 0);
        Assert.Matches("^[0-9a-f]{8}$", h);
        Assert.Equal(h, S3KeyLayout.Hash("seed", "fl-1234abcd", Slice1620, 0));
        var others = new[]
        {
            S3KeyLayout.Hash("seed", "fl-1234abcd", Slice1620, 1),
            S3KeyLayout.Hash("seed", "fl-1234abcd", new TimeSlice(Slice1620.StartSeconds + 300), 0),
            S3KeyLayout.Hash("other", "fl-1234abcd", Slice1620, 0),
            S3KeyLayout.Hash("seed", "fl-99999999", Slice1620, 0),
        };
        Assert.DoesNotContain(h, others);
        Assert.Equal(others.Length, others.Distinct().Count());
    }
}
