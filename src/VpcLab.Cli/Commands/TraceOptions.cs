using System.CommandLine;
using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.Cli.Commands;

/// <summary>The flow a user asks about, as options, and how it becomes a <see cref="TraceRequest"/>.</summary>
public sealed class TraceOptions
{
    public Option<string> From { get; } = new("--from") { Description = "Source: an instance or interface (name or id), or an IP address (outside every VPC = the internet)", Required = true };
    public Option<string> To { get; } = new("--to") { Description = "Destination: an instance or interface (name or id), an IP address, a DNS name resolved from the source's VPC, s3://bucket/key (an S3 request), or SERVICE://RESOURCE (a request to sqs, sns, kms, … through the VPC's endpoints)", Required = true };
    public Option<string> Protocol { get; } = new("--protocol", "-p") { Description = "tcp, udp, icmp or icmpv6", DefaultValueFactory = _ => "tcp" };
    public Option<int?> Port { get; } = new("--port") { Description = "Destination port (tcp and udp)" };
    public Option<int?> SourcePort { get; } = new("--source-port") { Description = "Source port (default 49152, an ephemeral port)" };
    public Option<int?> IcmpType { get; } = new("--icmp-type") { Description = "ICMP type (default: echo request)" };
    public Option<int?> IcmpCode { get; } = new("--icmp-code") { Description = "ICMP code (default 0)" };
    public Option<bool> Ipv6 { get; } = new("--ipv6", "-6") { Description = "Use the IPv6 addresses of instances and interfaces" };
    public Option<string?> Action { get; } = new("--action") { Description = "With --to s3://bucket/key or SERVICE://RESOURCE: the action asked (default s3:GetObject, sqs:SendMessage, …)" };
    public Option<string?> Principal { get; } = new("--principal") { Description = "With --to s3://bucket/key or SERVICE://RESOURCE: who asks, an IAM ARN (default: the source account's root)" };

    public IEnumerable<Option> All => [From, To, Protocol, Port, SourcePort, IcmpType, IcmpCode, Ipv6, Action, Principal];

    public TraceRequest ToRequest(ParseResult parse, EndpointResolver resolver)
    {
        var protocolText = parse.GetValue(Protocol)!;
        if (!IpProtocol.TryParse(protocolText, out var protocol) || protocol.IsAll)
            throw new UsageException($"--protocol: '{protocolText}' is not tcp, udp, icmp, icmpv6 or a protocol number");
        var port = parse.GetValue(Port);
        CheckFitsProtocol(parse, protocol);
        if (protocol.HasPorts && port is null)
            throw new UsageException($"--port is required for {protocol.Name}");
        // A DNS name as destination is resolved by the source VPC's Amazon DNS resolver.
        var source = resolver.Resolve(parse.GetValue(From)!);
        return new TraceRequest(
            source, resolver.Resolve(parse.GetValue(To)!, source), protocol,
            CheckedPort(port ?? 0, "--port"), CheckedPort(parse.GetValue(SourcePort) ?? FlowKey.DefaultEphemeralPort, "--source-port"),
            parse.GetValue(Ipv6) ? IpFamily.V6 : null)
        {
            IcmpType = parse.GetValue(IcmpType),
            IcmpCode = parse.GetValue(IcmpCode) ?? 0,
        };
    }

    /// <summary>Ports belong to TCP and UDP, type and code to ICMP: an option the protocol has no field for is refused,
    /// not silently ignored (docs/semantics.md#cli).</summary>
    private void CheckFitsProtocol(ParseResult parse, IpProtocol protocol)
    {
        if (!protocol.HasPorts)
        {
            foreach (var option in new[] { Port, SourcePort }.Where(o => parse.GetValue(o) is not null))
            {
                throw new UsageException(protocol.IsIcmp
                    ? $"{option.Name}: {protocol.Name} has no ports; give --icmp-type and --icmp-code instead."
                    : $"{option.Name}: protocol {protocol.Name} has no ports (only tcp and udp do).");
            }
        }
        if (!protocol.IsIcmp)
        {
            foreach (var option in new[] { IcmpType, IcmpCode }.Where(o => parse.GetValue(o) is not null))
                throw new UsageException($"{option.Name} applies to icmp and icmpv6, not {protocol.Name}.");
        }
        foreach (var option in new[] { IcmpType, IcmpCode })
        {
            if (parse.GetValue(option) is { } value and (< 0 or > 255))
                throw new UsageException($"{option.Name}: {value} is not an ICMP {(option == IcmpType ? "type" : "code")} (0-255).");
        }
    }

    /// <summary>--action and --principal describe an S3 request: refused for a plain flow rather than ignored.</summary>
    public void CheckNoS3Options(ParseResult parse)
    {
        foreach (var option in new[] { Action, Principal }.Where(o => parse.GetValue(o) is not null))
            throw new UsageException($"{option.Name} applies only to an S3 request (--to s3://bucket/key) or a service request (--to SERVICE://RESOURCE).");
    }

    private static ushort CheckedPort(int value, string option) =>
        value is >= 0 and <= ushort.MaxValue ? (ushort)value : throw new UsageException($"{option}: {value} is not a port (0-65535)");
}
