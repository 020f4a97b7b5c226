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
    public required string SystemName { get; init; }
    public required string RecipientName { get; init; }
    public required string UnitName { get; init; }
    public string What { get; init; } = "";
    public string Subject { get; init; } = "";
    public required string PersonName { get; init; }
    public required string At { get; init; }
    public required string Url { get; init; }
}

/// <summary>The mails a resident gets about their registration (T5).</summary>
public enum Notice
{
    Confirmation,
    AlreadyRegistered,
    RegistrationStart,
    AddressChange,
}

/// <summary>
/// Renders the notices to residents from the book's templates folder (<c>notices/*.sbn</c>, first line the
/// subject), parsed once; the model is data, never template code.
/// </summary>
public sealed class NoticeRenderer
{
    private readonly Dictionary<Notice, Template> _templates;
    private readonly Dictionary<Storage.StaffNoticeKind, Template> _staff;

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
        _staff = Enum.GetValues<Storage.StaffNoticeKind>().ToDictionary(k => k,
            k => DataTemplate.Parse(Path.Combine(dir, $"staff-{Kebab(k.ToString())}.sbn")));
    }

    public RenderedMessage Render(Notice notice, NoticeModel model) => Render(_templates[notice], model);

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
