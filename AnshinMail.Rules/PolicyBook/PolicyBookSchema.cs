using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace AnshinMail.Rules.PolicyBooks;

/// <summary>
/// The JSON Schema of a policy book, generated from the book's types with the loader's own serializer options, so
/// that an editor completes and checks keys the loader accepts (committed as <c>rules/policy-book.schema.json</c>).
/// </summary>
public static class PolicyBookSchema
{
    /// <summary>The file name books refer to with <c>"$schema"</c>, beside them in <c>rules/</c>.</summary>
    public const string FileName = "policy-book.schema.json";

    /// <summary>The schema as JSON (draft 2020-12).</summary>
    public static JsonNode Generate()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Transform,
        };
        var schema = PolicyBookJson.Options.GetJsonSchemaAsNode(typeof(PolicyBook), exporter).AsObject();
        var result = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "AnshinMail policy book",
            ["description"] = "都道府県警察の安心メール運用方針（配信時間・承認・情報種別・所属など）。",
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            result[key] = value;
        }
        return result;
    }

    /// <summary>The book's own text formats, which the converters enforce, as patterns.</summary>
    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        var pattern = type == typeof(TimeOnly) ? "^([01][0-9]|2[0-3]):[0-5][0-9]$"
            : type == typeof(DateOnly) ? "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
            : type == typeof(MonthDay) ? "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
            : null;
        return pattern is null ? schema : new JsonObject { ["type"] = "string", ["pattern"] = pattern };
    }
}
