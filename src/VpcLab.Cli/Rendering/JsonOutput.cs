using System.Text.Json;
using VpcLab.Server.Rendering;

namespace VpcLab.Cli.Rendering;

/// <summary>JSON for scripts (--json): the server's <see cref="LabJson"/>, so the CLI and the web console print a
/// trace the same way.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options => LabJson.Options;

    public static string Serialize<T>(T value) => LabJson.Serialize(value);
}
