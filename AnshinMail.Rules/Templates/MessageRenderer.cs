using System.Reflection;
using AnshinMail.Rules.PolicyBooks;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AnshinMail.Rules.Templates;

/// <summary>
/// Renders messages from the book's Scriban templates. Templates are parsed once, at construction,
/// with their paths (a broken one fails here); each render gets a fresh, limited TemplateContext
/// that sees only the <see cref="MessageModel"/>. User text is a value, never parsed as template.
/// </summary>
public sealed class MessageRenderer
{
    private readonly Dictionary<string, Template> _categories;
    private readonly Template _resolution;
    private readonly Template _correction;
    private readonly Template _footer;

    /// <summary>Parses every template the book names (categories, follow-ups, footer) once; a broken one throws <see
    /// cref="TemplateException"/>.</summary>
    public MessageRenderer(PolicyBook book)
    {
        var dir = book.TemplatesDirectory;
        _categories = book.Categories.ToDictionary(c => c.Id, c => Parse(Path.Combine(dir, c.Template)));
        _resolution = Parse(Path.Combine(dir, book.FollowUpTemplates.Resolution));
        _correction = Parse(Path.Combine(dir, book.FollowUpTemplates.Correction));
        _footer = Parse(Path.Combine(dir, book.FollowUpTemplates.Footer));
    }

    /// <summary>The message of category <paramref name="categoryId"/> for <paramref name="model"/>, with the
    /// footer.</summary>
    public RenderedMessage Render(string categoryId, MessageModel model) =>
        Render(_categories.TryGetValue(categoryId, out var t) ? t : throw new KeyNotFoundException(categoryId), model);

    /// <summary>A resolution (解除) of an alert, from the book's resolution template.</summary>
    public RenderedMessage RenderResolution(MessageModel model) => Render(_resolution, model);

    /// <summary>A correction (訂正) of an alert, from the book's correction template.</summary>
    public RenderedMessage RenderCorrection(MessageModel model) => Render(_correction, model);

    private RenderedMessage Render(Template template, MessageModel model)
    {
        var withFooter = model with { Footer = Run(_footer, model).Trim('\n') };
        var text = Run(template, withFooter).Replace("\r\n", "\n").Trim('\n');
        var newline = text.IndexOf('\n');
        return newline < 0
            ? new RenderedMessage(text.Trim(), "")
            : new RenderedMessage(text[..newline].Trim(), text[(newline + 1)..].Trim('\n') + "\n");
    }

    private static string Run(Template template, MessageModel model)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = 50,
            RecursiveLimit = 10,
            LimitToString = 20_000,
            MemberFilter = m => m is PropertyInfo,
            EnableRelaxedMemberAccess = false,
        };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException(template.SourceFilePath ?? "(template)", e.Message, e);
        }
    }

    private static Template Parse(string path)
    {
        if (!File.Exists(path)) throw new TemplateException(path, "テンプレートファイルがありません。");
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
            throw new TemplateException(path, string.Join("; ", template.Messages.Select(m => m.ToString())));
        return template;
    }
}
