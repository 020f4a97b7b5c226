using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Templates;

/// <summary>T5: the 利用規約 and 個人情報の取扱い pages, whose text is the book's (its templates folder).</summary>
public enum PageTextKind
{
    /// <summary>利用規約: the terms of use.</summary>
    Terms,
    /// <summary>個人情報の取扱い: the privacy statement.</summary>
    Privacy,
}

/// <summary>One block of a page text: a heading (<c>## </c>), a list item (<c>- </c>) or a paragraph.</summary>
public sealed record PageTextBlock(PageTextBlockKind Kind, string Text);

/// <summary>What a <see cref="PageTextBlock"/> is.</summary>
public enum PageTextBlockKind
{
    /// <summary>A heading (a line starting <c>## </c>).</summary>
    Heading,
    /// <summary>A list item (a line starting <c>- </c>).</summary>
    Item,
    /// <summary>A paragraph.</summary>
    Paragraph,
}

/// <summary>A rendered page text: the first line is its title.</summary>
public sealed record PageText(string Title, IReadOnlyList<PageTextBlock> Blocks);

/// <summary>
/// Renders the book's page texts once, at start (a missing or broken template fails fast). The model is the
/// book's names and sender, never user text; the result is plain text that the page escapes.
/// </summary>
public sealed class PageTextRenderer
{
    private readonly Dictionary<PageTextKind, PageText> _texts;

    /// <summary>Renders the book's terms and privacy texts once; a missing or broken template throws.</summary>
    public PageTextRenderer(PolicyBook book)
    {
        var model = new
        {
            SystemName = book.SystemName,
            Prefecture = book.Prefecture,
            SenderAddress = book.Sender.Address,
            SenderDomain = book.SenderDomain,
        };
        _texts = new()
        {
            [PageTextKind.Terms] = Render(Path.Combine(book.TemplatesDirectory, book.Registration.Terms), model),
            [PageTextKind.Privacy] = Render(Path.Combine(book.TemplatesDirectory, book.Registration.Privacy), model),
        };
    }

    /// <summary>The rendered page text of <paramref name="kind"/>.</summary>
    public PageText this[PageTextKind kind] => _texts[kind];

    private static PageText Render(string path, object model)
    {
        var text = DataTemplate.Render(DataTemplate.Parse(path), model);
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var blocks = lines.Skip(1).Where(l => l.Length > 0).Select(Block).ToList();
        return new PageText(lines[0], blocks);
    }

    private static PageTextBlock Block(string line) =>
        line.StartsWith("## ", StringComparison.Ordinal) ? new(PageTextBlockKind.Heading, line[3..].Trim())
        : line.StartsWith("- ", StringComparison.Ordinal) ? new(PageTextBlockKind.Item, line[2..].Trim())
        : new(PageTextBlockKind.Paragraph, line);
}
