using MimeKit;

namespace AnshinMail.Rules.Delivery;

/// <summary>Writes each message as an .eml file in a folder (named by Message-ID, so a resend overwrites, never
/// doubles).</summary>
internal sealed class PickupTransport(string directory) : IMailTransport
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public string Describe() => $"pickup:{Directory}";

    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.FromResult<IMailSession>(new Session(Directory));
    }

    private sealed class Session(string directory) : IMailSession
    {
        public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct)
        {
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N"))
                .Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
            var path = Path.Combine(directory, name + ".eml");
            var temp = path + ".tmp";
            await message.WriteToAsync(temp, ct);
            File.Move(temp, path, overwrite: true);
            return SendResult.Accepted;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
