using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace VpcLab.ControlPlane.Persistence;

/// <summary>Getting written bytes onto the disk. <see cref="DataSync"/> is Linux's fdatasync: it flushes the data and
/// only the metadata needed to read it back (not the modification time), so an overwrite inside a file whose extents
/// are already written costs one flush of the data, with no inode write; elsewhere it is
/// <see cref="RandomAccess.FlushToDisk"/> (fsync).</summary>
internal static class FileSync
{
    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static extern int LinuxFdatasync(int fd);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int UnixOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int UnixFsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int UnixClose(int fd);

    /// <summary>The data written to <paramref name="file"/> (and its size) is on disk when this returns.</summary>
    public static void DataSync(SafeFileHandle file)
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(file);
            return;
        }
        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            if (LinuxFdatasync((int)file.DangerousGetHandle()) != 0)
                throw new IOException($"fdatasync failed: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            if (added)
                file.DangerousRelease();
        }
    }

    /// <summary>Everything of <paramref name="file"/>, metadata included (after it grew).</summary>
    public static void Sync(SafeFileHandle file) => RandomAccess.FlushToDisk(file);

    /// <summary>A rename or a new file in <paramref name="directory"/> is on disk when this returns (Unix: fsync of
    /// the directory; elsewhere the file system does not offer it and this does nothing).</summary>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return;
        var fd = UnixOpen(directory, 0); // O_RDONLY
        if (fd < 0)
            throw new IOException($"cannot open {directory} to sync it: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            if (UnixFsync(fd) != 0)
                throw new IOException($"fsync of {directory} failed: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            _ = UnixClose(fd);
        }
    }
}
