using System.Text.Json.Nodes;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.Elb;

/// <summary>The real AWS CLI v2 (<c>aws elbv2</c>, Query protocol signed for <c>elasticloadbalancing</c>) against the
/// real server on 127.0.0.1: a Network Load Balancer in the default VPC, its interfaces seen through EC2, a target
/// group, a listener, target health decided by the data plane, attributes, AWS's errors, and the operation log.
/// AWS pages: https://docs.aws.amazon.com/elasticloadbalancing/latest/network/create-network-load-balancer.html,
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html.</summary>
public sealed class NetworkLoadBalancerCliTests : IAsyncLifetime
{
    private VpcLabServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, Ct);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Task<JsonObject> Ok(params string[] args) => AwsCli.OkAsync(_server.Url, args);

    private Task<string> Fails(params string[] args) => AwsCli.FailsAsync(_server.Url, args);

    private async Task<(string Vpc, string[] Subnets)> DefaultSubnets()
    {
        var subnets = (await Ok("ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true"))["Subnets"]!.AsArray();
        var two = subnets.OrderBy(s => (string)s!["AvailabilityZone"]!, StringComparer.Ordinal).Take(2).ToArray();
        return ((string)two[0]!["VpcId"]!, [.. two.Select(s => (string)s!["SubnetId"]!)]);
    }

    private async Task<string> HealthState(string targetGroup) =>
        (string)(await Ok("elbv2", "describe-target-health", "--target-group-arn", targetGroup))["TargetHealthDescriptions"]![0]!["TargetHealth"]!["State"]!;

    [Fact]
    public async Task NlbStory_ThroughAwsCliV2_NodesTargetsListenerAndHealth()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var (vpc, subnets) = await DefaultSubnets();
        var created = await Ok("elbv2", "create-load-balancer", "--name", "web", "--type", "network", "--subnets", subnets[0], subnets[1]);
        var lb = created["LoadBalancers"]![0]!;
        var lbArn = (string)lb["LoadBalancerArn"]!;
        Assert.Equal("network", (string?)lb["Type"]);
        Assert.Equal("internet-facing", (string?)lb["Scheme"]);
        Assert.Equal(2, lb["AvailabilityZones"]!.AsArray().Count);
        Assert.NotNull(lb["AvailabilityZones"]![0]!["LoadBalancerAddresses"]![0]!["IpAddress"]);

        // AWS: one requester-managed interface per node, "ELB net/NAME/ID", interface type network_load_balancer.
        var enis = (await Ok("ec2", "describe-network-interfaces", "--filters", "Name=interface-type,Values=network_load_balancer"))["NetworkInterfaces"]!.AsArray();
        Assert.Equal(2, enis.Count);
        Assert.All(enis, e => Assert.Equal($"ELB net/web/{lbArn[(lbArn.LastIndexOf('/') + 1)..]}", (string?)e!["Description"]));
        Assert.All(enis, e => Assert.True((bool)e!["RequesterManaged"]!));

        var tg = (string)(await Ok("elbv2", "create-target-group", "--name", "web-tg", "--protocol", "TCP", "--port", "80",
            "--vpc-id", vpc, "--target-type", "instance"))["TargetGroups"]![0]!["TargetGroupArn"]!;
        var instance = (string)(await Ok("ec2", "run-instances", "--image-id", "ami-0fc50b841d13a3d05", "--count", "1", "--subnet-id", subnets[0]))["Instances"]![0]!["InstanceId"]!;
        await Ok("elbv2", "register-targets", "--target-group-arn", tg, "--targets", $"Id={instance}");
        Assert.Equal("unused", await HealthState(tg)); // Target.NotInUse: no listener yet

        var listener = await Ok("elbv2", "create-listener", "--load-balancer-arn", lbArn, "--protocol", "TCP", "--port", "80",
            "--default-actions", $"Type=forward,TargetGroupArn={tg}");
        Assert.Equal(tg, (string?)listener["Listeners"]![0]!["DefaultActions"]![0]!["TargetGroupArn"]);
        // The default group admits only its own members: the nodes' health checks are refused.
        Assert.Equal("unhealthy", await HealthState(tg));
        var defaultGroup = (string)(await Ok("ec2", "describe-security-groups", "--filters", $"Name=vpc-id,Values={vpc}", "Name=group-name,Values=default"))
            ["SecurityGroups"]![0]!["GroupId"]!;
        await Ok("ec2", "authorize-security-group-ingress", "--group-id", defaultGroup, "--protocol", "tcp", "--port", "80", "--cidr", "172.31.0.0/16");
        Assert.Equal("healthy", await HealthState(tg));

        var attributes = await Ok("elbv2", "modify-load-balancer-attributes", "--load-balancer-arn", lbArn,
            "--attributes", "Key=load_balancing.cross_zone.enabled,Value=true");
        Assert.Contains(attributes["Attributes"]!.AsArray(), a => (string?)a!["Key"] == "load_balancing.cross_zone.enabled" && (string?)a["Value"] == "true");
        var groups = await Ok("elbv2", "describe-target-groups", "--load-balancer-arn", lbArn);
        Assert.Equal(lbArn, (string?)groups["TargetGroups"]![0]!["LoadBalancerArns"]![0]);

        Assert.Contains("DuplicateLoadBalancerName", await Fails("elbv2", "create-load-balancer", "--name", "web", "--type", "network", "--subnets", subnets[0]), StringComparison.Ordinal);
        Assert.Contains("ResourceInUse", await Fails("elbv2", "delete-target-group", "--target-group-arn", tg), StringComparison.Ordinal);
        Assert.Contains("LoadBalancerNotFound", await Fails("elbv2", "describe-load-balancers", "--names", "nope"), StringComparison.Ordinal);

        await Ok("elbv2", "delete-load-balancer", "--load-balancer-arn", lbArn);
        Assert.Empty((await Ok("ec2", "describe-network-interfaces", "--filters", "Name=interface-type,Values=network_load_balancer"))["NetworkInterfaces"]!.AsArray());
        await Ok("elbv2", "delete-target-group", "--target-group-arn", tg);
        Assert.Empty((await Ok("elbv2", "describe-target-groups"))["TargetGroups"]!.AsArray());
    }

    [Fact] // An ELBv2 action AWS has and VpcLab lacks is 501 NotImplemented, in ELBv2's error envelope.
    public async Task UnservedElbAction_ThroughAwsCliV2_NotImplemented()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var result = await AwsCli.RunAsync(_server.Url, "elbv2", "describe-ssl-policies");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("NotImplemented", result.Stderr, StringComparison.Ordinal);
    }

    [Fact] // Mutations go through the operation log: a restarted server replays the load balancer and its nodes.
    public async Task CreateLoadBalancer_ServerRestarted_ReplayedFromTheLog()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var data = Directory.CreateTempSubdirectory("vpclab-nlb-").FullName;
        try
        {
            string arn;
            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = data }, Ct))
            {
                var subnet = (string)(await AwsCli.OkAsync(server.Url, "ec2", "describe-subnets"))["Subnets"]![0]!["SubnetId"]!;
                arn = (string)(await AwsCli.OkAsync(server.Url, "elbv2", "create-load-balancer", "--name", "kept", "--type", "network",
                    "--scheme", "internal", "--subnets", subnet))["LoadBalancers"]![0]!["LoadBalancerArn"]!;
            }
            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = data }, Ct))
            {
                var lb = (await AwsCli.OkAsync(server.Url, "elbv2", "describe-load-balancers", "--names", "kept"))["LoadBalancers"]![0]!;
                Assert.Equal(arn, (string?)lb["LoadBalancerArn"]);
                Assert.Equal("internal", (string?)lb["Scheme"]);
                Assert.Single((await AwsCli.OkAsync(server.Url, "ec2", "describe-network-interfaces", "--filters", "Name=interface-type,Values=network_load_balancer"))["NetworkInterfaces"]!.AsArray());
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
