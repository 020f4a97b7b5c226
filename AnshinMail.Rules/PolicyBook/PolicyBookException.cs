namespace AnshinMail.Rules.PolicyBooks;

/// <summary>A policy book that cannot be used: names the file, the JSON path and what is wrong.</summary>
public sealed class PolicyBookException(string file, string jsonPath, string problem, Exception? inner = null)
    : Exception($"{file}: {jsonPath}: {problem}", inner)
{
    /// <summary>The book's file as given to the loader.</summary>
    public string File { get; } = file;
    /// <summary>Where in the book the problem is, as a JSON path (e.g. <c>$.categories[2].template</c>).</summary>
    public string JsonPath { get; } = jsonPath;
    /// <summary>What is wrong, in Japanese, for the person who edits the book.</summary>
    public string Problem { get; } = problem;
}
