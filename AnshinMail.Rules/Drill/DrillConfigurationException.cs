namespace AnshinMail.Rules.Drill;

/// <summary>The drill's settings cannot be read; the message says, in Japanese, which one and how to write
/// it.</summary>
public sealed class DrillConfigurationException(string message) : Exception(message);
