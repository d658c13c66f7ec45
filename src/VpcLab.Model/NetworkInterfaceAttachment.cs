using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

public sealed record NetworkInterfaceAttachment(string AttachmentId, InstanceId InstanceId, int DeviceIndex, bool DeleteOnTermination);
