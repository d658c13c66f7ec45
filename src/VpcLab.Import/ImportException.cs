namespace VpcLab.Import;

/// <summary>A folder or file that cannot be imported: names the file and the JSON path of the bad value
/// (<c>$.Vpcs[0].CidrBlock</c>), so the user finds it in a minute. Nothing is imported when one is thrown.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string file, string jsonPath, string problem)
        : base($"{file}: {jsonPath}: {problem}")
    {
        File = file;
        JsonPath = jsonPath;
        Problem = problem;
    }

    public ImportException()
        : this("", "$", "import failed")
    {
    }

    public ImportException(string message)
        : this("", "$", message)
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        JsonPath = "$";
        Problem = message;
    }

    public string File { get; }

    public string JsonPath { get; }

    public string Problem { get; }
}
