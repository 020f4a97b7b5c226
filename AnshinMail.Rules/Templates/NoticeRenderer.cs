using System.Reflection;
using AnshinMail.Rules.PolicyBooks;
using Scriban;
using Scriban.Runtime;

namespace AnshinMail.Rules.Templates;

/// <summary>What a notice to a resident may say: the system's name, one link, how long it is valid.</summary>
public sealed record NoticeModel(string SystemName, string Url, int ValidHours = 0);

/// <summary>The mails a resident gets about their registration (T5).</summary>
public enum Notice { Confirmation, AlreadyRegistered, RegistrationStart, AddressChange }

/// <summary>
/// Renders the notices to residents from the book's templates folder (<c>notices/*.sbn</c>, first line the
/// subject), parsed once; the model is data, never template code.
/// </summary>
public sealed class NoticeRenderer
{
    private readonly Dictionary<Notice, Template> _templates;

    public NoticeRenderer(PolicyBook book)
    {
        var dir = Path.Combine(book.TemplatesDirectory, "notices");
        _templates = new Dictionary<Notice, Template>
        {
            [Notice.Confirmation] = Parse(Path.Combine(dir, "confirmation.sbn")),
            [Notice.AlreadyRegistered] = Parse(Path.Combine(dir, "already-registered.sbn")),
            [Notice.RegistrationStart] = Parse(Path.Combine(dir, "registration-start.sbn")),
            [Notice.AddressChange] = Parse(Path.Combine(dir, "address-change.sbn")),
        };
    }

    public RenderedMessage Render(Notice notice, NoticeModel model)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext { StrictVariables = true, MemberFilter = m => m is PropertyInfo };
        context.PushGlobal(globals);
        var template = _templates[notice];
        string text;
        try
        {
            text = template.Render(context).Replace("\r\n", "\n").Trim('\n');
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            throw new TemplateException(template.SourceFilePath ?? "(template)", e.Message, e);
        }
        var newline = text.IndexOf('\n');
        return newline < 0
            ? new RenderedMessage(text, "")
            : new RenderedMessage(text[..newline].Trim(), text[(newline + 1)..] + "\n");
    }

    private static Template Parse(string path)
    {
        if (!File.Exists(path)) throw new TemplateException(path, "テンプレートがありません。");
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
            throw new TemplateException(path, string.Join("; ", template.Messages.Select(m => m.ToString())));
        return template;
    }
}
