using System.Net;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Posts one corpus input into each field of a form in turn (a whole-form input once) and collects, instead of
/// stopping at the first, everything wrong: a 500 or the exception page, a 400 for input that is not transport
/// garbage, a refusal without a Japanese message, anything stored by a refused post, accepted text not stored as
/// typed, a stored value whose page then breaks.
/// </summary>
public static class BadInputCheck
{
    public static async Task Form(BadInputSite site, BadInputForm form, BadInput input)
    {
        var problems = new List<string>();
        string? before = null;
        foreach (var field in form.FieldsFor(input))
        {
            var url = await site.Target(form);
            before ??= await site.Snapshot();
            var (body, posted) = form.Fill(site, field, input);
            using var response = await site.Post(form.User, url, body);
            var html = await response.Content.ReadAsStringAsync();
            void Problem(string what) => problems.Add($"{form.Name} · {field} · {input.Name}: {what}");
            foreach (var what in BadInputAnswer.Broken(response.StatusCode, html)) Problem(what);

            var accepted = await Accepted(site, form, input, response, html, Problem);
            var after = await site.Snapshot();
            if ((!accepted || !form.Stores) && before != after)
                Problem($"{(accepted ? "a preview" : "a refused post")} stored something: {Difference(before, after)}");
            before = after;
            if (!accepted) continue;
            if (form.RefusesUnusable && input.Unusable && form.Kept.Contains(field))
                Problem("accepted a character a draft may not hold");
            if (form.Choices.Contains(field) && !input.Whole && !string.IsNullOrWhiteSpace(input.Text ?? input.Encoded)
                && BadInputAnswer.Messages(html).Count == 0)
                Problem("accepted a value the form does not offer");
            if (form.Kept.Contains(field) && form.Stored is { } stored && input.Text is { } text && !input.Whole
                && !(await stored(site, BadInputSite.IdIn(url))).Contains(text.Trim(), StringComparison.Ordinal))
                Problem("accepted, but not stored as typed");
            form.OnAccepted?.Invoke(site, posted);
            if (!form.Consumes) continue;
            site.UsedUp(form);
            before = null; // the next target is made by posting: the next snapshot is taken after it
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Whether the post was accepted; a refusal is a 200 saying why, or a 400 for transport garbage.</summary>
    private static async Task<bool> Accepted(BadInputSite site, BadInputForm form, BadInput input,
        HttpResponseMessage response, string html, Action<string> problem)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.Redirect or HttpStatusCode.RedirectMethod or HttpStatusCode.Found:
                var location = response.Headers.Location!.ToString();
                if (location.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
                    || location.StartsWith("/Error", StringComparison.OrdinalIgnoreCase))
                    problem($"redirected to {location}");
                var (client, _) = await site.Client(form.User);
                using (var next = await client.GetAsync(location))
                    foreach (var what in BadInputAnswer.Broken(next.StatusCode, await next.Content.ReadAsStringAsync()))
                        problem($"the page it led to ({location}): {what}");
                return true;
            case HttpStatusCode.BadRequest:
                if (!input.Transport) problem("a 400 for input that is not transport garbage");
                return false;
            case HttpStatusCode.OK:
                if (html.Contains(form.Accepted, StringComparison.Ordinal)) return true;
                if (BadInputAnswer.Messages(html).Count == 0) problem("a 200 that neither accepted nor said why");
                return false;
            default:
                problem($"status {(int)response.StatusCode}");
                return false;
        }
    }

    private static string Difference(string before, string after)
    {
        var was = before.Split('\n').ToHashSet();
        var changed = after.Split('\n').Where(line => !was.Contains(line)).Take(3);
        return BadInputAnswer.Shorten(string.Join(" | ", changed));
    }
}
