using AnshinMail.Rules.Calendar;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Templates;

namespace AnshinMail.Rules.Tests;

/// <summary>The Nagano policy book of this repository, and what is built from it once for all tests.</summary>
public static class TestBook
{
    public static string RepositoryRoot { get; } = FindRoot();
    public static string NaganoPath => Path.Combine(RepositoryRoot, "rules", "nagano.json");
    public static string SharedPath => Path.Combine(RepositoryRoot, "..", "shared");

    private static readonly Lazy<PolicyBook> LazyBook = new(() => PolicyBook.Load(NaganoPath));
    private static readonly Lazy<PolicyEngine> LazyEngine = new(() => new PolicyEngine(Book));
    private static readonly Lazy<MessageRenderer> LazyRenderer = new(() => new MessageRenderer(Book));

    public static PolicyBook Book => LazyBook.Value;
    public static PolicyEngine Engine => LazyEngine.Value;
    public static PolicyCalendar Calendar => Engine.Calendar;
    public static MessageRenderer Renderer => LazyRenderer.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "rules", "nagano.json")))
                return dir.FullName;
        throw new InvalidOperationException("rules/nagano.json not found above " + AppContext.BaseDirectory);
    }
}
