namespace VpcLab.Import.Tests;

/// <summary>The describe-output folders under Fixtures/, in the AWS CLI's exact output shape, and throwaway copies
/// of them for tests that damage a file.</summary>
internal static class Fixtures
{
    /// <summary>Two accounts in us-east-1: prod (IPv6, public and private subnets, NAT and egress-only gateways, an S3
    /// gateway endpoint, an SSM interface endpoint, a customer prefix list, a route to a transit gateway) peered
    /// across accounts with data (a database whose group references prod's app group over the peering).</summary>
    public static string TwoAccounts => Path.Combine(AppContext.BaseDirectory, "Fixtures", "two-accounts");

    public const string Prod = "123456789012";
    public const string Data = "210987654321";

    /// <summary>A copy of a fixture folder in a temporary directory (deleted with the returned handle).</summary>
    public static TempCopy Copy(string fixture)
    {
        var target = Path.Combine(Path.GetTempPath(), $"vpclab-import-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return new TempCopy(target);
    }
}
