using MimeKit;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>Delivery status reports (RFC 3464) as a relay sends them; shared with the web tests.</summary>
public static class BounceReports
{
    /// <summary>An RFC 3464 report as a relay sends it, written out and read back as the listener reads it.</summary>
    public static MimeMessage Report(string action = "failed", string status = "5.1.1", string diagnostic = "smtp; 550 5.1.1 User unknown")
    {
        var delivery = new MessageDeliveryStatus();
        delivery.StatusGroups.Add(new HeaderList { { "Reporting-MTA", "dns; relay.example.jp" } });
        delivery.StatusGroups.Add(new HeaderList
        {
            { "Final-Recipient", "rfc822; b0@example.jp" }, { "Action", action }, { "Status", status }, { "Diagnostic-Code", diagnostic },
        });
        using var report = new MimeMessage { Subject = "Undelivered Mail Returned to Sender" };
        report.From.Add(MailboxAddress.Parse("mailer-daemon@relay.example.jp"));
        report.Body = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "The mail could not be delivered." }, delivery };
        var stream = new MemoryStream();
        report.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }
}
