using System.Buffers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Server.Persistence;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Hosting;

/// <summary>A caller whose signature does not check out (only with --verify-signatures).</summary>
public sealed class AuthFailureException : Exception
{
    public AuthFailureException(string message) : base(message) { }

    public AuthFailureException() { }

    public AuthFailureException(string message, Exception inner) : base(message, inner) { }
}
