namespace VpcLab.Import;

/// <summary>One call whose AWS CLI output a folder holds: the file it is saved in (the CLI command's name), the list
/// member of its output, and, for calls VpcLab does not model, the member that names each item.</summary>
public sealed record DescribeCall(string Service, string Command, string ListMember, string? SkippedIdMember = null)
{
    public string FileName => Service == "ec2" ? $"{Command}.json" : $"{Service}-{Command}.json";

    public bool IsSkipped => SkippedIdMember is not null;
}
