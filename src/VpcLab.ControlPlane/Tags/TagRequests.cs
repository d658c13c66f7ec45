namespace VpcLab.ControlPlane;

/// <summary>A tag as on the wire (Tag.N.Key, Tag.N.Value).</summary>
public sealed record Tag
{
    public string? Key { get; init; }
    public string? Value { get; init; }

    public Tag()
    {
    }

    public Tag(string key, string? value)
    {
        Key = key;
        Value = value;
    }
}

/// <summary>Tags to put on a resource as it is created (TagSpecification.N.ResourceType, .Tag.M.*).</summary>
public sealed record TagSpecification
{
    public string? ResourceType { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }

    public TagSpecification()
    {
    }

    public TagSpecification(string resourceType, params Tag[] tags)
    {
        ResourceType = resourceType;
        Tags = tags;
    }

    /// <summary>The common case: a Name tag.</summary>
    public static IReadOnlyList<TagSpecification> Named(string resourceType, string name) =>
        [new TagSpecification(resourceType, new Tag("Name", name))];
}

public sealed record CreateTagsRequest
{
    public IReadOnlyList<string>? Resources { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteTagsRequest
{
    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>A tag with no Value deletes the key whatever its value; with a Value, only when it matches.
    /// No Tags at all deletes every tag of the resources.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeTagsRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>One row of DescribeTags (resourceId, resourceType, key, value).</summary>
public sealed record TagDescription(string ResourceId, string ResourceType, string Key, string Value);

public sealed record DescribeTagsResult(IReadOnlyList<TagDescription> Tags);

/// <summary>The resource types AWS names in TagSpecification.ResourceType and DescribeTags.</summary>
public static class ResourceTypes
{
    public const string Vpc = "vpc";
    public const string Subnet = "subnet";
    public const string RouteTable = "route-table";
    public const string InternetGateway = "internet-gateway";
    public const string EgressOnlyInternetGateway = "egress-only-internet-gateway";
    public const string NatGateway = "natgateway";
    public const string ElasticIp = "elastic-ip";
    public const string SecurityGroup = "security-group";
    public const string SecurityGroupRule = "security-group-rule";
    public const string NetworkAcl = "network-acl";
    public const string NetworkInterface = "network-interface";
    public const string Instance = "instance";
    public const string PrefixList = "prefix-list";
    public const string VpcPeeringConnection = "vpc-peering-connection";
    public const string VpcEndpoint = "vpc-endpoint";
    public const string VpcFlowLog = "vpc-flow-log";
    public const string DhcpOptions = "dhcp-options";
}
