namespace VpcLab.Model;

/// <summary>The prefix of each kind of id, exactly as AWS writes it.</summary>
public static class IdPrefixes
{
    public const string Vpc = "vpc";
    public const string VpcCidrAssociation = "vpc-cidr-assoc";
    public const string Subnet = "subnet";
    public const string SubnetCidrAssociation = "subnet-cidr-assoc";
    public const string RouteTable = "rtb";
    public const string RouteTableAssociation = "rtbassoc";
    public const string InternetGateway = "igw";
    public const string EgressOnlyInternetGateway = "eigw";
    public const string NatGateway = "nat";
    public const string Allocation = "eipalloc";
    public const string ElasticIpAssociation = "eipassoc";
    public const string SecurityGroup = "sg";
    public const string SecurityGroupRule = "sgr";
    public const string NetworkAcl = "acl";
    public const string NetworkAclAssociation = "aclassoc";
    public const string NetworkInterface = "eni";
    public const string NetworkInterfaceAttachment = "eni-attach";
    public const string Instance = "i";
    public const string PrefixList = "pl";
    public const string VpcEndpoint = "vpce";
    public const string VpcEndpointService = "vpce-svc";
    public const string VpcPeeringConnection = "pcx";
    public const string DhcpOptions = "dopt";
    public const string Reservation = "r";
    public const string FlowLog = "fl";
    public const string Image = "ami";
    public const string Snapshot = "snap";
    public const string KeyPair = "key";
    public const string Volume = "vol";
    public const string SubnetCidrReservation = "scr";
    public const string LaunchTemplate = "lt";
}
