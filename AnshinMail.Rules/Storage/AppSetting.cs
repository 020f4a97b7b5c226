namespace AnshinMail.Rules.Storage;

/// <summary>A value the installation keeps for itself (e.g. the key that signs subscription links).</summary>
public sealed class AppSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
