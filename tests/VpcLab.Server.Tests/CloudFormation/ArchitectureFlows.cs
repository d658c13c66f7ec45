using VpcLab.Engine;
using VpcLab.Engine.S3;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Server.Tests.CloudFormation;

/// <summary>The flows that show an architecture, named as a user names them (instances by Name tag, internet
/// addresses, AWS service DNS names, S3 requests): every ordered pair of the scenario's instances on the ports the
/// lessons use and ICMP echo, the internet to each instance and each instance to the internet over IPv4 and IPv6, each
/// instance to each service name (asked of its VPC's resolver) and each bucket. <see cref="Mismatches"/> traces each
/// over the scenario's world and another world built from the same names, and lists where their verdicts differ.</summary>
internal sealed class ArchitectureFlows
{
    private static readonly ushort[] Ports = [22, 80, 443, 5432, 8080];
    private static readonly string[] InternetSources = ["198.51.100.7", "203.0.113.12", "2001:db8:cafe::1"];
    private static readonly string[] InternetDestinations = ["203.0.113.80", "2001:db8:cafe::443"];
    private static readonly string[] S3Actions = ["s3:GetObject", "s3:PutObject"];

    private readonly Network _scenario;
    private readonly List<string> _instances;
    private readonly string[] _services;
    private readonly string[] _buckets;

    public ArchitectureFlows(Network scenario, string[] services, string[] buckets)
    {
        _scenario = scenario;
        _instances = [.. scenario.Instances.Values.Select(i => scenario.NameOf(i.Id.Value)).Order(StringComparer.Ordinal)];
        _services = services;
        _buckets = buckets;
    }

    /// <summary>"flow: scenario VERDICT, other VERDICT" for each flow whose verdicts differ.</summary>
    public IEnumerable<string> Mismatches(Network other)
    {
        var expected = new World(_scenario);
        var actual = new World(other);
        foreach (var (flow, trace) in Flows())
        {
            var (want, got) = (trace(expected), trace(actual));
            if (want != got)
                yield return $"{flow}: scenario {want}, deployed {got}";
        }
    }

    private IEnumerable<(string Flow, Func<World, string> Trace)> Flows()
    {
        foreach (var from in _instances)
        {
            foreach (var to in _instances.Where(t => t != from))
            {
                foreach (var port in Ports)
                    yield return ($"{from} -> {to} tcp/{port}", w => w.Tcp(from, to, port));
                yield return ($"{from} -> {to} icmp", w => w.Icmp(from, to));
            }
            foreach (var to in InternetDestinations.Concat(_services))
                yield return ($"{from} -> {to} tcp/443", w => w.Tcp(from, to, 443));
            foreach (var bucket in _buckets)
            {
                foreach (var action in S3Actions)
                    yield return ($"{from} -> s3://{bucket} {action}", w => w.S3(from, bucket, action));
            }
        }
        foreach (var from in InternetSources)
        {
            foreach (var to in _instances)
            {
                foreach (var port in Ports)
                    yield return ($"{from} -> {to} tcp/{port}", w => w.Tcp(from, to, port));
                yield return ($"{from} -> {to} icmp", w => w.Icmp(from, to));
            }
        }
    }

    /// <summary>One world compiled once; a flow's verdict, or "unresolvable" when its names do not resolve there.</summary>
    private sealed class World(Network network)
    {
        private readonly CompiledNetwork _compiled = CompiledNetwork.Compile(network);
        private readonly EndpointResolver _resolver = new(network);

        public string Tcp(string from, string to, ushort port) => Decide(from, to, (s, d) => new TraceRequest(s, d, IpProtocol.Tcp, port));

        public string Icmp(string from, string to) => Decide(from, to, (s, d) => new TraceRequest(s, d, IpProtocol.Icmp));

        public string S3(string from, string bucket, string action)
        {
            var source = _resolver.Resolve(from);
            return S3RequestTracer.Trace(_compiled, source, new S3Request(bucket, "key", action)).Verdict.ToString();
        }

        private string Decide(string from, string to, Func<TraceEndpoint, TraceEndpoint, TraceRequest> request)
        {
            try
            {
                var source = _resolver.Resolve(from);
                return _compiled.Trace(request(source, _resolver.Resolve(to, source))).Verdict.ToString();
            }
            catch (TraceRequestException)
            {
                return "unresolvable";
            }
        }
    }
}
