using System.Diagnostics.Metrics;

namespace AnshinMail.Rules.Operations;

/// <summary>
/// The instruments the people on call watch (Meter "AnshinMail"): counters of this node's messages and relay errors,
/// the lag of each batch behind its alert's release, and gauges read from storage (the same on every node).
/// </summary>
public sealed class DeliveryMetrics
{
    /// <summary>The meter's name, for exporters.</summary>
    public const string MeterName = "AnshinMail";

    private readonly Counter<long> _delivered, _failed, _held, _relayErrors;
    private readonly Histogram<double> _batchLag;

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/> (or a meter of its own).</summary>
    public DeliveryMetrics(IMeterFactory? meters, StorageGauges gauges)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _delivered = meter.CreateCounter<long>("anshinmail.messages.delivered", "{message}",
            "Messages the relay accepted");
        _failed = meter.CreateCounter<long>("anshinmail.messages.failed", "{message}",
            "Messages refused by the relay or not sent");
        _held = meter.CreateCounter<long>("anshinmail.messages.held", "{message}",
            "Messages held for a subscriber's quiet hours");
        _relayErrors = meter.CreateCounter<long>("anshinmail.relay.errors", "{error}",
            "Connections to the relay that failed or broke off");
        _batchLag = meter.CreateHistogram<double>("anshinmail.batch.lag", "s",
            "Time from an alert's release to the checkpoint of each of its batches");
        meter.CreateObservableGauge("anshinmail.alerts.sending", () => gauges.Read().AlertsSending, "{alert}",
            "Alerts being fanned out now");
        meter.CreateObservableGauge("anshinmail.batches.unsent", () => gauges.Read().UnsentBatches, "{batch}",
            "Batches of sending alerts not yet checkpointed");
        meter.CreateObservableGauge("anshinmail.batches.oldest_unsent.age", () => gauges.Read().OldestUnsentSeconds,
            "s", "Age of the oldest unsent batch (since its alert was released); 0 when none");
        meter.CreateObservableGauge("anshinmail.messages.held.waiting", () => gauges.Read().HeldWaiting,
            "{message}", "Messages waiting for quiet hours to end");
    }

    /// <summary>A batch was checkpointed by this node.</summary>
    public void BatchDone(int delivered, int failed, int held, TimeSpan lag)
    {
        _delivered.Add(delivered);
        _failed.Add(failed);
        _held.Add(held);
        _batchLag.Record(Math.Max(0, lag.TotalSeconds));
    }

    /// <summary>A held message was released (delivered or failed).</summary>
    public void Released(int delivered, int failed)
    {
        _delivered.Add(delivered);
        _failed.Add(failed);
    }

    /// <summary>The relay could not be reached or the connection broke.</summary>
    public void RelayError() => _relayErrors.Add(1);
}
