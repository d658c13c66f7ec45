using VpcLab.Model;

namespace VpcLab.Server.Hosting;

/// <summary>Who a caller is: the account an access key belongs to. Several accounts share one server and see only
/// their own resources.</summary>
public sealed class AccountDirectory(ServerOptions options)
{
    /// <summary>A configured key's account; else a key that is itself 12 digits names that account (handy in
    /// tests: AWS_ACCESS_KEY_ID=222222222222); else the default account.</summary>
    public AccountId AccountFor(string? accessKeyId)
    {
        if (accessKeyId is null)
            return options.DefaultAccount;
        if (options.Accounts.TryGetValue(accessKeyId, out var account))
            return account;
        return accessKeyId.Length == 12 && accessKeyId.All(char.IsAsciiDigit) ? new AccountId(accessKeyId) : options.DefaultAccount;
    }
}
