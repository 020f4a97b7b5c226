using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using FsCheck;
using FsCheck.Fluent;

namespace AnshinMail.Rules.Tests.Arbitraries;

/// <summary>Generators for the policy's domain: instants in Japan time, people, categories, free text.</summary>
public static class PolicyArbitraries
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(9));

    /// <summary>Any second of 2025–2027, biased towards the policy's boundaries (05:59–06:00, 21:59–22:00, 17:15, 08:30).</summary>
    public static Gen<DateTimeOffset> Instant =>
        Gen.OneOf(
            Gen.Choose(0, 3 * 365 * 24 * 60 * 60 - 1).Select(s => Start.AddSeconds(s)),
            from day in Gen.Choose(0, 3 * 365 - 1)
            from edge in Gen.Elements(6 * 3600, 22 * 3600, 17 * 3600 + 15 * 60, 8 * 3600 + 30 * 60)
            from delta in Gen.Choose(-2, 1)
            select Start.AddDays(day).AddSeconds(edge + delta));

    public static Gen<CategoryDefinition> Category => Gen.Elements(TestBook.Book.Categories.ToArray());

    public static Gen<PhysicalHarm> Harm => Gen.Elements(PhysicalHarm.None, PhysicalHarm.Weapon, PhysicalHarm.DangerousAnimal, PhysicalHarm.Weapon | PhysicalHarm.DangerousAnimal);

    public static Gen<Person> Approver =>
        from id in Gen.Elements("head1", "pr1", "duty1", "staff2")
        from roles in Gen.SubListOf(Role.Distributor, Role.PrOfficer, Role.DutyOfficer, Role.Staff)
        from unit in Gen.Elements(Cases.Station, Cases.Station, Cases.Station, "suzaka")
        select new Person(id, unit, roles.ToHashSet());

    public static Gen<IReadOnlySet<string>> SubsetOf(IEnumerable<string> ids) =>
        Gen.SubListOf(ids.ToArray()).Select(l => (IReadOnlySet<string>)l.ToHashSet());

    /// <summary>Printable ASCII, Japanese, template syntax and markup, in any mix.</summary>
    public static Gen<string> FreeText =>
        Gen.Elements("{{", "}}", "{%", "%}", "<", ">", "&", "\"", "'", "\n", " ", "a", "Z", "9", "声", "かけ", "ｱ", "１", "－", "付近", "end", "{{ end }}", "$", "\\", "\t", "😀")
            .ListOf().Select(parts => string.Concat(parts));

    /// <summary>Everything the privacy scan (Y11.1) looks for, in half and full width, plus filler.</summary>
    public static Gen<string> PrivacyFragment =>
        Gen.Elements(
            "03-1234-5678", "０３－１２３４－５６７８", "090(1234)5678", "026-000-0101", "123番地", "5番10号",
            "1-2-3", "1-2付近", "三番地", "山田花子さん", "たろう君", "鈴木様", "皆さん", "城山小学校", "長野東高校",
            "から電話。", "には", "、", "。", " ", "\n", "付近", "国道18号", "お子さん");

    /// <summary>Field text built from repeated privacy fragments: the same number or school several times.</summary>
    public static Gen<string> PrivacyText =>
        from parts in PrivacyFragment.ListOf()
        from times in Gen.Choose(1, 3)
        select string.Concat(Enumerable.Repeat(string.Concat(parts), times));

    public static Gen<AlertFields> PrivacyFields =>
        from headline in PrivacyText
        from place in PrivacyText
        from what in PrivacyText
        from words in PrivacyText
        from advice in PrivacyText
        from clothing in PrivacyText
        select Cases.Fields with
        {
            Headline = headline,
            Place = place,
            WhatHappened = what,
            WordsSaid = words,
            Advice = advice,
            Person = new PersonInvolved { Clothing = clothing, Vehicle = what },
        };

    /// <summary>Candidate passwords: short and long, with and without letters and digits, some non-ASCII.</summary>
    public static Gen<string> Password =>
        Gen.Elements('a', 'Z', 'q', '1', '0', '9', '#', ' ', 'ａ', '１', 'あ', '_')
            .ArrayOf().Select(cs => new string(cs));
}
