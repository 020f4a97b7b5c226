using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Templates;
using AnshinMail.Rules.Tests.Arbitraries;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Properties;

/// <summary>T4(2), Y6.3, Y10 and the templates as invariants.</summary>
public class PolicyProperties
{
    [Property(MaxTest = 300)]
    public Property YahooEligibility_MatchesItsDefinition()
    {
        var gen = from c in PolicyArbitraries.Category from h in PolicyArbitraries.Harm select (c, h);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var victim = x.c.Victim is null ? null : new Victim(x.c.Victim.MinAge ?? x.c.Victim.MaxAge, x.c.Victim.Sex);
            var v = Preview(Draft(x.c.Id, victim: victim, harm: x.h));
            var expected = x.c.Id is "child-safety" or "women-safety" || (x.c.Id == "crime-prevention" && x.h != PhysicalHarm.None);
            return v.YahooRelayEligible == expected;
        });
    }

    [Property(MaxTest = 500)]
    public Property PasswordAccepted_IffLongEnoughWithAsciiLetterAndDigit_NotCommon_NotTheUserId() =>
        Prop.ForAll(PolicyArbitraries.Password.ToArbitrary(), p =>
        {
            var v = Evaluate(new PolicyCase { Stage = PolicyStage.Administration, At = WorkingHours, Actor = Staff(), Password = new PasswordCandidate(p, false) });
            var expected = p.Length >= 8 && p.Any(char.IsAsciiLetter) && p.Any(char.IsAsciiDigit)
                && !TestBook.Book.PasswordPolicy.DeniedPasswords.Contains(p)
                && !p.Contains(Staff().Id, StringComparison.OrdinalIgnoreCase);
            return !v.Blocked == expected;
        });

    [Property(MaxTest = 500)]
    public Property Disposable_IffOnOrAfter1JanOfYearPlus2()
    {
        var gen = from year in Gen.Choose(2020, 2030) from at in PolicyArbitraries.Instant select (year, at);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var v = Evaluate(new PolicyCase
            {
                Stage = PolicyStage.Administration, At = x.at, Actor = Staff(),
                LedgerEntries = [new LedgerRecordFact("e", x.year)],
            });
            var localDate = TestBook.Calendar.LocalDate(x.at);
            return v.Disposable.Contains("e") == (localDate >= new DateOnly(x.year + 2, 1, 1));
        });
    }

    [Property(MaxTest = 200)]
    public Property EveryTemplate_RendersArbitraryText_Intact_WithoutLeftoverTemplateCode()
    {
        var models = new MessageModelBuilder(TestBook.Book, TestBook.Calendar);
        var gen = from c in PolicyArbitraries.Category
                  from headline in PolicyArbitraries.FreeText
                  from what in PolicyArbitraries.FreeText
                  from words in PolicyArbitraries.FreeText
                  from place in PolicyArbitraries.FreeText
                  from kind in Gen.Elements("category", "resolution", "correction")
                  select (c, headline, what, words, place, kind);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var fields = Fields with { Headline = x.headline, WhatHappened = x.what, WordsSaid = x.words, Place = x.place };
            var model = models.For(Draft(x.c.Id, fields: fields, victim: new Victim(30, Sex.Female)), FollowUpKind.Correction, models.Original("件名", WorkingHours));
            var m = x.kind switch
            {
                "resolution" => TestBook.Renderer.RenderResolution(model),
                "correction" => TestBook.Renderer.RenderCorrection(model),
                _ => TestBook.Renderer.Render(x.c.Id, model),
            };
            var text = m.Subject + "\n" + m.Body;
            // The words as printed: the model takes typed brackets off (T3(1)).
            var rest = new[] { x.what.Trim('\n'), model.WordsSaid, x.place, MessageModelBuilder.OneLine(x.headline) }
                .Where(t => t.Length > 0).OrderByDescending(t => t.Length)
                .Aggregate(text, (acc, typed) => acc.Replace(typed, ""));
            return (m.Body.Contains(x.what.Trim('\n')) && !m.Subject.Contains('\n')
                    && !rest.Contains("{{") && !rest.Contains("}}"))
                .Label($"subject: {m.Subject}\nbody: {m.Body}\nrest: {rest}");
        });
    }
}
