namespace AnshinMail.Web.Tests;

/// <summary>
/// The Chromium tests run one class at a time (the rest of the suite still runs beside them): on a 2-core machine
/// several browsers, each with its own app host, starved one another until a click landed on a page still moving.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection
{
    public const string Name = "Chromium";
}

/// <summary>Debian's Chromium (never a downloaded browser), as every browser test starts it.</summary>
public static class ChromiumBrowser
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>Skips without Chromium, except when ANSHIN_REQUIRE_BROWSER=1 (set by .ci/run), where it fails.</summary>
    public static void RequireChromium()
    {
        var present = File.Exists(Executable);
        if (!present && Environment.GetEnvironmentVariable("ANSHIN_REQUIRE_BROWSER") == "1")
            Assert.Fail($"{Executable} is missing but this run requires the browser tests (apt-get install chromium).");
        Skip.IfNot(present, $"{Executable} is not installed (apt-get install chromium); browser tests skipped.");
    }

    /// <summary>
    /// The tests wait for events (a URL, a text, a download), never for a tight time box: on a busy machine a page
    /// may take long, so every wait may take up to two minutes before it counts as a failure.
    /// </summary>
    public static Task<Microsoft.Playwright.IBrowser> Launch(Microsoft.Playwright.IPlaywright playwright)
    {
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(120_000);
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            Timeout = 120_000,
        });
    }
}
