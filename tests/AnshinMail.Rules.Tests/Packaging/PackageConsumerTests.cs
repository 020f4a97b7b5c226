using System.Reflection;

namespace AnshinMail.Rules.Tests.Packaging;

/// <summary>
/// Issue 14, REQUIREMENTS' preamble (「Another prefecture must be able to adopt the library by writing its own policy
/// book and templates」): the library as a NuGet package, not a project reference. One pack into a local folder feed,
/// one restore and build of a consumer that references the package by version, one run.
/// </summary>
public sealed class PackageConsumerTests
{
    [Fact]
    public void Adoption_PackedLibrary_BuildsAConsumerThatLoadsTheBookEvaluatesAndRenders()
    {
        var root = Path.Combine(Path.GetTempPath(), "anshinmail-package-" + Guid.NewGuid().ToString("N"));
        // A version of its own per run: the consumer can only get the package just packed.
        var version = "1.0.0-consumer." + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var feed = Path.Combine(root, "feed");
            Pack(feed, Path.Combine(root, "nuspec"), version);
            Assert.True(File.Exists(Path.Combine(feed, $"AnshinMail.Rules.{version}.nupkg")), "no package in the feed");

            var consumer = Path.Combine(root, "consumer");
            ConsumerProject.Write(consumer, feed, version, Path.Combine(root, "packages"), MachinePackagesFolder());
            DotnetCommand.Run(consumer, "build", "-c", "Release", "-o", "out", "-nodeReuse:false");
            var output = DotnetCommand.Run(consumer, Path.Combine(consumer, "out", "Consumer.dll"));

            Assert.Contains("verdict: blocked=False send=Now", output);
            Assert.Contains(ConsumerProject.WhatHappened, output);
            Assert.Matches(@"book: (sample|nagano)\.json \S+", output);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Packs the library as this test run built it (no second build of it).</summary>
    private static void Pack(string feed, string nuspecFolder, string version)
    {
        var configuration = typeof(PackageConsumerTests).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(TestBook.RepositoryRoot, "AnshinMail.Rules", "AnshinMail.Rules.csproj");
        DotnetCommand.Run(TestBook.RepositoryRoot, "pack", project, "--no-build", "-c", configuration, "-o", feed,
            $"-p:PackageVersion={version}", $"-p:NuspecOutputPath={nuspecFolder}", "-nodeReuse:false");
    }

    /// <summary>Where this machine keeps the packages it restored (the repository's dependencies among them).</summary>
    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
