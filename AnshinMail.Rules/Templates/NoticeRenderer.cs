using AnshinMail.Rules.PolicyBooks;
using Scriban;

namespace AnshinMail.Rules.Templates;

/// <summary>What a notice to a resident may say: the system's name, one link, how long it is valid.</summary>
public sealed record NoticeModel(string SystemName, string Url, int ValidHours = 0);

/// <summary>
/// What a notice to staff may say: who it is for, the unit, what happened, the subject (never the alert's text),
/// who acted and when, one link. Names, never login IDs.
/// </summary>
public sealed record StaffNoticeModel
{
    /// <summary>The service's name.</summary>
    public required string SystemName { get; init; }
    /// <summary>The recipient's name (never a login ID).</summary>
    public required string RecipientName { get; init; }
    /// <summary>The unit's Japanese name.</summary>
    public required string UnitName { get; init; }
    /// <summary>What kind of item it is, in Japanese (e.g. 配信要請); empty when the template says it.</summary>
    public string What { get; init; } = "";
    /// <summary>The subject of the draft or alert concerned, if any.</summary>
    public string Subject { get; init; } = "";
    /// <summary>The name of who acted.</summary>
    public required string PersonName { get; init; }
    /// <summary>When, in Japanese local time.</summary>
    public required string At { get; init; }
    /// <summary>The link to the item on the staff pages.</summary>
    public required string Url { get; init; }
}

/// <summary>The mails a resident gets about their registration (T5).</summary>
public enum Notice
{
    /// <summary>The link that confirms a new registration.</summary>
    Confirmation,
    /// <summary>The address is already registered: a link to its settings instead.</summary>
    AlreadyRegistered,
    /// <summary>T5 空メール登録: the reply to an empty mail, with the start link.</summary>
    RegistrationStart,
    /// <summary>The link that confirms a new address.</summary>
    AddressChange,
}

/// <summary>
/// Renders the notices to residents from the book's templates folder (<c>notices/*.sbn</c>, first line the
/// subject), parsed once; the model is data, never template code.
/// </summary>
public sealed class NoticeRenderer
{
    private readonly Dictionary<Notice, Template> _templates;
    private readonly Dictionary<Notice, Template> _easy;
    private readonly Dictionary<Storage.StaffNoticeKind, Template> _staff;

    /// <summary>Parses the notice templates of the book's <c>notices</c> folder once; a missing or broken one
    /// throws.</summary>
    public NoticeRenderer(PolicyBook book)
    {
        var dir = Path.Combine(book.TemplatesDirectory, "notices");
        _templates = new Dictionary<Notice, Template>
        {
            [Notice.Confirmation] = DataTemplate.Parse(Path.Combine(dir, "confirmation.sbn")),
            [Notice.AlreadyRegistered] = DataTemplate.Parse(Path.Combine(dir, "already-registered.sbn")),
            [Notice.RegistrationStart] = DataTemplate.Parse(Path.Combine(dir, "registration-start.sbn")),
            [Notice.AddressChange] = DataTemplate.Parse(Path.Combine(dir, "address-change.sbn")),
        };
        // やさしい日本語 variants are optional: a book's templates without them send the ordinary notice.
        _easy = Enum.GetValues<Notice>()
            .Select(n => (Notice: n, Path: Path.Combine(dir, "easy", Kebab(n.ToString()) + ".sbn")))
            .Where(x => File.Exists(x.Path))
            .ToDictionary(x => x.Notice, x => DataTemplate.Parse(x.Path));
        _staff = Enum.GetValues<Storage.StaffNoticeKind>().ToDictionary(k => k,
            k => DataTemplate.Parse(Path.Combine(dir, $"staff-{Kebab(k.ToString())}.sbn")));
    }

    /// <summary>A notice to a resident in their language (the ordinary one when the easy variant is missing).
    /// </summary>
    public RenderedMessage Render(Notice notice, NoticeModel model, NoticeLanguage language = NoticeLanguage.Ordinary)
        => Render(language == NoticeLanguage.Easy && _easy.TryGetValue(notice, out var easy)
            ? easy : _templates[notice], model);

    /// <summary>A notice to staff (templates/notices/staff-*.sbn).</summary>
    public RenderedMessage Render(Storage.StaffNoticeKind kind, StaffNoticeModel model) => Render(_staff[kind], model);

    private static RenderedMessage Render(Template template, object model)
    {
        var text = DataTemplate.Render(template, model);
        var newline = text.IndexOf('\n');
        return newline < 0
            ? new RenderedMessage(text, "")
            : new RenderedMessage(text[..newline].Trim(), text[(newline + 1)..] + "\n");
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}"
            : char.ToLowerInvariant(c).ToString()));
}
