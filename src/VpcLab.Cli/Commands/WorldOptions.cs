using System.CommandLine;
using VpcLab.Cli.Remote;
using VpcLab.ControlPlane.Snapshots;

namespace VpcLab.Cli.Commands;

/// <summary>Where <c>trace</c>, <c>show</c> and <c>resolve</c> find their world: a scenario (<c>--scenario</c>, or
/// <c>show</c>'s argument) or a running <c>vpclab serve</c> (<c>--endpoint-url</c>, with <c>--region</c> and
/// <c>--profile</c> naming the caller as the AWS CLI does). Exactly one of the two. Either way the same
/// <see cref="World"/> goes to the same engine and renderers (docs/semantics.md#endpoint-url).</summary>
public sealed class WorldOptions
{
    private readonly Option<string?>? _scenarioOption;
    private readonly Argument<string?>? _scenarioArgument;

    private WorldOptions(Option<string?>? scenarioOption, Argument<string?>? scenarioArgument)
    {
        _scenarioOption = scenarioOption;
        _scenarioArgument = scenarioArgument;
    }

    /// <summary>The scenario as <c>--scenario</c>/<c>-s</c> (trace, resolve).</summary>
    public static WorldOptions WithScenarioOption() =>
        new(new Option<string?>("--scenario", "-s")
        {
            Description = $"A scenario file, or the name of a shipped one ({string.Join(", ", ScenarioFiles.Shipped())}); or give --endpoint-url",
        }, null);

    /// <summary>The scenario as the first argument (show).</summary>
    public static WorldOptions WithScenarioArgument() =>
        new(null, new Argument<string?>("scenario")
        {
            Description = $"A scenario file, or the name of a shipped one ({string.Join(", ", ScenarioFiles.Shipped())}); or give --endpoint-url",
            Arity = ArgumentArity.ZeroOrOne,
        });

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "Ask a running `vpclab serve` at this URL about its world, instead of a scenario file",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "With --endpoint-url: the Region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, else the server's)",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "With --endpoint-url: the AWS profile whose access key names the account (default: AWS_ACCESS_KEY_ID, else AWS_PROFILE or 'default')",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_scenarioArgument is not null)
            command.Arguments.Add(_scenarioArgument);
        if (_scenarioOption is not null)
            command.Options.Add(_scenarioOption);
        command.Options.Add(EndpointUrl);
        command.Options.Add(Region);
        command.Options.Add(Profile);
    }

    public World Load(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var scenario = _scenarioOption is not null ? parse.GetValue(_scenarioOption) : parse.GetValue(_scenarioArgument!);
        var scenarioName = _scenarioOption is not null ? "--scenario" : "the scenario";
        var endpoint = parse.GetValue(EndpointUrl);
        if (scenario is not null && endpoint is not null)
            throw new UsageException($"give {scenarioName} or --endpoint-url, not both.");
        if (endpoint is null)
        {
            foreach (var option in new[] { Region, Profile }.Where(o => parse.GetValue(o) is not null))
                throw new UsageException($"{option.Name} applies only with --endpoint-url (a scenario names its own accounts and Regions).");
            if (scenario is null)
                throw new UsageException($"give {scenarioName} (a file, or one of: {string.Join(", ", ScenarioFiles.Shipped())}) or --endpoint-url URL.");
            var loaded = ScenarioOptions.Load(scenario);
            return new World(loaded.Network, loaded.ControlPlane.Options.Clock.GetUtcNow(), null);
        }
        var caller = AwsCallerSettings.From(Environment.GetEnvironmentVariable, parse.GetValue(Profile), parse.GetValue(Region));
        WorldSnapshot served = ServerWorld.Fetch(endpoint, caller);
        return new World(served.Network, served.Time, served);
    }
}
