using System.Text.Json;
using System.Text.Json.Nodes;
using AnshinMail.Rules.PolicyBooks;
using Json.Schema;

namespace AnshinMail.Rules.Tests.PolicyBooks;

/// <summary>
/// The committed schema is the one the book's types give, and every book in rules/ refers to it and passes it, so an
/// adopter's editor checks keys, formats and enum values as the loader will.
/// Regenerate after changing the book's types: <c>ANSHIN_UPDATE_SCHEMA=1 dotnet test --filter PolicyBookSchema</c>.
/// </summary>
public class PolicyBookSchemaTests
{
    private static readonly string RulesFolder = Path.Combine(TestBook.RepositoryRoot, "rules");
    private static readonly string SchemaPath = Path.Combine(RulesFolder, PolicyBookSchema.FileName);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TheoryData<string> Books => new(Directory.GetFiles(RulesFolder, "*.json")
        .Where(f => Path.GetFileName(f) != PolicyBookSchema.FileName && LooksLikeABook(f))
        .Select(Path.GetFileName)!);

    private static bool LooksLikeABook(string file) => JsonNode.Parse(File.ReadAllText(file)) is JsonObject o
        && o.ContainsKey("prefecture");

    private static JsonSchema Committed() => JsonSchema.FromText(File.ReadAllText(SchemaPath));

    private static EvaluationResults Check(JsonNode book) =>
        Committed().Evaluate(JsonDocument.Parse(book.ToJsonString()).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void CommittedSchema_IsTheGeneratedOne()
    {
        var generated = PolicyBookSchema.Generate().ToJsonString(Indented) + "\n";
        if (Environment.GetEnvironmentVariable("ANSHIN_UPDATE_SCHEMA") == "1") File.WriteAllText(SchemaPath, generated);
        Assert.Equal(generated, File.ReadAllText(SchemaPath));
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void EveryBook_RefersToTheSchema_AndPassesIt(string file)
    {
        var book = JsonNode.Parse(File.ReadAllText(Path.Combine(RulesFolder, file)))!;
        Assert.Equal(PolicyBookSchema.FileName, (string?)book["$schema"]);
        var result = Check(book);
        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    [Theory]
    [InlineData("$", "colour", "\"red\"")]
    [InlineData("$.sendingHours", "end", "\"25:00\"")]
    [InlineData("$.dutySystem", "yearEndFrom", "\"13-40\"")]
    [InlineData("$.units[6]", "kind", "\"castle\"")]
    [InlineData("$.passwordPolicy", "minLength", "\"8\"")]
    public void ABrokenBook_FailsTheSchema(string at, string key, string value)
    {
        var node = BrokenBooks.Nagano();
        var target = at == "$" ? node : at switch
        {
            "$.units[6]" => node["units"]![6]!.AsObject(),
            _ => node[at[2..]]!.AsObject(),
        };
        target[key] = JsonNode.Parse(value);
        Assert.False(Check(node).IsValid);
    }

    [Fact]
    public void ARequiredKeyMissing_FailsTheSchema()
    {
        var node = BrokenBooks.Nagano();
        node.Remove("prefecture");
        Assert.False(Check(node).IsValid);
    }
}
