using AnshinMail.Rules.Storage;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// What the app checks before it listens; a failure is told plainly on stderr and ends the process (exit code 1).
/// </summary>
public static class Startup
{
    /// <summary>
    /// Y13: migrates the database; a damaged or locked one is named, with what to do, instead of a stack trace.
    /// </summary>
    public static bool TryMigrate(StorageOptions storage, TextWriter? error = null)
    {
        try
        {
            storage.Migrate();
            return true;
        }
        catch (DatabaseUnavailableException e)
        {
            (error ?? Console.Error).WriteLine(e.Message);
            return false;
        }
    }
}
