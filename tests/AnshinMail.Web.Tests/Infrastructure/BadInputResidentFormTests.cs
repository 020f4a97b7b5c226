using System.Text.RegularExpressions;
using AnshinMail.Rules.Subscribers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// T5, issue 10: the bad-input corpus in the residents' forms (registration, settings, the empty-mail start page),
/// anonymous as residents are: never a 500, a Japanese message on the form, and no subscriber stored or changed by
/// a refused post.
/// </summary>
public sealed partial class BadInputResidentFormTests(BadInputResidentFormTests.Site site)
    : IClassFixture<BadInputResidentFormTests.Site>
{
    /// <summary>The demo; start links are asked for by empty mail from new addresses.</summary>
    public sealed class Site : BadInputSite
    {
        public Task<string> ManageToken() => Query(db =>
            db.Subscribers.Where(s => s.Email == "resident02@example.jp").Select(s => s.Token).SingleAsync());

        /// <summary>The personal start link the reply to an empty mail carries (single use).</summary>
        public async Task<string> StartLink()
        {
            var address = $"start{Next()}@example.jp";
            await Client(null); // the host runs
            using (var scope = App.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<EmptyMailRegistration>().ReplyAsync(address);
            var reply = App.Smtp.Accepted.Last(m => m.To.Mailboxes.Any(x => x.Address == address));
            return StartPath().Match(reply.TextBody ?? "").Value;
        }
    }

    private static readonly string[] Choice = ["Categories", "Areas", "Stations", "QuietFrom", "QuietTo"];

    private static IEnumerable<KeyValuePair<string, string>> Chosen(string area) =>
        [new("Categories", "child-safety"), new("Areas", area)];

    private static readonly BadInputForm[] Forms =
    [
        new("subscribe", null)
        {
            Target = _ => Task.FromResult("/subscribe"),
            Valid = s => [new("Email", $"resident-corpus{s.Next()}@example.jp"), .. Chosen(BadInputSite.QuietArea)],
            Fields = ["Email", .. Choice],
            Whole = "Email",
            Repeated = "Areas",
            Choices = new HashSet<string> { "Email", "Categories", "Areas" },
        },
        new("subscribe/manage/{token} Save", null)
        {
            Target = async s => $"/subscribe/manage/{await ((Site)s).ManageToken()}?handler=Save",
            Valid = _ => Chosen("長野市北部"),
            Fields = [.. Choice, "Paused"],
            Whole = "Categories",
            Repeated = "Areas",
            Choices = new HashSet<string> { "Categories", "Areas" },
        },
        new("subscribe/manage/{token} Address", null)
        {
            // Issue 16: a change of address stores only the address waiting for its link.
            Target = async s => $"/subscribe/manage/{await ((Site)s).ManageToken()}?handler=Address",
            Valid = s => [new("NewEmail", $"moved{s.Next()}@example.jp")],
            Fields = ["NewEmail"],
            Whole = "NewEmail",
        },
        new("subscribe/start/{token}", null)
        {
            Target = async s => await ((Site)s).StartLink(),
            Consumes = true,
            Valid = _ => Chosen(BadInputSite.QuietArea),
            Fields = Choice,
            Whole = "Categories",
            Repeated = "Areas",
            Choices = new HashSet<string> { "Categories", "Areas" },
        },
    ];

    public static TheoryData<string, string> Cases => BadInputCorpus.Pairs(Forms);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task T5_ResidentForms_AnswerEveryBadInput_InJapanese_AndStoreNoSubscriberOnARefusal(
        string form, string input) =>
        BadInputCheck.Form(site, Forms.Single(f => f.Name == form), BadInputCorpus.Named(input));

    [GeneratedRegex(@"/subscribe/start/[A-Za-z0-9_\-\.]+")]
    private static partial Regex StartPath();
}
