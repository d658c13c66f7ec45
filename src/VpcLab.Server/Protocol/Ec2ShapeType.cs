using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace VpcLab.Server.Protocol;

/// <summary>The kinds of shape the EC2 service model uses (botocore's type names).</summary>
public enum Ec2ShapeType
{
    Structure,
    List,
    String,
    Integer,
    Long,
    Boolean,
    Timestamp,
    Double,
    Float,
    Blob,
}
