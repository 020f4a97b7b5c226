namespace AnshinMail.Rules.PolicyBooks;

/// <summary>A policy book that cannot be used: names the file, the JSON path and what is wrong.</summary>
public sealed class PolicyBookException(string file, string jsonPath, string problem, Exception? inner = null)
    : Exception($"{file}: {jsonPath}: {problem}", inner)
{
    public string File { get; } = file;
    public string JsonPath { get; } = jsonPath;
    public string Problem { get; } = problem;
}
