using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// How posted values are read (issue 10: every bad input gets a Japanese answer on the form). The framework's own
/// messages about a value it cannot read ("The value 'x' is not valid for VictimAge.") are replaced by Japanese
/// ones, naming the field when it has a Japanese display name. Keys in jQuery's bracket syntax (a[b]) are not read:
/// no page posts them, and one with an unbalanced bracket made the framework throw (a 500 whose error page,
/// reading the same form again, failed too).
/// </summary>
public static class FormBinding
{
    public static void UseJapaneseFormBinding(this MvcOptions options)
    {
        options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((_, field) => Unreadable(field));
        messages.SetUnknownValueIsInvalidAccessor(Unreadable);
        messages.SetValueIsInvalidAccessor(_ => Unreadable(null));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Unreadable(null));
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Unreadable(null));
        messages.SetValueMustBeANumberAccessor(field =>
            Named(field) is { } name ? $"「{name}」は数値で入力してください。" : "数値で入力してください。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "数値で入力してください。");
        messages.SetMissingBindRequiredValueAccessor(field =>
            Named(field) is { } name ? $"「{name}」を入力してください。" : "値を入力してください。");
        messages.SetMissingKeyOrValueAccessor(() => "値を入力してください。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "送信された内容が空です。画面を開き直してください。");
        messages.SetValueMustNotBeNullAccessor(_ => "値を入力してください。"); // its argument is the value
    }

    /// <summary>
    /// A fixed choice as posted: one of its names, else an undefined value the library refuses in Japanese (a number
    /// is not a name: "1" would otherwise pick the second choice).
    /// </summary>
    public static T Choice<T>(string? posted) where T : struct, Enum =>
        Enum.TryParse<T>(posted, ignoreCase: false, out var value) && Enum.IsDefined(value)
            && !int.TryParse(posted, out _) ? value : (T)(object)(-1);

    private static string Unreadable(string? field) => Named(field) is { } name
        ? $"「{name}」の値を読み取れませんでした。選び直すか、入力し直してください。"
        : "入力された値を読み取れませんでした。選び直すか、入力し直してください。";

    /// <summary>The field's Japanese display name; a property name in code means nothing to staff.</summary>
    private static string? Named(string? field) => field is not null && field.Any(c => c > '\u007F') ? field : null;
}
