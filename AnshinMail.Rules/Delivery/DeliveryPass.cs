namespace AnshinMail.Rules.Delivery;

/// <summary>What one pass of the runner did.</summary>
public sealed record DeliveryPass(int Delivered, int Failed, int BatchesDone, string? Error);

/// <summary>A pass's running totals, shared by its connections.</summary>
internal sealed class PassCounters
{
    private int _delivered, _failed, _batches;
    public string? Error { get; set; }
    public int Delivered => _delivered;
    public int Failed => _failed;
    public int Batches => _batches;

    public void Add(int delivered, int failed)
    {
        Interlocked.Add(ref _delivered, delivered);
        Interlocked.Add(ref _failed, failed);
        Interlocked.Increment(ref _batches);
    }
}
