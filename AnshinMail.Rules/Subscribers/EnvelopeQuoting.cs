using System.Buffers;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// T5: the SmtpServer package refuses (501) <c>MAIL FROM:&lt;taro.@docomo.ne.jp&gt;</c>, an address a carrier
/// issued before RFC rules, when an MTA forwards it unquoted. This listener factory hands the server a pipe that
/// quotes such a local part in MAIL FROM and RCPT TO (<c>"taro."@docomo.ne.jp</c>, which it accepts) and passes
/// everything else, message data included, through unchanged.
/// </summary>
internal sealed class EnvelopeQuotingListenerFactory : IEndpointListenerFactory
{
    private readonly EndpointListenerFactory _inner = new();

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) =>
        new Listener(_inner.CreateListener(endpointDefinition));

    private sealed class Listener(IEndpointListener inner) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken ct) =>
            new QuotingPipe(await inner.GetPipeAsync(context, ct));

        public void Dispose() => inner.Dispose();
    }
}

/// <summary>Reads the client's lines, quotes pre-RFC local parts in envelope commands, and skips message data.
/// </summary>
internal sealed partial class QuotingPipe : ISecurableDuplexPipe
{
    /// <summary>A line longer than this (message data only, in practice) is passed on in pieces, unread.</summary>
    private const int MaxLine = 8192;
    private readonly ISecurableDuplexPipe _inner;
    private readonly Pipe _pipe = new();
    private readonly CancellationTokenSource _stop = new();

    public QuotingPipe(ISecurableDuplexPipe inner)
    {
        _inner = inner;
        _ = PumpAsync();
    }

    public PipeReader Input => _pipe.Reader;
    public PipeWriter Output => _inner.Output;
    public bool IsSecure => _inner.IsSecure;
    public SslProtocols SslProtocol => _inner.SslProtocol;

    /// <summary>The listener offers no STARTTLS (it has no certificate); a pump over TLS is not needed.</summary>
    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken ct = default) =>
        throw new NotSupportedException("STARTTLS is not offered by the inbound listener.");

    public void Dispose()
    {
        _stop.Cancel();
        _inner.Dispose();
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        var (reader, writer) = (_inner.Input, _pipe.Writer);
        var (inData, midLine) = (false, false);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_stop.Token);
                var buffer = result.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } newline)
                {
                    var line = buffer.Slice(0, buffer.GetPosition(1, newline));
                    var bytes = line.ToArray();
                    if (!midLine && inData) inData = !IsDot(bytes);
                    else if (!midLine && IsData(bytes)) inData = true;
                    else if (!midLine) bytes = Quote(bytes);
                    midLine = false;
                    await writer.WriteAsync(bytes, _stop.Token);
                    buffer = buffer.Slice(line.End);
                }
                if (buffer.Length > MaxLine || (result.IsCompleted && buffer.Length > 0))
                {
                    await writer.WriteAsync(buffer.ToArray(), _stop.Token);
                    (midLine, buffer) = (true, buffer.Slice(buffer.End));
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted) break;
            }
            await writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await writer.CompleteAsync(e);
        }
    }

    private static bool IsData(byte[] line) =>
        Encoding.Latin1.GetString(line).Trim().Equals("DATA", StringComparison.OrdinalIgnoreCase);

    private static bool IsDot(byte[] line) => Encoding.Latin1.GetString(line).TrimEnd('\r', '\n') == ".";

    /// <summary>The line with a pre-RFC local part of MAIL FROM / RCPT TO quoted; any other line as it came.</summary>
    internal static byte[] Quote(byte[] line)
    {
        var text = Encoding.Latin1.GetString(line);
        if (Envelope().Match(text) is not { Success: true } m || !m.Groups[3].Value.All(MailAddresses.IsAtextOrDot))
            return line;
        var quoted = MailAddresses.Envelope($"{m.Groups[3].Value}@{m.Groups[4].Value}");
        return Encoding.Latin1.GetBytes($"{m.Groups[1].Value}{m.Groups[2].Value}<{quoted}>{m.Groups[5].Value}");
    }

    [GeneratedRegex(@"^(MAIL FROM:|RCPT TO:)(\s*)<([^<>""\s@]+)@([^<>\s]+)>(.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Envelope();
}
