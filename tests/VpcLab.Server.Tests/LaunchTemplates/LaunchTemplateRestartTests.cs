using Amazon.EC2;
using Amazon.EC2.Model;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.LaunchTemplates;

/// <summary>Launch templates are kept like every other EC2 resource: the server logs each acknowledged mutation and
/// replays the log at start (docs/semantics.md#launch-templates), so templates, versions, the default version, tags and
/// deleted versions come back after a restart.</summary>
public sealed class LaunchTemplateRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LaunchTemplates_ServerRestarted_VersionsDefaultAndTagsKept()
    {
        var data = Directory.CreateTempSubdirectory("vpclab-lt-").FullName;
        try
        {
            string id;
            List<LaunchTemplateVersion> before;
            await using (var lab = await LoopbackEc2.StartAsync(Ct, new ServerOptions { Port = 0, DataDirectory = data }))
            {
                id = (await lab.Client.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
                {
                    LaunchTemplateName = "kept",
                    LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro },
                    TagSpecifications = [new TagSpecification { ResourceType = ResourceType.LaunchTemplate, Tags = [new Tag("Name", "kept")] }],
                }, Ct)).LaunchTemplate.LaunchTemplateId;
                foreach (var type in new[] { InstanceType.T3Small, InstanceType.T3Large })
                    await lab.Client.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
                    {
                        LaunchTemplateId = id, SourceVersion = "1", LaunchTemplateData = new RequestLaunchTemplateData { InstanceType = type },
                    }, Ct);
                await lab.Client.ModifyLaunchTemplateAsync(new ModifyLaunchTemplateRequest { LaunchTemplateId = id, DefaultVersion = "3" }, Ct);
                await lab.Client.DeleteLaunchTemplateVersionsAsync(new DeleteLaunchTemplateVersionsRequest { LaunchTemplateId = id, Versions = ["2"] }, Ct);
                before = (await lab.Client.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id }, Ct)).LaunchTemplateVersions;
            }
            await using (var lab = await LoopbackEc2.StartAsync(Ct, new ServerOptions { Port = 0, DataDirectory = data }))
            {
                var template = Assert.Single((await lab.Client.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest(), Ct)).LaunchTemplates);
                Assert.Equal((id, "kept", 3L, 3L), (template.LaunchTemplateId, template.LaunchTemplateName, template.DefaultVersionNumber ?? 0, template.LatestVersionNumber ?? 0));
                Assert.Equal("kept", Assert.Single(template.Tags).Value);
                var after = (await lab.Client.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id }, Ct)).LaunchTemplateVersions;
                Assert.Equal(before.Select(v => (v.VersionNumber, v.CreateTime, v.LaunchTemplateData.InstanceType?.Value, v.LaunchTemplateData.ImageId)),
                    after.Select(v => (v.VersionNumber, v.CreateTime, v.LaunchTemplateData.InstanceType?.Value, v.LaunchTemplateData.ImageId)));
                Assert.Equal([1L, 3L], after.Select(v => v.VersionNumber ?? 0));
                // The next version takes the next number: version 2's number is not reused.
                var next = (await lab.Client.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
                {
                    LaunchTemplateId = id, LaunchTemplateData = new RequestLaunchTemplateData { InstanceType = InstanceType.T3Nano },
                }, Ct)).LaunchTemplateVersion;
                Assert.Equal(4L, next.VersionNumber);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
