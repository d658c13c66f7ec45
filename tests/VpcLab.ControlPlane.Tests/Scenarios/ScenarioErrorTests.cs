using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.ControlPlane.Tests.Scenarios;

/// <summary>A bad scenario fails with the file, the line and the resource, and AWS's code when an EC2 operation
/// refused it.</summary>
public class ScenarioErrorTests
{
    private static string LoadError(string yaml)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(ScenarioParser.Parse(yaml, "bad.yaml"), "bad.yaml"));
        return e.Message;
    }

    [Theory]
    // AWS: a VPC's CIDR is /16 to /28 (InvalidVpc.Range).
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/8\n", "bad.yaml:2:", "VPC 'v'", "InvalidVpc.Range")]
    // AWS: a malformed CIDR is InvalidParameterValue.
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.300/16\n", "bad.yaml:2:", "VPC 'v'", "InvalidParameterValue")]
    // AWS: sibling subnets may not overlap (InvalidSubnet.Conflict).
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    subnets:\n      - { name: a, az: us-east-1a, cidr: 10.0.0.0/24 }\n      - { name: b, az: us-east-1a, cidr: 10.0.0.128/25 }\n",
        "bad.yaml:6:", "subnet 'b'", "InvalidSubnet.Conflict")]
    // AWS: a route that already exists for a destination is RouteAlreadyExists.
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    internet-gateway: gw\n    route-tables:\n      - name: rt\n        routes:\n          - { destination: 0.0.0.0/0, target: gw }\n          - { destination: 0.0.0.0/0, target: gw }\n",
        "bad.yaml:9:", "route table 'rt'", "RouteAlreadyExists")]
    // AWS: NACL rule numbers are unique per direction (NetworkAclEntryAlreadyExists).
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    network-acls:\n      - name: n\n        inbound:\n          - { rule: 100, protocol: tcp, ports: 22, cidr: 0.0.0.0/0, action: allow }\n          - { rule: 100, protocol: tcp, ports: 80, cidr: 0.0.0.0/0, action: allow }\n",
        "bad.yaml:8:", "network ACL 'n'", "NetworkAclEntryAlreadyExists")]
    // AWS: the same permission twice is InvalidPermission.Duplicate.
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    security-groups:\n      - name: g\n        ingress:\n          - { protocol: tcp, ports: 22, source: 0.0.0.0/0 }\n          - { protocol: tcp, ports: 22, source: 0.0.0.0/0 }\n",
        "bad.yaml:8:", "security group 'g'", "InvalidPermission.Duplicate")]
    // AWS: an unknown Availability Zone is InvalidParameterValue.
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    subnets:\n      - { name: a, az: us-east-1z, cidr: 10.0.0.0/24 }\n",
        "bad.yaml:5:", "subnet 'a'", "InvalidParameterValue")]
    public void Load_RefusedByAnEc2Operation_NamesLineResourceAndCode(string yaml, string at, string resource, string code)
    {
        var message = LoadError(yaml);
        Assert.Contains(at, message);
        Assert.Contains(resource, message);
        Assert.Contains(code, message);
    }

    [Theory]
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    subnets:\n      - { name: a, az: us-east-1a, cidr: 10.0.0.0/24 }\n      - { name: a, az: us-east-1a, cidr: 10.0.1.0/24 }\n",
        "bad.yaml:6:", "already used at line 5")]
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    route-tables:\n      - name: rt\n        routes:\n          - { destination: 0.0.0.0/0, target: nowhere }\n",
        "bad.yaml:7:", "'nowhere' is not defined")]
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    instances:\n      - { name: i, subnet: missing }\n",
        "bad.yaml:5:", "subnet 'missing' is not defined")]
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    security-groups:\n      - name: g\n        ingress:\n          - { protocol: tcpp, ports: 22, source: 0.0.0.0/0 }\n",
        "bad.yaml:7:", "'tcpp' is not a protocol")]
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    security-groups:\n      - name: g\n        ingress:\n          - { protocol: tcp, ports: 22-x, source: 0.0.0.0/0 }\n",
        "bad.yaml:7:", "not a port")]
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    subnets:\n      - { name: a, az: us-east-1a, cidr: 10.0.0.0/24, ipv6-index: 1 }\n",
        "bad.yaml:5:", "needs a VPC with 'ipv6: true'")]
    [InlineData("accounts:\n  - { name: x, id: '12345' }\n", "bad.yaml:2:", "12-digit")]
    public void Load_ScenarioMistake_NamesLineAndProblem(string yaml, string at, string problem)
    {
        var message = LoadError(yaml);
        Assert.Contains(at, message);
        Assert.Contains(problem, message);
    }

    [Theory]
    [InlineData("vpcs:\n  - name: v\n    cidrr: 10.0.0.0/16\n", "bad.yaml:3:", "unknown key 'cidrr'")]
    [InlineData("vpcs:\n  - cidr: 10.0.0.0/16\n", "bad.yaml:2:", "a VPC needs 'name'")]
    [InlineData("vpcs: 12\n", "bad.yaml:1:", "must be a list")]
    [InlineData("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    ipv6: perhaps\n", "bad.yaml:4:", "true or false")]
    [InlineData("vpcs: [\n", "bad.yaml:", "not valid YAML")]
    [InlineData("- a\n- b\n", "bad.yaml:1:", "the scenario must be a mapping")]
    public void Parse_MalformedDocument_NamesLineAndProblem(string yaml, string at, string problem)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(yaml, "bad.yaml"));
        Assert.Contains(at, e.Message);
        Assert.Contains(problem, e.Message);
    }
}
