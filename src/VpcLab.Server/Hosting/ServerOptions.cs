using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.Server.Hosting;

/// <summary>How <c>vpclab serve</c> runs: where it listens, where state lives, and who the callers are.</summary>
public sealed record ServerOptions
{
    public const int DefaultPort = 4566;
    public const string DefaultDataDirectory = ".vpclab";

    /// <summary>Loopback by default: the server is for local clients and test suites.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Where the operation log lives; null keeps everything in memory (lost on exit).</summary>
    public string? DataDirectory { get; init; } = DefaultDataDirectory;

    /// <summary>Access key id → account. Unknown keys map to a 12-digit key itself, else <see cref="DefaultAccount"/>.</summary>
    public ImmutableDictionary<string, AccountId> Accounts { get; init; } = ImmutableDictionary<string, AccountId>.Empty;

    public AccountId DefaultAccount { get; init; } = new("111111111111");

    /// <summary>When set, SigV4 signatures are checked against these secrets (access key id → secret access key);
    /// otherwise they are parsed for the account and Region but not enforced.</summary>
    public ImmutableDictionary<string, string>? VerifySignaturesWith { get; init; }

    /// <summary>Service quotas: AWS's defaults (5 VPCs per Region...) unless raised, as an account can ask AWS to.</summary>
    public VpcLab.ControlPlane.Ec2Quotas Quotas { get; init; } = VpcLab.ControlPlane.Ec2Quotas.AwsDefaults;

    /// <summary>AWS gives every account a default VPC in every Region; off, accounts start empty.</summary>
    public bool DefaultVpcs { get; init; } = true;

    /// <summary>Opt-in Regions the default account has enabled from the start (<c>vpclab serve --opt-in-region</c>); none by
    /// default, as in a new AWS account. A setting, like the quotas: not logged, applied at every start and reset.</summary>
    public ImmutableArray<string> OptInRegions { get; init; } = [];

    /// <summary>When set, one line per call is written here (<see cref="Hosting.RequestLog"/>;
    /// <c>vpclab serve --log-requests</c>).</summary>
    public TextWriter? RequestLog { get; init; }

    /// <summary>A scenario file to start the world from (<c>vpclab serve --scenario</c>,
    /// <see cref="Persistence.ServerState.LoadScenario"/>); null starts from the data directory's state alone.</summary>
    public string? ScenarioFile { get; init; }

    /// <summary>Default Region when a request carries no SigV4 credential scope.</summary>
    public string DefaultRegion { get; init; } = "us-east-1";
}
