namespace AnshinMail.Rules.Nodes;

/// <summary>A delivery batch this node has claimed, of one alert.</summary>
internal sealed record ClaimedBatch(long Id, long AlertId);
