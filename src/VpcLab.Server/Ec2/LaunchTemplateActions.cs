using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Server.Ec2.Shapes;

namespace VpcLab.Server.Ec2;

/// <summary>EC2 launch templates (src/VpcLab.ControlPlane/LaunchTemplates/, docs/semantics.md#launch-templates).
/// Registered from <see cref="Ec2ActionDispatcher"/>'s constructor.</summary>
internal static class LaunchTemplateActions
{
    public static void Register(Ec2ActionRegistrar r, Ec2ControlPlane cp)
    {
        var lt = cp.LaunchTemplates;
        r.Action<CreateLaunchTemplateRequest, LaunchTemplateVersionResult>("CreateLaunchTemplate", lt.CreateLaunchTemplate,
            (x, c, _) => new JsonObject { ["LaunchTemplate"] = LaunchTemplateShape.Map(x.Template, c) });
        r.Action<CreateLaunchTemplateVersionRequest, LaunchTemplateVersionResult>("CreateLaunchTemplateVersion", lt.CreateLaunchTemplateVersion,
            (x, _, _) => new JsonObject { ["LaunchTemplateVersion"] = LaunchTemplateShape.Version(x) });
        r.List<DescribeLaunchTemplatesRequest, DescribeLaunchTemplatesResult, LaunchTemplate>("DescribeLaunchTemplates", lt.Queries.DescribeLaunchTemplates,
            x => x.LaunchTemplates, "LaunchTemplates", t => t.Id, LaunchTemplateShape.Map);
        r.List<DescribeLaunchTemplateVersionsRequest, DescribeLaunchTemplateVersionsResult, LaunchTemplateVersionResult>("DescribeLaunchTemplateVersions",
            lt.Queries.DescribeLaunchTemplateVersions, x => x.LaunchTemplateVersions, "LaunchTemplateVersions",
            x => x.Template.Id + "\0" + x.Version.VersionNumber.ToString("D19", CultureInfo.InvariantCulture), (x, _) => LaunchTemplateShape.Version(x));
        r.Action<ModifyLaunchTemplateRequest, LaunchTemplate>("ModifyLaunchTemplate", lt.ModifyLaunchTemplate,
            (x, c, _) => new JsonObject { ["LaunchTemplate"] = LaunchTemplateShape.Map(x, c) });
        r.Action<DeleteLaunchTemplateRequest, LaunchTemplate>("DeleteLaunchTemplate", lt.DeleteLaunchTemplate,
            (x, c, _) => new JsonObject { ["LaunchTemplate"] = LaunchTemplateShape.Map(x, c) });
        r.Action<DeleteLaunchTemplateVersionsRequest, DeleteLaunchTemplateVersionsResult>("DeleteLaunchTemplateVersions", lt.DeleteLaunchTemplateVersions,
            (x, _, _) => new JsonObject
            {
                ["SuccessfullyDeletedLaunchTemplateVersions"] = Json.Array(x.Deleted, d => new JsonObject
                {
                    ["LaunchTemplateId"] = d.LaunchTemplateId, ["LaunchTemplateName"] = d.LaunchTemplateName, ["VersionNumber"] = d.VersionNumber,
                }),
                ["UnsuccessfullyDeletedLaunchTemplateVersions"] = Json.Array(x.Failed, f => new JsonObject
                {
                    ["LaunchTemplateId"] = f.LaunchTemplateId,
                    ["LaunchTemplateName"] = f.LaunchTemplateName,
                    ["VersionNumber"] = f.VersionNumber,
                    ["ResponseError"] = new JsonObject { ["Code"] = f.Code, ["Message"] = f.Message },
                }),
            });
        r.Action<GetLaunchTemplateDataRequest, LaunchTemplateData>("GetLaunchTemplateData", lt.Queries.GetLaunchTemplateData,
            (x, _, _) => new JsonObject { ["LaunchTemplateData"] = LaunchTemplateShape.Data(x) });
    }
}
