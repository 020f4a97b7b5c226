using System.Security.Cryptography;
using AnshinMail.Rules.Nodes;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// Each node runs the inbound listener; a mail the site's MTA hands to two of them (a retry after a timeout, or a
/// second MX) is handled by the node that records it first (<see cref="InboundMessage"/>, keyed by Message-ID):
/// one registration reply, one bounce count, never two.
/// </summary>
public sealed class InboundClaims(AnshinDbContext db, NodeOptions node, TimeProvider clock)
{
    /// <summary>How long a taken mail is remembered.</summary>
    public static readonly TimeSpan Remember = TimeSpan.FromDays(7);

    /// <summary>The mail's key: its Message-ID, or the SHA-256 of its bytes when it has none.</summary>
    public static string KeyOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
        {
            var id = "mid:" + message.MessageId.Trim();
            return id.Length <= 300 ? id : "mid-sha256:" + Hash(id);
        }
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
    }

    /// <summary>True when this node takes the mail; false when a node already did.</summary>
    public async Task<bool> TakeAsync(string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = now - Remember;
        await db.InboundMessages.Where(m => m.ReceivedAt < before).ExecuteDeleteAsync(ct);
        var row = db.InboundMessages.Add(new InboundMessage { Key = key, Node = node.Id, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // the key exists: another node (or an earlier delivery) has it
        }
        finally
        {
            row.State = EntityState.Detached;
        }
    }

    /// <summary>Handling failed: the MTA's retry may be taken again.</summary>
    public async Task ForgetAsync(string key) =>
        await db.InboundMessages.Where(m => m.Key == key).ExecuteDeleteAsync(CancellationToken.None);

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
