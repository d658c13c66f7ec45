using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.Buckets;

/// <summary>The S3 API's bucket operations on the world's buckets (docs/semantics.md#s3-api-buckets): S3's codes and
/// statuses, nothing changed by a failed call, and the logged form (BucketLogOperations) doing the same.</summary>
public class BucketTests
{
    private const string Policy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::logs/*"}]}""";

    private static readonly RequestContext Other = new(new AccountId("222222222222"), "us-east-1");

    private static Ec2Exception Refused(Action call, string code, int status)
    {
        var error = Assert.Throws<Ec2Exception>(call);
        Assert.Equal((code, status), (error.Code.Code, error.Code.HttpStatus));
        return error;
    }

    [Fact]
    public void CreateBucket_NewName_IsTheCallersInTheGivenRegion()
    {
        var lab = new TestLab();
        var bucket = lab.Cp.CreateBucket(TestLab.Ctx, "logs", "eu-west-1");
        Assert.Equal((TestLab.Ctx.Account, "eu-west-1", (string?)null, lab.Clock.GetUtcNow()), (bucket.OwnerId, bucket.Region, bucket.Policy, bucket.CreationDate));
        Assert.Same(bucket, lab.N.Buckets["logs"]);
    }

    [Theory]
    [InlineData("xn--logs", "InvalidBucketName", 400)]
    [InlineData("logs-s3alias", "InvalidBucketName", 400)]
    [InlineData("taken", "BucketAlreadyOwnedByYou", 409)]
    public void CreateBucket_Refused_S3CodeAndNothingChanges(string name, string code, int status)
    {
        var lab = new TestLab();
        lab.Cp.CreateBucket(TestLab.Ctx, "taken", "us-east-1");
        var before = lab.N;
        Refused(() => lab.Cp.CreateBucket(TestLab.Ctx, name, "us-east-1"), code, status);
        Assert.Same(before, lab.N);
    }

    [Fact]
    public void CreateBucket_AnotherAccountsName_BucketAlreadyExists() =>
        Refused(() =>
        {
            var lab = new TestLab();
            lab.Cp.CreateBucket(TestLab.Ctx, "taken", "us-east-1");
            lab.Cp.CreateBucket(Other, "taken", "us-east-1");
        }, "BucketAlreadyExists", 409);

    [Fact]
    public void CreateBucket_RegionTheLabDoesNotKnow_InvalidLocationConstraint() =>
        Refused(() => new TestLab().Cp.CreateBucket(TestLab.Ctx, "far", "eu-moon-1"), "InvalidLocationConstraint", 400);

    [Fact]
    public void BucketPolicy_PutThenDelete_ChangesOnlyThePolicy()
    {
        var lab = new TestLab();
        var created = lab.Cp.CreateBucket(TestLab.Ctx, "logs", "us-east-1");
        Assert.Equal(created with { Policy = Policy }, lab.Cp.PutBucketPolicy(TestLab.Ctx, "logs", Policy));
        Assert.Equal(Policy, lab.N.Buckets["logs"].Policy);
        lab.Cp.DeleteBucketPolicy(TestLab.Ctx, "logs");
        Assert.Equal(created, lab.N.Buckets["logs"]);
    }

    [Theory]
    [InlineData("""{"Statement":[]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""")] // no Principal
    public void PutBucketPolicy_NotABucketPolicy_MalformedPolicy(string policy)
    {
        var lab = new TestLab();
        lab.Cp.CreateBucket(TestLab.Ctx, "logs", "us-east-1");
        Refused(() => lab.Cp.PutBucketPolicy(TestLab.Ctx, "logs", policy), "MalformedPolicy", 400);
        Assert.Null(lab.N.Buckets["logs"].Policy);
    }

    [Fact]
    public void BucketOperations_MissingOrOthersBucket_NoSuchBucketOrAccessDenied()
    {
        var lab = new TestLab();
        Refused(() => lab.Cp.DeleteBucket(TestLab.Ctx, "nowhere"), "NoSuchBucket", 404);
        Refused(() => lab.Cp.PutBucketPolicy(TestLab.Ctx, "nowhere", Policy), "NoSuchBucket", 404);
        lab.Cp.CreateBucket(TestLab.Ctx, "logs", "us-east-1");
        Refused(() => lab.Cp.PutBucketPolicy(Other, "logs", Policy), "AccessDenied", 403);
        Refused(() => lab.Cp.DeleteBucketPolicy(Other, "logs"), "AccessDenied", 403);
        Refused(() => lab.Cp.DeleteBucket(Other, "logs"), "AccessDenied", 403);
        lab.Cp.DeleteBucket(TestLab.Ctx, "logs");
        Assert.Empty(lab.N.Buckets);
    }

    [Fact]
    public void BucketOperations_LoggedForm_ReplaysToTheSameBuckets()
    {
        var lab = new TestLab();
        BucketLogOperations.Execute(lab.Cp, BucketLogOperations.CreateBucket, TestLab.Ctx, BucketLogOperations.Parameters("logs", region: "us-west-2"));
        BucketLogOperations.Execute(lab.Cp, BucketLogOperations.PutBucketPolicy, TestLab.Ctx, BucketLogOperations.Parameters("logs", policy: Policy));
        BucketLogOperations.Execute(lab.Cp, BucketLogOperations.CreateBucket, TestLab.Ctx, BucketLogOperations.Parameters("gone"));
        BucketLogOperations.Execute(lab.Cp, BucketLogOperations.DeleteBucket, TestLab.Ctx, BucketLogOperations.Parameters("gone"));
        var logs = Assert.Single(lab.N.Buckets.Values);
        Assert.Equal(("logs", "us-west-2", Policy), (logs.Name, logs.Region, logs.Policy));
        Assert.True(BucketLogOperations.Handles(BucketLogOperations.DeleteBucketPolicy));
        Assert.False(BucketLogOperations.Handles("CreateVpc"));
    }
}
