using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Engine.S3;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.CloudFormation.Tests;

/// <summary>A private subnet that reaches S3 only through a gateway endpoint (with an endpoint policy) and SSM through
/// an interface endpoint with private DNS, deployed from a template and loaded from the same world written as a
/// scenario: every trace gives the same verdict in both. The gateway endpoint adds a route to the Region's S3 prefix
/// list (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html); its policy limits what may be
/// asked through it (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html); a bucket policy
/// can deny requests whose aws:SourceVpce is not the endpoint
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html); the template
/// types are https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html
/// and https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucketpolicy.html.</summary>
public sealed class PrivateEndpointsArchitectureTests
{
    private const string EndpointPolicy = """{"Version":"2012-10-17","Statement":[{"Sid":"OnlyReports","Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:PutObject","s3:ListBucket"],"Resource":["arn:aws:s3:::lab-reports","arn:aws:s3:::lab-reports/*"]}]}""";

    private const string BucketPolicy = """{"Version":"2012-10-17","Statement":[{"Sid":"DenyUnlessThroughOurEndpoint","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::lab-reports","arn:aws:s3:::lab-reports/*"],"Condition":{"StringNotEquals":{"aws:SourceVpce":"ENDPOINT"}}}]}""";

    private static readonly string Template = $$"""
        Resources:
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.30.0.0/16, EnableDnsHostnames: true, EnableDnsSupport: true } }
          Private: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: us-east-1a, CidrBlock: 10.30.10.0/24 } }
          PrivateRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
          PrivateAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref Private, RouteTableId: !Ref PrivateRt } }
          WorkerSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: workers, VpcId: !Ref Vpc } }
          EndpointSg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: endpoint
              VpcId: !Ref Vpc
              SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.30.0.0/16 }]
          S3Endpoint:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: !Ref Vpc
              ServiceName: !Sub com.amazonaws.${AWS::Region}.s3
              RouteTableIds: [!Ref PrivateRt]
              PolicyDocument: '{{EndpointPolicy}}'
          SsmEndpoint:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: !Ref Vpc
              VpcEndpointType: Interface
              ServiceName: !Sub com.amazonaws.${AWS::Region}.ssm
              PrivateDnsEnabled: true
              SubnetIds: [!Ref Private]
              SecurityGroupIds: [!Ref EndpointSg]
          Reports: { Type: AWS::S3::Bucket, Properties: { BucketName: lab-reports } }
          Other: { Type: AWS::S3::Bucket, Properties: { BucketName: lab-other } }
          ReportsPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Reports
              PolicyDocument: !Sub '{{BucketPolicy.Replace("ENDPOINT", "${S3Endpoint}", StringComparison.Ordinal)}}'
          Worker: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref Private, SecurityGroupIds: [!Ref WorkerSg] } }
        """;

    private static readonly string Scenario = $$"""
        name: private-endpoints
        region: us-east-1
        accounts:
          - { name: lab, id: "111111111111" }
        vpcs:
          - name: vpc
            account: lab
            cidr: 10.30.0.0/16
            enable-dns-hostnames: true
            subnets:
              - { name: private, az: us-east-1a, cidr: 10.30.10.0/24 }
            route-tables:
              - { name: private-rt, subnets: [private] }
            security-groups:
              - { name: worker-sg, description: workers }
              - name: endpoint-sg
                description: endpoint
                ingress:
                  - { protocol: tcp, ports: 443, source: 10.30.0.0/16 }
            instances:
              - { name: worker, subnet: private, security-groups: [worker-sg] }
            endpoints:
              - { name: s3-endpoint, service: s3, route-tables: [private-rt], policy: '{{EndpointPolicy}}' }
              - { name: ssm-endpoint, service: ssm, subnets: [private], security-groups: [endpoint-sg] }
        buckets:
          - { name: lab-reports, account: lab, policy: '{{BucketPolicy.Replace("ENDPOINT", "{{s3-endpoint}}", StringComparison.Ordinal)}}' }
          - { name: lab-other, account: lab }
        """;

    private static readonly Lazy<(Network Template, InstanceId TemplateWorker, Network Scenario, InstanceId ScenarioWorker)> Worlds = new(() =>
    {
        var stacks = new Stacks();
        var stack = stacks.Create("endpoints", Template);
        Assert.True(stack.StackStatus == "CREATE_COMPLETE", string.Join("\n", stack.Events.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus} {e.ResourceStatusReason}")));
        var loaded = ScenarioLoader.Load(ScenarioParser.Parse(Scenario, "private-endpoints.yaml"), "private-endpoints.yaml");
        return (stacks.ControlPlane.Network, new InstanceId(stacks.Physical(stack, "Worker")), loaded.Network, new InstanceId(loaded.IdOf("worker")));
    });

    public static TheoryData<string, string, string, Verdict> S3Requests => new()
    {
        // rule, bucket, action, verdict in both worlds
        { "gateway endpoint + bucket policy aws:SourceVpce: a read through the endpoint is allowed", "lab-reports", "s3:GetObject", Verdict.Accepted },
        { "endpoint policy: a bucket it does not name is refused through the endpoint", "lab-other", "s3:GetObject", Verdict.Dropped },
        { "endpoint policy: an action it does not list is refused", "lab-reports", "s3:DeleteObject", Verdict.Dropped },
    };

    [Theory]
    [MemberData(nameof(S3Requests))]
    public void S3Request_TemplateAndScenario_SameVerdict(string rule, string bucket, string action, Verdict verdict)
    {
        var (template, templateWorker, scenario, scenarioWorker) = Worlds.Value;
        var fromTemplate = S3RequestTracer.Trace(CompiledNetwork.Compile(template), TraceEndpoint.Instance(templateWorker), new S3Request(bucket, "k", action));
        var fromScenario = S3RequestTracer.Trace(CompiledNetwork.Compile(scenario), TraceEndpoint.Instance(scenarioWorker), new S3Request(bucket, "k", action));
        Assert.True(fromScenario.Verdict == verdict, $"{rule} (scenario): {string.Join("; ", fromScenario.Reasons)}");
        Assert.True(fromTemplate.Verdict == verdict, $"{rule} (template): {string.Join("; ", fromTemplate.Reasons)}");
        Assert.Equal(fromScenario.Path, fromTemplate.Path);
    }

    [Fact]
    public void Worlds_SameEndpointPolicyPrefixListRouteBucketPolicyAndSsmReach()
    {
        var (template, templateWorker, scenario, scenarioWorker) = Worlds.Value;
        foreach (var (world, worker) in new[] { (template, templateWorker), (scenario, scenarioWorker) })
        {
            var gateway = world.VpcEndpoints.Values.Single(e => e.IsGateway);
            Assert.Equal(EndpointPolicy, gateway.PolicyDocument.ReplaceLineEndings("").Replace(" ", "", StringComparison.Ordinal));
            var routes = world.RouteTables[Assert.Single(gateway.RouteTableIds)].Routes;
            Assert.Contains(routes, r => r.Target == new RouteTarget(RouteTargetKind.GatewayEndpoint, gateway.Id.Value));
            Assert.Equal(BucketPolicy.Replace("ENDPOINT", gateway.Id.Value, StringComparison.Ordinal), world.Buckets["lab-reports"].Policy);
            var ssm = world.VpcEndpoints.Values.Single(e => e.IsInterface);
            Assert.True(ssm.PrivateDnsEnabled);
            var eni = world.NetworkInterfaces[Assert.Single(ssm.NetworkInterfaceIds)];
            var trace = CompiledNetwork.Compile(world).Trace(TraceRequest.Tcp(TraceEndpoint.Instance(worker), TraceEndpoint.ForAddress(eni.PrimaryPrivateIp), 443));
            Assert.True(trace.Verdict == Verdict.Accepted, $"interface endpoint reachable on 443: {trace.Reason}");
        }
        Assert.Equal(
            template.RouteTables.Values.SelectMany(t => t.Routes).Where(r => r.Target.Kind == RouteTargetKind.GatewayEndpoint).Select(r => r.Destination.ToString()).Single(),
            scenario.RouteTables.Values.SelectMany(t => t.Routes).Where(r => r.Target.Kind == RouteTargetKind.GatewayEndpoint).Select(r => r.Destination.ToString()).Single());
    }
}
