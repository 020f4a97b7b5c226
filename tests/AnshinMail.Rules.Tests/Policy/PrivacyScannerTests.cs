using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Tests.Policy;

/// <summary>
/// Y11.1 with a book whose lists hold a word and a longer word that starts with it (a prefecture may list both):
/// the warning quotes the whole match, the longer word, whatever order the book lists them in.
/// </summary>
public class PrivacyScannerTests
{
    private static PrivacyScanner Scanner(string[] honorifics, string[] schools) => new(new PrivacyCheckSettings
    {
        Honorifics = honorifics,
        HonorificExclusions = [],
        SchoolSuffixes = schools,
    });

    [Theory]
    [InlineData("様", "様方")]
    [InlineData("様方", "様")]
    public void Y11_1_LongerHonorific_IsQuotedWhole(string first, string second)
    {
        var found = Scanner([first, second], ["小学校"]).Scan(["鈴木様方の前で"], []).ToList();
        Assert.Equal("鈴木様方", Assert.Single(found, f => f.Code == "privacy.personal-name").Matched);
    }

    [Theory]
    [InlineData("学園", "学園高校")]
    [InlineData("学園高校", "学園")]
    public void Y11_1_LongerSchoolSuffix_IsQuotedWhole(string first, string second)
    {
        var found = Scanner(["さん"], [first, second]).Scan(["城山学園高校の生徒"], []).ToList();
        Assert.Equal("城山学園高校", Assert.Single(found, f => f.Code == "privacy.school-name").Matched);
    }
}
