namespace AnshinMail.Rules.Templates;

/// <summary>
/// T3(1): 声かけ等の文言 as the templates print it. They put the words in 「」 themselves, so a pair staff typed
/// around them is taken off here, in the message and never in storage; and words that 発生状況 already quotes
/// are not printed a second time.
/// </summary>
internal static class WordsSaidText
{
    /// <summary>The pairs staff type around spoken words: Japanese brackets, straight and curly quotes.</summary>
    public static readonly IReadOnlyList<(char Open, char Close)> Pairs =
        [('「', '」'), ('『', '』'), ('"', '"'), ('“', '”'), ('＂', '＂')];

    /// <summary>The text inside every outer pair (「『…』」 too), without blanks around it; the rest unchanged.</summary>
    public static string Unquote(string text)
    {
        var s = text.Trim();
        while (s.Length >= 2 && Pairs.Any(p => s[0] == p.Open && s[^1] == p.Close))
            s = s[1..^1].Trim();
        return s;
    }

    /// <summary>What the template quotes: the unquoted words, or nothing when 発生状況 quotes them already.</summary>
    public static string ForMessage(string wordsSaid, string whatHappened)
    {
        var words = Unquote(wordsSaid);
        var quotedAlready = words.Length > 0
            && Pairs.Any(p => whatHappened.Contains(p.Open + words + p.Close, StringComparison.Ordinal));
        return quotedAlready ? "" : words;
    }
}
