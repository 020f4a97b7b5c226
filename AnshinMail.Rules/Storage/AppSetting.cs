namespace AnshinMail.Rules.Storage;

/// <summary>A value the installation keeps for itself (e.g. the key that signs subscription links).</summary>
public sealed class AppSetting
{
    /// <summary>The setting's name (e.g. the link-signing key's).</summary>
    public required string Key { get; set; }
    /// <summary>The setting's value, as text.</summary>
    public required string Value { get; set; }
}
