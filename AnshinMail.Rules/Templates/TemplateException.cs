namespace AnshinMail.Rules.Templates;

/// <summary>A template that does not parse or render; names the file.</summary>
public sealed class TemplateException(string file, string problem, Exception? inner = null)
    : Exception($"{file}: {problem}", inner)
{
    /// <summary>The template file, as an absolute path.</summary>
    public string File { get; } = file;
}
