using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VpcLab.FlowLogs.CloudWatchLogs;

namespace VpcLab.Server.Logs;

/// <summary>A request the protocol layer refuses before any operation runs (bad JSON, unknown operation, wrong types).</summary>
public sealed class LogsProtocolException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
