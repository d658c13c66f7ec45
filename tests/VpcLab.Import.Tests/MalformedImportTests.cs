namespace VpcLab.Import.Tests;

/// <summary>A malformed file is refused naming the file and the JSON path of the bad value; nothing is imported.</summary>
public sealed class MalformedImportTests
{
    private const string Prod = "123456789012/us-east-1/";

    [Theory]
    [InlineData("describe-subnets.json", "\"10.0.2.0/24\"", "\"10.0.2.0/33\"", "$.Subnets[1].CidrBlock")]
    [InlineData("describe-vpcs.json", "\"VpcId\": \"vpc-0a1b2c3d4e5f60001\"", "\"VpcId\": 7", "$.Vpcs[0].VpcId")]
    [InlineData("describe-network-acls.json", "\"RuleAction\": \"deny\"", "\"RuleAction\": \"reject\"", "$.NetworkAcls[0].Entries[2].RuleAction")]
    [InlineData("describe-route-tables.json", "\"Routes\": [", "\"Routes\": {", "$ (line")] // not JSON any more
    [InlineData("describe-security-group-rules.json", "\"IsEgress\": false", "\"IsEgress\": \"no\"", "$.SecurityGroupRules[0].IsEgress")]
    [InlineData("describe-network-interfaces.json", "\"InterfaceType\": \"nat_gateway\"", "\"InterfaceType\": 5", "$<page 2>.NetworkInterfaces[0].InterfaceType")]
    public void Import_DamagedFile_NamesFileAndJsonPath(string file, string find, string replace, string path)
    {
        using var copy = Fixtures.Copy(Fixtures.TwoAccounts);
        var target = copy.File(Prod + file);
        var text = File.ReadAllText(target);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(target, ReplaceFirst(text, find, replace));
        var e = Assert.Throws<ImportException>(() => WorldImporter.Import(copy.Path));
        Assert.Equal(Prod + file, e.File);
        Assert.StartsWith(path, e.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingEntriesFile_NamesTheListAndTheFile()
    {
        using var copy = Fixtures.Copy(Fixtures.TwoAccounts);
        File.Delete(copy.File(Prod + "get-managed-prefix-list-entries/pl-0a1b2c3d4e5f60301.json"));
        var e = Assert.Throws<ImportException>(() => WorldImporter.Import(copy.Path));
        Assert.Equal((Prod + "describe-managed-prefix-lists.json", "$.PrefixLists[1]"), (e.File, e.JsonPath));
        Assert.Contains("pl-0a1b2c3d4e5f60301.json is missing", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SubnetOfUnknownVpc_IsRefused()
    {
        using var copy = Fixtures.Copy(Fixtures.TwoAccounts);
        File.Delete(copy.File("210987654321/us-east-1/describe-vpcs.json"));
        var e = Assert.Throws<ImportException>(() => WorldImporter.Import(copy.Path));
        Assert.Equal(("210987654321/us-east-1/describe-subnets.json", "$.Subnets[0].VpcId"), (e.File, e.JsonPath));
    }

    [Theory]
    [InlineData("12345/us-east-1", "not a 12-digit account id")]
    [InlineData("123456789012/mars-north-1", "not a Region VpcLab knows")]
    public void Import_BadFolderLayout_IsRefused(string folder, string message)
    {
        using var copy = Fixtures.Copy(Fixtures.TwoAccounts);
        Directory.CreateDirectory(copy.File(folder));
        var e = Assert.Throws<ImportException>(() => WorldImporter.Import(copy.Path));
        Assert.Contains(message, e.Problem, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        int i = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, i), replace, text.AsSpan(i + find.Length));
    }
}
