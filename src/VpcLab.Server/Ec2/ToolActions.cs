using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Server.Ec2.Shapes;

namespace VpcLab.Server.Ec2;

/// <summary>The actions SDK and IaC users call around instances: the public AMI catalogue, key pairs, instance types, instance status
/// and CPU credits. Registered from <see cref="Ec2ActionDispatcher"/>'s constructor.</summary>
internal static class ToolActions
{
    public static void Register(Ec2ActionRegistrar r, Ec2ControlPlane cp)
    {
        // Public AMI catalogue (src/VpcLab.ControlPlane/Images/)
        r.List<DescribeImagesRequest, DescribeImagesResult, Image>("DescribeImages", cp.DescribeImages,
            x => x.Images, "Images", i => i.Id, ImageShape.Map);

        // Instance types (src/VpcLab.ControlPlane/InstanceTypes/)
        r.List<DescribeInstanceTypesRequest, DescribeInstanceTypesResult, InstanceTypeInfo>("DescribeInstanceTypes", cp.DescribeInstanceTypes,
            x => x.InstanceTypes, "InstanceTypes", t => t.Name, (t, _) => InstanceTypeShape.Map(t));
        r.List<DescribeInstanceTypeOfferingsRequest, DescribeInstanceTypeOfferingsResult, InstanceTypeOffering>("DescribeInstanceTypeOfferings",
            cp.DescribeInstanceTypeOfferings, x => x.InstanceTypeOfferings, "InstanceTypeOfferings", o => o.Location + "\0" + o.InstanceType,
            (o, _) => InstanceTypeShape.Offering(o));

        // Instance status checks and CPU credits (src/VpcLab.ControlPlane/InstanceStatus/)
        r.List<DescribeInstanceStatusRequest, DescribeInstanceStatusResult, InstanceStatusEntry>("DescribeInstanceStatus", cp.DescribeInstanceStatus,
            x => x.InstanceStatuses, "InstanceStatuses", e => e.Instance.Id.Value, (e, _) => InstanceStatusShape.Map(e));
        r.List<DescribeInstanceCreditSpecificationsRequest, DescribeInstanceCreditSpecificationsResult, InstanceCreditSpecification>(
            "DescribeInstanceCreditSpecifications", cp.DescribeInstanceCreditSpecifications, x => x.InstanceCreditSpecifications,
            "InstanceCreditSpecifications", e => e.InstanceId, (e, _) => new JsonObject { ["InstanceId"] = e.InstanceId, ["CpuCredits"] = e.CpuCredits });

        // Key pairs (src/VpcLab.ControlPlane/KeyPairs/)
        r.Action<CreateKeyPairRequest, CreateKeyPairResult>("CreateKeyPair", cp.CreateKeyPair, (x, c, _) => KeyPairShape.Created(x.KeyPair, x.KeyMaterial, c));
        r.Action<ImportKeyPairRequest, ImportKeyPairResult>("ImportKeyPair", cp.ImportKeyPair, (x, c, _) => KeyPairShape.Imported(x.KeyPair, c));
        r.List<DescribeKeyPairsRequest, DescribeKeyPairsResult, (KeyPair Key, bool WithPublicKey)>("DescribeKeyPairs", cp.DescribeKeyPairs,
            x => [.. x.KeyPairs.Select(k => (k, x.IncludePublicKey))], "KeyPairs", k => k.Key.Id, (k, c) => KeyPairShape.Info(k.Key, k.WithPublicKey, c));
        r.Action<DeleteKeyPairRequest, DeleteKeyPairResult>("DeleteKeyPair", cp.DeleteKeyPair,
            (x, _, _) => new JsonObject { ["Return"] = x.Return, ["KeyPairId"] = x.KeyPairId });
    }
}
