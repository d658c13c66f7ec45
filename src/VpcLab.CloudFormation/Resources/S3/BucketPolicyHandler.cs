using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Resources.S3;

/// <summary>AWS::S3::BucketPolicy: PutBucketPolicy on the bucket (the policy then takes part in endpoint decisions).
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucketpolicy.html</summary>
internal sealed class BucketPolicyHandler : ResourceHandler
{
    public override string Type => "AWS::S3::BucketPolicy";

    public override IReadOnlyList<string> Required => ["Bucket", "PolicyDocument"];

    public override IReadOnlyList<string>? Known => ["Bucket", "PolicyDocument"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var bucket = Props.Text(p, "Bucket")!;
        var document = p["PolicyDocument"] is JsonValue text ? Props.Text(p, "PolicyDocument")! : p["PolicyDocument"]!.ToJsonString();
        context.ControlPlane.PutBucketPolicy(context.Request, bucket, document);
        return new Provisioned(bucket);
    }

    /// <summary>PolicyDocument: "Update requires: No interruption" (PutBucketPolicy again); Bucket: Replacement.</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace => ["PolicyDocument"];

    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject p)
    {
        var document = p["PolicyDocument"] is JsonValue ? Props.Text(p, "PolicyDocument")! : p["PolicyDocument"]!.ToJsonString();
        context.ControlPlane.PutBucketPolicy(context.Request, resource.PhysicalId, document);
        return resource;
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteBucketPolicy(context.Request, resource.PhysicalId);
}
