using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// Y5.1, Y6.2: `setup-admin --user ID --name NAME --unit UNIT` creates a new prefecture's first security
/// manager (accounts are issued only by one, and a fresh install has none) and prints the initial password.
/// Exit code 0, or 1 with the reason in Japanese and English. Run on the server, with the app's settings.
/// </summary>
public static class SetupAdminCommand
{
    public const string Name = "setup-admin";
    private static readonly string[] Options = ["--user", "--name", "--unit"];

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(
        string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var book = services.GetRequiredService<PolicyBook>();
        if (Parse(args.Skip(1).ToList(), out var values) is { } problem)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage(book));
            return 1;
        }
        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        try
        {
            var issued = await accounts.SetUpFirstSecurityManagerAsync(
                values["--user"], values["--name"], values["--unit"]);
            await output.WriteLineAsync($"""
                最初のシステムセキュリティ責任者を作成しました。 / The first security manager has been created.
                  ユーザID / user ID: {issued.UserId}
                  初期パスワード / initial password: {issued.InitialPassword}
                初回ログイン時に新しいパスワードへの変更が求められます。 / The password must be changed at the first sign-in.
                """);
            return 0;
        }
        catch (PolicyRefusedException e)
        {
            foreach (var f in e.Findings.Where(f => f.Severity == Severity.Block))
                await error.WriteLineAsync($"{f.Message} / {English(f.Code, values, book)}");
            return 1;
        }
    }

    /// <summary>The three options, each once with a value; null when they are fine, else the reason.</summary>
    private static string? Parse(List<string> args, out Dictionary<string, string> values)
    {
        var given = values = [];
        for (var i = 0; i < args.Count; i++)
        {
            var (option, value) = args[i].Split('=', 2) is [var o, var v] ? (o, (string?)v) : (args[i], null);
            if (!Options.Contains(option))
                return $"不明な指定 '{option}' があります。 / Unknown option '{option}'.";
            value ??= i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            if (string.IsNullOrWhiteSpace(value))
                return $"{option} に値を指定してください。 / The option {option} needs a value.";
            if (!values.TryAdd(option, value.Trim()))
                return $"{option} が2回指定されています。 / The option {option} is given twice.";
        }
        var missing = Options.Where(o => !given.ContainsKey(o)).ToList();
        return missing.Count == 0
            ? null
            : $"{string.Join("、", missing)} を指定してください。 / Missing: {string.Join(", ", missing)}.";
    }

    private static string English(string code, Dictionary<string, string> values, PolicyBook book) => code switch
    {
        "account.security-manager-exists" =>
            "A security manager already exists; further accounts are issued by them at /admin/accounts.",
        "account.not-security-manager-unit" =>
            $"The unit '{values["--unit"]}' cannot hold the security-manager role; "
            + $"use the book's offices.securityManagerUnit '{book.Offices.SecurityManagerUnit}'.",
        "account.bad-user-id" => "The user ID must be 1 to 64 characters long.",
        "account.bad-name" => "The name must be 1 to 100 characters long.",
        "account.duplicate" => $"The user ID '{values["--user"]}' is already in use.",
        _ => "The account was not created.",
    };

    /// <summary>For the start banner: while no account exists, how to create the first one.</summary>
    public static string Hint(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetRequiredService<AnshinDbContext>().Accounts.Any()) return "";
        return "アカウントがまだありません。最初のシステムセキュリティ責任者を作成してください。"
            + " / No account yet: create the first security manager." + Environment.NewLine
            + Usage(services.GetRequiredService<PolicyBook>());
    }

    /// <summary>How to call it, naming the one unit that may hold the role in this book.</summary>
    public static string Usage(PolicyBook book)
    {
        var unit = book.Offices.SecurityManagerUnit;
        return $"""
            使い方 / usage: dotnet run --project AnshinMail.Web -- {Name} --user ID --name 氏名 --unit {unit}
              --unit は政策ブックの offices.securityManagerUnit（{unit}、{book.Unit(unit).Name}）です。
              The unit must be the book's offices.securityManagerUnit ({unit}).
            """;
    }
}
