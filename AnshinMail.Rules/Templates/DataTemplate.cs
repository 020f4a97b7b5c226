using System.Reflection;
using Scriban;
using Scriban.Runtime;

namespace AnshinMail.Rules.Templates;

/// <summary>
/// A book template whose model is data only: parsed once (a missing or broken file fails with its path), rendered
/// with strict variables and properties only, so a model's text is never template code.
/// </summary>
internal static class DataTemplate
{
    public static Template Parse(string path)
    {
        if (!File.Exists(path)) throw new TemplateException(path, "テンプレートがありません。");
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
            throw new TemplateException(path, string.Join("; ", template.Messages.Select(m => m.ToString())));
        return template;
    }

    /// <summary>The text with LF line ends and no blank lines at either end.</summary>
    public static string Render(Template template, object model)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext { StrictVariables = true, MemberFilter = m => m is PropertyInfo };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context).Replace("\r\n", "\n").Trim('\n');
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            throw new TemplateException(template.SourceFilePath ?? "(template)", e.Message, e);
        }
    }
}
