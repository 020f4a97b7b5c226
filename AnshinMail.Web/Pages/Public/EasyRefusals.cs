namespace AnshinMail.Web.Pages.Public;

/// <summary>
/// T5, やさしい日本語: the easy words of what the resident pages refuse, beside the pages' other easy texts. The
/// library's refusals are found by their code (its words stay the ordinary ones); the pages' own checks by their
/// words, which are the constants here.
/// </summary>
public static class EasyRefusals
{
    /// <summary>The sign-up form's check of an empty address.</summary>
    public const string EmailMissing = "メールアドレスを入力してください。";

    /// <summary>The sign-up form's check of an address over 254 characters (RFC 5321).</summary>
    public const string EmailTooLong = "メールアドレスが長すぎます。";

    /// <summary>The sign-up and settings forms' check of quiet hours that are not a time (a phone without a time
    /// picker sends what was typed).</summary>
    public const string QuietUnreadable = "控える時間帯は「22:00」のように時刻で入力してください。";

    /// <summary>A value the form could not read: only a changed (tampered) form sends one.</summary>
    public const string Unreadable =
        "{入|い}れた ものが {読|よ}めませんでした。もう {一度|いちど} {選|えら}ぶか、{入|い}れなおしてください。";

    private static readonly Dictionary<string, string> ByCode = new()
    {
        ["subscribe.address"] = "メールアドレスの {形|かたち}が {正|ただ}しくありません。もう {一度|いちど} {確|たし}かめてください。",
        ["subscribe.categories"] = "{受|う}け{取|と}る {情報|じょうほう}を 1つ{以上|いじょう} {選|えら}んでください。",
        ["subscribe.areas"] = "{受|う}け{取|と}る {地域|ちいき}を 1つ{以上|いじょう} {選|えら}んでください。",
        ["subscribe.quiet-hours"] = "メールを {送|おく}らない {時間|じかん}は、{始|はじ}めと {終|お}わりの {両方|りょうほう}を、"
            + "ちがう {時刻|じこく}で {入|い}れてください。",
        ["subscribe.address-same"] = "{今|いま}の メールアドレスと {同|おな}じです。",
        ["subscribe.address-taken"] = "この メールアドレスは、ほかの {登録|とうろく}で {使|つか}われています。"
            + "そちらの メールを やめてから、もう {一度|いちど} {変|か}えてください。",
        ["subscribe.mail"] = "{確認|かくにん}の メールを {送|おく}れませんでした。{少|すこ}し {待|ま}ってから、"
            + "もう {一度|いちど} {試|ため}してください。",
    };

    private static readonly Dictionary<string, string> ByCheck = new()
    {
        [EmailMissing] = "メールアドレスを {入|い}れてください。",
        [EmailTooLong] = "メールアドレスが {長|なが}すぎます。",
        [QuietUnreadable] = "メールを {送|おく}らない {時間|じかん}は、「22:00」のように {時刻|じこく}で {入|い}れてください。",
    };

    /// <summary>The easy words of a library refusal, by its code; null when the pages have none.</summary>
    public static string? For(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The easy words of one of the pages' own checks, by its ordinary words; null when none.</summary>
    public static string? ForCheck(string message) => ByCheck.GetValueOrDefault(message);
}
