using System.Text;

namespace VpcLab.FlowLogs.Formatting;

/// <summary>The UTF-8 bytes of an interface's strings, encoded once per interface instead of once per record.</summary>
internal sealed class InterfaceUtf8(InterfaceContext context)
{
    public InterfaceContext Context { get; } = context;
    public byte[] AccountId { get; } = Encoding.UTF8.GetBytes(context.AccountId);
    public byte[] InterfaceId { get; } = Encoding.UTF8.GetBytes(context.InterfaceId);
    public byte[] VpcId { get; } = Encoding.UTF8.GetBytes(context.VpcId);
    public byte[] SubnetId { get; } = Encoding.UTF8.GetBytes(context.SubnetId);
    public byte[] InstanceId { get; } = Encoding.UTF8.GetBytes(context.InstanceId ?? "-");
    public byte[] Region { get; } = Encoding.UTF8.GetBytes(context.Region);
    public byte[] AzId { get; } = Encoding.UTF8.GetBytes(context.AzId);
}
