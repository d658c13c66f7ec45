using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace VpcLab.Server.Protocol;

/// <summary>A member of a structure (or the element of a list) with the names it travels under: the query
/// (request) name and the XML (response) element name.</summary>
public sealed class Ec2Member
{
    internal Ec2Member(string name, Ec2Shape shape, string queryName, string xmlName)
    {
        Name = name;
        Shape = shape;
        QueryName = queryName;
        XmlName = xmlName;
        XmlNameUtf8 = System.Text.Encoding.UTF8.GetBytes(xmlName);
    }

    /// <summary>The model's member name (PascalCase), the key used in parsed and to-be-serialized JSON.</summary>
    public string Name { get; }

    public Ec2Shape Shape { get; }

    /// <summary>The request parameter name (botocore EC2Serializer): <c>queryName</c>, else <c>locationName</c>
    /// with its first letter upper-cased, else the member name.</summary>
    public string QueryName { get; }

    /// <summary>The response element name: <c>locationName</c>, else the member name with its first letter
    /// lower-cased.</summary>
    public string XmlName { get; }

    /// <summary><see cref="XmlName"/> encoded once, for the serializer.</summary>
    internal byte[] XmlNameUtf8 { get; }

    public override string ToString() => $"{Name}: {Shape.Name}";
}
