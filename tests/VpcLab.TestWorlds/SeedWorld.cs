using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.TestWorlds;

/// <summary>scenarios/seed.yaml built as records: public, app (behind a NAT gateway and an egress-only IGW) and
/// database subnets in one dual-stack VPC, with the deliberate db-acl mistake (replies only to app-a).</summary>
public sealed class SeedWorld
{
    public WorldBuilder B { get; } = new();
    public VpcId Vpc { get; }
    public SubnetId PublicA { get; }
    public SubnetId PublicB { get; }
    public SubnetId AppA { get; }
    public SubnetId AppB { get; }
    public SubnetId DbA { get; }
    public SubnetId DbB { get; }
    public InternetGatewayId Igw { get; }
    public EgressOnlyInternetGatewayId Eigw { get; }
    public NatGatewayId NatA { get; }
    public RouteTableId PublicRt { get; }
    public RouteTableId AppRt { get; }
    public RouteTableId DbRt { get; }
    public SecurityGroupId WebSg { get; }
    public SecurityGroupId AppSg { get; }
    public SecurityGroupId DbSg { get; }
    public NetworkAclId DbAcl { get; }
    public (InstanceId Instance, NetworkInterfaceId Interface) Web1 { get; }
    public (InstanceId Instance, NetworkInterfaceId Interface) Web2 { get; }
    public (InstanceId Instance, NetworkInterfaceId Interface) App1 { get; }
    public (InstanceId Instance, NetworkInterfaceId Interface) App2 { get; }
    public (InstanceId Instance, NetworkInterfaceId Interface) Db1 { get; }

    public SeedWorld(Action<SeedWorld>? customize = null)
    {
        var b = B;
        Vpc = b.Vpc("seed-vpc", "10.0.0.0/16", "2600:1f18:1234:5600::/56");
        PublicA = b.Subnet("public-a", Vpc, "10.0.0.0/24", "2600:1f18:1234:5600::/64");
        PublicB = b.Subnet("public-b", Vpc, "10.0.1.0/24", "2600:1f18:1234:5601::/64");
        AppA = b.Subnet("app-a", Vpc, "10.0.10.0/24", "2600:1f18:1234:5610::/64");
        AppB = b.Subnet("app-b", Vpc, "10.0.11.0/24", "2600:1f18:1234:5611::/64");
        DbA = b.Subnet("db-a", Vpc, "10.0.20.0/24");
        DbB = b.Subnet("db-b", Vpc, "10.0.21.0/24");
        Igw = b.InternetGateway("seed-igw", Vpc);
        Eigw = b.EgressOnlyInternetGateway("seed-eigw", Vpc);
        NatA = b.NatGateway("nat-a", PublicA);

        PublicRt = b.RouteTable("public-rt", Vpc, PublicA, PublicB);
        b.Route(PublicRt, "0.0.0.0/0", Igw);
        b.Route(PublicRt, "::/0", Igw);
        AppRt = b.RouteTable("app-rt", Vpc, AppA, AppB);
        b.Route(AppRt, "0.0.0.0/0", NatA);
        b.Route(AppRt, "::/0", Eigw);
        DbRt = b.RouteTable("db-rt", Vpc, DbA, DbB);

        WebSg = b.SecurityGroup("web-sg", Vpc);
        b.Ingress(WebSg, "tcp", 443, 443, "0.0.0.0/0");
        b.Ingress(WebSg, "tcp", 443, 443, "::/0");
        b.Ingress(WebSg, "tcp", 80, 80, "0.0.0.0/0");
        b.Ingress(WebSg, "tcp", 22, 22, "203.0.113.0/24");
        AppSg = b.SecurityGroup("app-sg", Vpc);
        b.Ingress(AppSg, "tcp", 8080, 8080, WebSg.Value);
        DbSg = b.SecurityGroup("db-sg", Vpc);
        b.Ingress(DbSg, "tcp", 5432, 5432, AppSg.Value);

        DbAcl = b.NetworkAcl("db-acl", Vpc, DbA, DbB);
        b.AclEntry(DbAcl, 100, egress: false, "tcp", "allow", "10.0.10.0/23", "5432");
        b.AclEntry(DbAcl, 100, egress: true, "tcp", "allow", "10.0.10.0/24", "1024-65535");

        Web1 = b.Instance("web-1", PublicA, [WebSg], publicIp: true, ipv6: true);
        Web2 = b.Instance("web-2", PublicB, [WebSg]);
        App1 = b.Instance("app-1", AppA, [AppSg], ipv6: true);
        App2 = b.Instance("app-2", AppB, [AppSg]);
        Db1 = b.Instance("db-1", DbA, [DbSg]);
        customize?.Invoke(this);
    }

    public CompiledNetwork Compile() => B.Compile();
}
