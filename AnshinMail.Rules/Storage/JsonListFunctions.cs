using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace AnshinMail.Rules.Storage;

/// <summary>
/// Lists stored as JSON text (<c>AsJsonList</c>), queried in SQL on every provider: "the list holds this item" is
/// "the column contains the item's JSON text, quotes included" (instr on SQLite, strpos on PostgreSQL: exact and
/// case-sensitive, no LIKE wildcards). The JSON is written by one serializer, so an item has one spelling.
/// </summary>
internal static class JsonListFunctions
{
    private static readonly JsonSerializerOptions Json =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly MethodInfo HoldsMethod =
        typeof(JsonListFunctions).GetMethod(nameof(Holds), [typeof(List<string>), typeof(string)])!;

    /// <summary>True when <paramref name="list"/> holds the item written as <paramref name="jsonItem"/> (from
    /// <see cref="Item"/>); translated to SQL in queries, evaluated the same way in memory.</summary>
    public static bool Holds(List<string> list, string jsonItem) =>
        list.Contains(JsonSerializer.Deserialize<string>(jsonItem, Json)!);

    /// <summary>An item as the list column spells it (a JSON string, quotes included), for <see cref="Holds"/>.
    /// </summary>
    public static string Item(string item) => JsonSerializer.Serialize(item, Json);

    /// <summary>entity => its list holds one of <paramref name="items"/> (none: false), for a SQL <c>Where</c>.
    /// </summary>
    public static Expression<Func<T, bool>> HoldsAnyOf<T>(Expression<Func<T, List<string>>> list,
        IEnumerable<string> items)
    {
        var holds = typeof(JsonListFunctions).GetMethod(nameof(Holds))!;
        var body = items.Distinct().Select(item => (Expression)Expression.Call(holds, list.Body,
                Expression.Constant(Item(item))))
            .Aggregate((Expression?)null, (any, one) => any is null ? one : Expression.OrElse(any, one));
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), list.Parameters);
    }

    /// <summary>Registers the translation of <see cref="Holds"/> for the context's provider.</summary>
    internal static void Register(ModelBuilder modelBuilder, bool sqlite)
    {
        var integer = new IntTypeMapping(sqlite ? "INTEGER" : "integer");
        var boolean = new BoolTypeMapping(sqlite ? "INTEGER" : "boolean");
        modelBuilder.HasDbFunction(HoldsMethod).HasTranslation(args =>
            new SqlBinaryExpression(ExpressionType.GreaterThan,
                new SqlFunctionExpression(sqlite ? "instr" : "strpos", args, nullable: true,
                    argumentsPropagateNullability: [true, true], typeof(int), integer),
                new SqlConstantExpression(0, integer), typeof(bool), boolean));
    }
}
