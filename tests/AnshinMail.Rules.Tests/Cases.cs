using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Tests;

/// <summary>Builds policy cases in the Nagano book: people, drafts and instants in Japan time.</summary>
public static class Cases
{
    public const string Station = "nagano-chuo";

    public static DateTimeOffset Jst(int y, int mo, int d, int h = 12, int mi = 0, int s = 0) =>
        new(y, mo, d, h, mi, s, TimeSpan.FromHours(9));

    /// <summary>A weekday afternoon inside working hours: Friday 27 Nov 2026, 14:00 JST.</summary>
    public static DateTimeOffset WorkingHours => Jst(2026, 11, 27, 14);

    public static Person Staff(string unit = Station, string id = "staff1") => new(id, unit, new HashSet<Role> { Role.Staff });
    public static Person Distributor(string unit = Station, string id = "head1") => new(id, unit, new HashSet<Role> { Role.Distributor, Role.Staff });
    public static Person PrOfficer(string unit = Station, string id = "pr1") => new(id, unit, new HashSet<Role> { Role.PrOfficer, Role.Staff });
    public static Person SecurityManager => new("sec1", TestBook.Book.Offices.SecurityManagerUnit, new HashSet<Role> { Role.SecurityManager });
    public static Person DutyOfficer(string unit = Station, string id = "duty1") => new(id, unit, new HashSet<Role> { Role.DutyOfficer, Role.Staff });

    public static AlertFields Fields => new()
    {
        Headline = "声かけ事案の発生",
        OccurredAt = Jst(2026, 11, 26, 15, 30),
        Place = "長野市大字鶴賀",
        WhatHappened = "下校中の女子児童が、男から声をかけられる事案が発生しました。",
        WordsSaid = "お菓子をあげるから車に乗らない",
        Person = new PersonInvolved { Sex = "男", Age = "40歳くらい", Clothing = "黒色のジャンパー" },
    };

    public static DraftFact Draft(
        string category = "child-safety", string unit = Station, Victim? victim = null,
        AlertFields? fields = null, string[]? areas = null, string author = "staff1",
        bool nearBorder = false, string? incidentArea = null, PhysicalHarm harm = PhysicalHarm.None)
    {
        var book = TestBook.Book;
        var u = book.Unit(unit);
        var f = fields ?? Fields;
        var targets = areas ?? (u.IsHq ? ["長野市北部"] : [u.Jurisdiction[0]]);
        var v = victim ?? (category == "child-safety" ? new Victim(10, Sex.Female) : null);
        return new DraftFact
        {
            Category = book.Category(category),
            Unit = u,
            AuthorId = author,
            Victim = v,
            Fields = f,
            TargetAreas = targets,
            NearBorder = nearBorder,
            IncidentArea = incidentArea,
            Harm = harm,
            ContentHash = ContentHash.Of(category, unit, null, f, targets, nearBorder, incidentArea, harm, v),
        };
    }

    public static IReadOnlySet<string> AllConfirmations =>
        TestBook.Book.PrivacyConfirmations.Select(c => c.Id).ToHashSet();

    public static IReadOnlySet<string> AllEmergencyConditions =>
        TestBook.Book.EmergencyConditions.Select(c => c.Id).ToHashSet();

    public static ApprovalFact Approval(Person approver, DraftFact draft, bool absent = false, IReadOnlySet<string>? confirmations = null) => new()
    {
        Approver = approver,
        DistributorAbsent = absent,
        Confirmations = confirmations ?? AllConfirmations,
        ContentHash = draft.ContentHash,
    };

    public static PolicyVerdict Evaluate(PolicyCase c) => TestBook.Engine.Evaluate(c);

    public static PolicyVerdict Preview(DraftFact draft, DateTimeOffset? at = null) =>
        Evaluate(new PolicyCase { Stage = PolicyStage.Draft, At = at ?? WorkingHours, Actor = Staff(draft.Unit.Id), Draft = draft });

    public static PolicyVerdict Approve(DraftFact draft, ApprovalFact approval, DateTimeOffset? at = null) =>
        Evaluate(new PolicyCase { Stage = PolicyStage.Approve, At = at ?? WorkingHours, Actor = approval.Approver, Draft = draft, Approval = approval });

    public static PolicyVerdict Send(DraftFact draft, ApprovalFact? approval, DateTimeOffset? at = null, EmergencyFact? emergency = null) =>
        Evaluate(new PolicyCase { Stage = PolicyStage.Send, At = at ?? WorkingHours, Actor = Staff(draft.Unit.Id), Draft = draft, Approval = approval, Emergency = emergency });
}
