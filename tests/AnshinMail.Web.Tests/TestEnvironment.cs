using System.Runtime.CompilerServices;

namespace AnshinMail.Web.Tests;

/// <summary>
/// Every test starts its own web host, and each host watches its content and configuration files. With inotify
/// that is a few instances per host, and Linux allows 128 per user: a full run ran out. Polling watchers need none.
/// </summary>
internal static class TestEnvironment
{
    [ModuleInitializer]
    internal static void PollFileChanges() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
