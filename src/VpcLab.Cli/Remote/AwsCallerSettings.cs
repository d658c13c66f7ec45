namespace VpcLab.Cli.Remote;

/// <summary>Who asks a running server, from the usual AWS settings: the access key id (its account is the server's
/// to say, as for any AWS call) and the Region. Precedence as the AWS CLI's
/// (https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-configure.html#configure-precedence): command-line
/// options (<c>--region</c>, <c>--profile</c>), then environment variables (<c>AWS_ACCESS_KEY_ID</c>,
/// <c>AWS_REGION</c> before <c>AWS_DEFAULT_REGION</c>, <c>AWS_PROFILE</c>), then the profile in the credentials and
/// config files (<c>AWS_SHARED_CREDENTIALS_FILE</c>, <c>AWS_CONFIG_FILE</c>, else ~/.aws/). Null where nothing is
/// set: the server then uses its default account and Region. docs/semantics.md#endpoint-url.</summary>
public sealed record AwsCallerSettings(string? AccessKeyId, string? Region)
{
    public const string DefaultProfile = "default";

    public static AwsCallerSettings From(Func<string, string?> environment, string? profileOption, string? regionOption)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value : null;
        var profile = profileOption ?? Env("AWS_PROFILE") ?? DefaultProfile;
        var home = Env("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var credentials = AwsConfigFile.Read(Env("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(home, ".aws", "credentials"));
        var config = AwsConfigFile.Read(Env("AWS_CONFIG_FILE") ?? Path.Combine(home, ".aws", "config"));
        // In the credentials file a section is the profile's bare name; in the config file "profile NAME" (but "default").
        var configSection = profile == DefaultProfile ? DefaultProfile : $"profile {profile}";
        string? FromFiles(string key) => credentials.Get(profile, key) ?? config.Get(configSection, key);
        if (profileOption is not null && !credentials.Has(profile) && !config.Has(configSection))
            throw new UsageException($"--profile: no profile '{profileOption}' in the AWS credentials or config file.");
        var key = profileOption is not null
            ? FromFiles("aws_access_key_id") // an explicit --profile beats the environment, as on the AWS CLI
            : Env("AWS_ACCESS_KEY_ID") ?? FromFiles("aws_access_key_id");
        var region = regionOption ?? Env("AWS_REGION") ?? Env("AWS_DEFAULT_REGION") ?? config.Get(configSection, "region");
        return new AwsCallerSettings(key, region);
    }
}
