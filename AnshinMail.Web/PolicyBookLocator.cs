namespace AnshinMail.Web;

/// <summary>Finds the policy book: the configured path, else rules/nagano.json above the content root or the
/// binaries.</summary>
public static class PolicyBookLocator
{
    public static string Find(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, contentRoot);
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "rules", "nagano.json");
                if (File.Exists(candidate)) return candidate;
            }
        throw new FileNotFoundException("政策ブック rules/nagano.json が見つかりません。設定 AnshinMail:PolicyBook で指定してください。");
    }
}
