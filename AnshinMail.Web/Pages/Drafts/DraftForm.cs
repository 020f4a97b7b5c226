using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Drafts;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>The draft form as posted (strings as typed, so nothing is lost on an error); converted to a <see cref="DraftInput"/>.</summary>
public sealed class DraftForm
{
    [Required(ErrorMessage = "情報種別を選んでください。")]
    public string CategoryId { get; set; } = "";
    [StringLength(DraftValidation.HeadlineMax, ErrorMessage = "見出しは{1}文字以内で入力してください。")]
    public string? Headline { get; set; }
    /// <summary>datetime-local, in the book's time zone.</summary>
    public string? OccurredAt { get; set; }
    [StringLength(DraftValidation.TextMax, ErrorMessage = "発生場所は{1}文字以内で入力してください。")]
    public string? Place { get; set; }
    [StringLength(DraftValidation.TextMax, ErrorMessage = "発生状況は{1}文字以内で入力してください。")]
    public string? WhatHappened { get; set; }
    [StringLength(DraftValidation.TextMax, ErrorMessage = "声かけ等の文言は{1}文字以内で入力してください。")]
    public string? WordsSaid { get; set; }
    [StringLength(200, ErrorMessage = "行為者の性別は{1}文字以内で入力してください。")] public string? PersonSex { get; set; }
    [StringLength(200, ErrorMessage = "行為者の年齢は{1}文字以内で入力してください。")] public string? PersonAge { get; set; }
    [StringLength(200, ErrorMessage = "行為者の身長は{1}文字以内で入力してください。")] public string? PersonHeight { get; set; }
    [StringLength(200, ErrorMessage = "行為者の体格は{1}文字以内で入力してください。")] public string? PersonBuild { get; set; }
    [StringLength(500, ErrorMessage = "行為者の服装は{1}文字以内で入力してください。")] public string? PersonClothing { get; set; }
    [StringLength(500, ErrorMessage = "行為者の車両は{1}文字以内で入力してください。")] public string? PersonVehicle { get; set; }
    [StringLength(DraftValidation.TextMax, ErrorMessage = "呼びかけは{1}文字以内で入力してください。")]
    public string? Advice { get; set; }
    public List<string> Areas { get; set; } = [];
    [Display(Name = "隣接署との境界付近")] public bool NearBorder { get; set; }
    public string? IncidentArea { get; set; }
    [Display(Name = "刃物等を使用した凶悪犯罪")] public bool Weapon { get; set; }
    [Display(Name = "危険動物の出没")] public bool DangerousAnimal { get; set; }
    [Range(0, 120, ErrorMessage = "被害者の年齢は0〜120で入力してください。"), Display(Name = "被害者の年齢")]
    public int? VictimAge { get; set; }
    [Display(Name = "被害者の性別")] public Sex? VictimSex { get; set; }

    public DraftInput ToInput(PolicyBook book) => new()
    {
        CategoryId = CategoryId,
        Fields = new AlertFields
        {
            Headline = Headline ?? "", OccurredAt = ParseLocal(book, OccurredAt), Place = Place ?? "", WhatHappened = WhatHappened ?? "",
            WordsSaid = WordsSaid ?? "", Advice = Advice ?? "",
            Person = new PersonInvolved
            {
                Sex = PersonSex ?? "", Age = PersonAge ?? "", Height = PersonHeight ?? "", Build = PersonBuild ?? "",
                Clothing = PersonClothing ?? "", Vehicle = PersonVehicle ?? "",
            },
        },
        TargetAreas = Areas.Distinct().ToList(),
        NearBorder = NearBorder,
        IncidentArea = string.IsNullOrWhiteSpace(IncidentArea) ? null : IncidentArea,
        Harm = (Weapon ? PhysicalHarm.Weapon : PhysicalHarm.None) | (DangerousAnimal ? PhysicalHarm.DangerousAnimal : PhysicalHarm.None),
        VictimAge = VictimAge,
        VictimSex = VictimSex,
    };

    public static DraftForm From(DraftInput d, PolicyBook book) => new()
    {
        CategoryId = d.CategoryId, Headline = d.Fields.Headline,
        OccurredAt = d.Fields.OccurredAt is { } at ? TimeZoneInfo.ConvertTime(at, book.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null,
        Place = d.Fields.Place, WhatHappened = d.Fields.WhatHappened, WordsSaid = d.Fields.WordsSaid, Advice = d.Fields.Advice,
        PersonSex = d.Fields.Person.Sex, PersonAge = d.Fields.Person.Age, PersonHeight = d.Fields.Person.Height, PersonBuild = d.Fields.Person.Build,
        PersonClothing = d.Fields.Person.Clothing, PersonVehicle = d.Fields.Person.Vehicle,
        Areas = d.TargetAreas.ToList(), NearBorder = d.NearBorder, IncidentArea = d.IncidentArea,
        Weapon = d.Harm.HasFlag(PhysicalHarm.Weapon), DangerousAnimal = d.Harm.HasFlag(PhysicalHarm.DangerousAnimal),
        VictimAge = d.VictimAge, VictimSex = d.VictimSex,
    };

    public static DraftForm From(Draft d, PolicyBook book) => From(d.ToInput(), book);

    /// <summary>A datetime-local value read in the book's zone; an unreadable one is dropped with a model error by the caller.</summary>
    public static DateTimeOffset? ParseLocal(PolicyBook book, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        // A day's margin at both ends: the zone's offset (and a caller's "next day") must not leave DateTimeOffset's
        // range.
        if (local < DateTime.MinValue.AddDays(1) || local > DateTime.MaxValue.AddDays(-1))
            return null;
        return new DateTimeOffset(local, book.Zone.GetUtcOffset(local));
    }
}
