using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Benchmarks;

/// <summary>A typical child-safety case at a station, in working hours.</summary>
internal sealed class SampleCases
{
    public SampleCases(PolicyBook book)
    {
        var fields = new AlertFields
        {
            Headline = "声かけ事案の発生",
            OccurredAt = new DateTimeOffset(2026, 11, 26, 15, 30, 0, TimeSpan.FromHours(9)),
            Place = "長野市大字鶴賀",
            WhatHappened = "下校中の女子児童が、男から声をかけられる事案が発生しました。",
            WordsSaid = "お菓子をあげるから車に乗らない",
            Person = new PersonInvolved { Sex = "男", Age = "40歳くらい", Clothing = "黒色のジャンパー" },
        };
        var victim = new Victim(10, Sex.Female);
        string[] areas = ["長野市北部", "信濃町"];
        Draft = new DraftFact
        {
            Category = book.Category("child-safety"),
            Unit = book.Unit("nagano-chuo"),
            AuthorId = "staff1",
            Victim = victim,
            Fields = fields,
            TargetAreas = areas,
            ContentHash = ContentHash.Of("child-safety", "nagano-chuo", null, fields, areas, false, null, PhysicalHarm.None, victim),
        };
        var at = new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.FromHours(9));
        var staff = new Person("staff1", "nagano-chuo", new HashSet<Role> { Role.Staff });
        var head = new Person("head1", "nagano-chuo", new HashSet<Role> { Role.Distributor });
        var approval = new ApprovalFact
        {
            Approver = head,
            Confirmations = book.PrivacyConfirmations.Select(c => c.Id).ToHashSet(),
            ContentHash = Draft.ContentHash,
        };
        SendCase = new PolicyCase { Stage = PolicyStage.Send, At = at, Actor = staff, Draft = Draft, Approval = approval };
        PreviewCase = new PolicyCase { Stage = PolicyStage.Draft, At = at, Actor = staff, Draft = Draft };
    }

    public DraftFact Draft { get; }
    public PolicyCase SendCase { get; }
    public PolicyCase PreviewCase { get; }
}

internal static class Repository
{
    public static string Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, relative)))
                    return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException(relative);
    }
}
