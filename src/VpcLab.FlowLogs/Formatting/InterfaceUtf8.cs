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

    /// <summary>The bytes of all the strings above.</summary>
    public int Bytes => AccountId.Length + InterfaceId.Length + VpcId.Length + SubnetId.Length + InstanceId.Length + Region.Length + AzId.Length;

    /// <summary>The text of each run of the owning formatter's fields that print the same on every OK record of this
    /// interface (<see cref="FieldRules.SameForInterface"/>), fields joined by ' '; set once, when the formatter
    /// first meets the interface (the runs depend on its format).</summary>
    public byte[][] Runs { get; set; } = [];

    /// <summary>The bytes of all <see cref="Runs"/>.</summary>
    public int RunBytes { get; set; }
}
