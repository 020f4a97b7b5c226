using AnshinMail.Rules.Calendar;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Templates;

/// <summary>Builds the template model of a draft, in the book's local time.</summary>
public sealed class MessageModelBuilder(PolicyBook book, PolicyCalendar calendar)
{
    /// <summary>The template model of a draft (and of a follow-up of <paramref name="kind"/> referring to <paramref
    /// name="original"/>).</summary>
    public MessageModel For(DraftFact draft, FollowUpKind? kind = null, OriginalModel? original = null)
    {
        var f = draft.Fields;
        var p = f.Person;
        var followUp = f.FollowUp ?? new FollowUpFields();
        // T3(3): questions go to the unit that asked for the alert when it was sent on request.
        var contact = draft.RequestingUnit ?? draft.Unit;
        return new MessageModel
        {
            Prefecture = book.Prefecture,
            SystemName = book.SystemName,
            Category = draft.Category.Name,
            Headline = OneLine(f.Headline),
            OccurredAt = f.OccurredAt is { } at ? JapaneseDateText.DateTime(calendar.ToLocal(at)) : "",
            OccurredOn = f.OccurredAt is { } on ? JapaneseDateText.MonthDay(calendar.ToLocal(on)) : "",
            Place = f.Place,
            WhatHappened = f.WhatHappened,
            WordsSaid = WordsSaidText.ForMessage(f.WordsSaid, f.WhatHappened),
            Person = new PersonModel(p.Sex, p.Age, p.Height, p.Build, p.Clothing, p.Vehicle),
            Advice = f.Advice,
            Contact = new ContactModel(contact.Name, contact.Phone),
            Original = original,
            Wrong = followUp.Wrong,
            Right = followUp.Right,
            ResolvedAt = followUp.ResolvedAt is { } done ? JapaneseDateText.DateTime(calendar.ToLocal(done)) : "",
            FollowUpKind = KindName(kind),
        };
    }

    private static string KindName(FollowUpKind? kind) => kind switch
    {
        FollowUpKind.Resolution => "解除",
        FollowUpKind.Correction => "修正",
        FollowUpKind.Supplement => "補足",
        _ => "",
    };

    /// <summary>The headline goes into the subject line: line breaks become spaces.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>What a follow-up refers to: the original's subject and when it went out, in Japanese local
    /// time.</summary>
    public OriginalModel Original(string subject, DateTimeOffset sentAt) =>
        new(subject, JapaneseDateText.DateTime(calendar.ToLocal(sentAt)));
}
