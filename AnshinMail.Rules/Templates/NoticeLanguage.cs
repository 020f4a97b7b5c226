namespace AnshinMail.Rules.Templates;

/// <summary>T5: the language a resident used on the resident pages, which the mails about their registration
/// follow.</summary>
public enum NoticeLanguage
{
    /// <summary>Ordinary Japanese (templates/notices/*.sbn).</summary>
    Ordinary,

    /// <summary>やさしい日本語 (templates/notices/easy/*.sbn where the book's templates have one, else ordinary); the
    /// links open the easy pages.</summary>
    Easy,
}

/// <summary>The links of a notice in its language.</summary>
public static class NoticeLinks
{
    /// <summary>A page's link that opens it in <paramref name="language"/> (the pages' <c>?easy=1</c>).</summary>
    public static string In(string url, NoticeLanguage language) =>
        language == NoticeLanguage.Easy ? url + "?easy=1" : url;
}
