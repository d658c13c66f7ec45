using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Server.Ec2.Shapes;

namespace VpcLab.Server.Ec2;

/// <summary>The actions SDK and IaC users call around instances: the public AMI catalogue (and, later, key pairs,
/// instance types, volumes, launch templates). Registered from <see cref="Register"/>.</summary>
public sealed partial class Ec2ActionDispatcher
{
    private static void RegisterTools(Registrar r, Ec2ControlPlane cp)
    {
        // Public AMI catalogue (src/VpcLab.ControlPlane/Images/)
        r.List<DescribeImagesRequest, DescribeImagesResult, Image>("DescribeImages", cp.DescribeImages,
            x => x.Images, "Images", i => i.Id, ImageShape.Map);
    }
}
