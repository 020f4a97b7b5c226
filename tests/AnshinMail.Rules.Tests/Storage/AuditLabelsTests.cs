using System.Text.RegularExpressions;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Tests.Storage;

/// <summary>Y12: the audit log is read in Japanese: every action the library records has a label.</summary>
public sealed partial class AuditLabelsTests
{
    /// <summary>Every action code passed to the workflow wrapper, the release, an account change or a direct audit
    /// record in the library's source has a Japanese label (an operation added without one fails here).</summary>
    [Fact]
    public void Y12_EveryRecordedAction_HasAJapaneseLabel()
    {
        var source = Path.Combine(TestBook.RepositoryRoot, "AnshinMail.Rules");
        var actions = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => ActionCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .Where(code => code is not ("ok" or "refused")) // the wrapper's outcomes, recorded after `action`
            .ToHashSet();
        Assert.True(actions.Count >= 25, string.Join(", ", actions));
        Assert.All(actions, a => Assert.True(AuditLabels.Knows(a), $"監査記録の操作 '{a}' に日本語の名前がありません。"));
        Assert.All(AuditLabels.Actions, a => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}|\p{IsKatakana}", a.Value));
    }

    [Fact]
    public void Y12_OutcomesAreJapanese_AndAnUnknownCodeIsNotShownAsItself()
    {
        Assert.Equal("成功", AuditLabels.Outcome("ok"));
        Assert.Equal("拒否", AuditLabels.Outcome("refused"));
        Assert.Equal("失敗", AuditLabels.Outcome("Failed"));
        Assert.DoesNotContain("mystery", AuditLabels.Action("mystery.action"));
    }

    [GeneratedRegex("""(?:w\.Run\(actor, |RunAsync\(actor, |Administer\(actor, userId, |\.Record\([^";]*?)"(?<code>[a-z][a-z.-]*)"\s*,""")]
    private static partial Regex ActionCode();
}
