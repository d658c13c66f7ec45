using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Resources.S3;

/// <summary>AWS::S3::Bucket: a bucket of the control plane's bucket registry (the one endpoint and bucket policy
/// decisions read), in the stack's Region. A generated name is lower case, as S3 requires.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html</summary>
internal sealed class BucketHandler : ResourceHandler
{
    public override string Type => "AWS::S3::Bucket";

    public override IReadOnlyList<string>? Known => null;

    public override IReadOnlyList<string> Attributes =>
        ["Arn", "DomainName", "DualStackDomainName", "RegionalDomainName", "WebsiteURL"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var name = Props.Text(p, "BucketName") ?? context.GeneratedName(63).ToLowerInvariant();
        context.ControlPlane.CreateBucket(context.Request, name, context.Request.Region);
        return new Provisioned(name);
    }

    /// <summary>Every property but BucketName and ObjectLockEnabled is "Update requires: No interruption"
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html); the
    /// configuration is kept, not modelled.</summary>
    public override bool UpdatesInPlace(string property) => property is not ("BucketName" or "ObjectLockEnabled");

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteBucket(context.Request, resource.PhysicalId);

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute)
    {
        var name = resource.PhysicalId;
        var region = context.Request.Region;
        return attribute switch
        {
            "Arn" => $"arn:aws:s3:::{name}",
            "DomainName" => $"{name}.s3.amazonaws.com",
            "DualStackDomainName" => $"{name}.s3.dualstack.{region}.amazonaws.com",
            "RegionalDomainName" => $"{name}.s3.{region}.amazonaws.com",
            "WebsiteURL" => $"http://{name}.s3-website-{region}.amazonaws.com",
            _ => base.GetAtt(context, resource, attribute),
        };
    }
}
