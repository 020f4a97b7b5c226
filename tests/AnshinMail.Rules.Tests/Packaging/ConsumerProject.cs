namespace AnshinMail.Rules.Tests.Packaging;

/// <summary>
/// A minimal program of another prefecture's system, written into a folder of its own: it references
/// AnshinMail.Rules by version from a local folder feed (plus the NuGet sources this machine restores from), loads
/// the policy book that came with the package (the sample book when the package has one, else Nagano's), evaluates
/// one draft and renders its message from the packaged templates.
/// </summary>
internal static class ConsumerProject
{
    /// <summary>The 発生状況 the consumer's draft carries; its rendered body must contain it.</summary>
    public const string WhatHappened = "パッケージから読み込んだ政策ブックで配信文を作成しました。";

    public static void Write(string dir, string feed, string version, string packagesFolder, string fallbackFolder)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AnshinMail.Rules" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        // The sources are not cleared: the consumer restores from the local feed and from whatever this machine's
        // NuGet configuration names. Dependencies already on the machine are taken from its packages folder
        // (read-only fallback); the package under test is extracted into a folder of its own, so that no
        // global cache ever holds a stale copy of it.
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="anshinmail-local" value="{feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{packagesFolder}" />
              </config>
              <fallbackPackageFolders>
                <add key="machine" value="{fallbackFolder}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), Program);
    }

    private const string ProgramText = """
        using AnshinMail.Rules.Policy;
        using AnshinMail.Rules.PolicyBooks;
        using AnshinMail.Rules.Templates;

        var rules = Path.Combine(AppContext.BaseDirectory, "rules");
        var path = Path.Combine(rules, "sample.json");
        if (!File.Exists(path)) path = Path.Combine(rules, "nagano.json");
        var book = PolicyBook.Load(path);
        var engine = new PolicyEngine(book);

        var station = book.Stations.First();
        var category = book.Categories.FirstOrDefault(c => c.Victim is null) ?? book.Categories[0];
        var author = new Person("consumer-staff", station.Id, new HashSet<Role> { Role.Staff });
        var fields = new AlertFields
        {
            Headline = "パッケージの確認",
            Place = station.Jurisdiction[0],
            WhatHappened = "<<WHAT>>",
            Advice = "戸締まりを確認しましょう。",
        };
        string[] areas = [station.Jurisdiction[0]];
        var draft = new DraftFact
        {
            Category = category,
            Unit = station,
            AuthorId = author.Id,
            Fields = fields,
            TargetAreas = areas,
            ContentHash = ContentHash.Of(category.Id, station.Id, null, fields, areas, false, null, PhysicalHarm.None,
                null),
        };
        // Noon on a Wednesday, Japan time: inside any prefecture's sending hours.
        var noon = new DateTime(2026, 11, 25, 12, 0, 0);
        var at = new DateTimeOffset(noon, book.Zone.GetUtcOffset(noon));
        var verdict = engine.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Draft,
            At = at,
            Actor = author,
            Draft = draft,
        });
        var model = new MessageModelBuilder(book, engine.Calendar).For(draft);
        var message = new MessageRenderer(book).Render(category.Id, model);

        Console.WriteLine($"book: {Path.GetFileName(path)} {book.Prefecture}");
        Console.WriteLine($"verdict: blocked={verdict.Blocked} send={verdict.Send?.Timing}");
        foreach (var block in verdict.Blocks) Console.WriteLine($"block: {block.Clause} {block.Message}");
        Console.WriteLine($"subject: {message.Subject}");
        Console.WriteLine(message.Body);
        """;

    private static string Program => ProgramText.Replace("<<WHAT>>", WhatHappened, StringComparison.Ordinal);
}
