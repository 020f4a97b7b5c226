using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Drafts;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>
/// The draft form as posted (strings as typed, so nothing is lost on an error); converted to a <see
/// cref="DraftInput"/>.
/// </summary>
public sealed class DraftForm
{
    [Required(ErrorMessage = "情報種別を選んでください。")]
    public string CategoryId { get; set; } = "";
    [StringLength(DraftValidation.HeadlineMax, ErrorMessage = "見出しは{1}文字以内で入力してください。")]
    public string? Headline { get; set; }
    /// <summary>datetime-local, in the book's time zone.</summary>
    public string? OccurredAt { get; set; }
    [StringLength(DraftValidation.TextMax, ErrorMessage = "{1}文字以内で入力してください。")] public string? Place { get; set; }
    [StringLength(DraftValidation.TextMax, ErrorMessage = "{1}文字以内で入力してください。")]
    public string? WhatHappened { get; set; }
    [StringLength(DraftValidation.TextMax, ErrorMessage = "{1}文字以内で入力してください。")] public string? WordsSaid { get; set; }
    [StringLength(200, ErrorMessage = "{1}文字以内で入力してください。")] public string? PersonSex { get; set; }
    [StringLength(200, ErrorMessage = "{1}文字以内で入力してください。")] public string? PersonAge { get; set; }
    [StringLength(200, ErrorMessage = "{1}文字以内で入力してください。")] public string? PersonHeight { get; set; }
    [StringLength(200, ErrorMessage = "{1}文字以内で入力してください。")] public string? PersonBuild { get; set; }
    [StringLength(500, ErrorMessage = "{1}文字以内で入力してください。")] public string? PersonClothing { get; set; }
    [StringLength(500, ErrorMessage = "{1}文字以内で入力してください。")] public string? PersonVehicle { get; set; }
    [StringLength(DraftValidation.TextMax, ErrorMessage = "{1}文字以内で入力してください。")] public string? Advice { get; set; }
    /// <summary>Y11.3: a correction's 誤 and 正.</summary>
    [StringLength(DraftValidation.TextMax, ErrorMessage = "{1}文字以内で入力してください。")] public string? Wrong { get; set; }
    [StringLength(DraftValidation.TextMax, ErrorMessage = "{1}文字以内で入力してください。")] public string? Right { get; set; }
    /// <summary>Y11.2: a resolution's 解除日時, datetime-local in the book's time zone.</summary>
    public string? ResolvedAt { get; set; }
    public List<string> Areas { get; set; } = [];
    public bool NearBorder { get; set; }
    public string? IncidentArea { get; set; }
    public bool Weapon { get; set; }
    public bool DangerousAnimal { get; set; }
    /// <summary>T4(2): その他身体に危害が及ぶおそれ, with its reason.</summary>
    public bool OtherHarm { get; set; }
    [StringLength(DraftValidation.HarmReasonMax, ErrorMessage = "{1}文字以内で入力してください。")]
    public string? HarmReason { get; set; }
    /// <summary>T3(2): the HQ division in charge of the case; empty: the category's.</summary>
    public string? DivisionInCharge { get; set; }
    [Range(0, 120, ErrorMessage = "被害者の年齢は0〜120で入力してください。")]
    public int? VictimAge { get; set; }
    public Sex? VictimSex { get; set; }

    public DraftInput ToInput(PolicyBook book) => new()
    {
        CategoryId = CategoryId,
        Fields = new AlertFields
        {
            Headline = Headline ?? "",
            OccurredAt = ParseLocal(book, OccurredAt),
            Place = Place ?? "",
            WhatHappened = WhatHappened ?? "",
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
        Harm = (Weapon ? PhysicalHarm.Weapon : PhysicalHarm.None)
            | (DangerousAnimal ? PhysicalHarm.DangerousAnimal : PhysicalHarm.None)
            | (OtherHarm ? PhysicalHarm.Other : PhysicalHarm.None),
        HarmReason = OtherHarm && !string.IsNullOrWhiteSpace(HarmReason) ? HarmReason : null,
        DivisionInCharge = string.IsNullOrWhiteSpace(DivisionInCharge) ? null : DivisionInCharge,
        VictimAge = VictimAge,
        VictimSex = VictimSex,
    };

    /// <summary>
    /// Y11.2, Y11.3: the input of the draft being edited. A follow-up's form shows only what its template prints
    /// (<see cref="FollowUpFormFields"/>): that is what is kept of the typed text; the category and the facts of
    /// the same case the rules read (victim, border, physical harm) stay as saved, since the form does not show them.
    /// </summary>
    public DraftInput ToInput(PolicyBook book, Draft? edited)
    {
        var typed = ToInput(book);
        if (edited?.FollowUpKind is not { } kind) return typed;
        var followUp = new FollowUpFields
        {
            Wrong = Wrong ?? "",
            Right = Right ?? "",
            ResolvedAt = ParseLocal(book, ResolvedAt),
        };
        var fields = FollowUpFormFields.Only(kind, typed.Fields with { FollowUp = followUp });
        return edited.ToInput() with { Fields = fields, TargetAreas = typed.TargetAreas };
    }

    public static DraftForm From(DraftInput d, PolicyBook book) => new()
    {
        CategoryId = d.CategoryId, Headline = d.Fields.Headline,
        OccurredAt = Local(book, d.Fields.OccurredAt), ResolvedAt = Local(book, d.Fields.FollowUp?.ResolvedAt),
        Wrong = d.Fields.FollowUp?.Wrong, Right = d.Fields.FollowUp?.Right,
        Place = d.Fields.Place,
        WhatHappened = d.Fields.WhatHappened,
        WordsSaid = d.Fields.WordsSaid,
        Advice = d.Fields.Advice,
        PersonSex = d.Fields.Person.Sex,
        PersonAge = d.Fields.Person.Age,
        PersonHeight = d.Fields.Person.Height,
        PersonBuild = d.Fields.Person.Build,
        PersonClothing = d.Fields.Person.Clothing, PersonVehicle = d.Fields.Person.Vehicle,
        Areas = d.TargetAreas.ToList(), NearBorder = d.NearBorder, IncidentArea = d.IncidentArea,
        Weapon = d.Harm.HasFlag(PhysicalHarm.Weapon), DangerousAnimal = d.Harm.HasFlag(PhysicalHarm.DangerousAnimal),
        OtherHarm = d.Harm.HasFlag(PhysicalHarm.Other), HarmReason = d.HarmReason,
        DivisionInCharge = d.DivisionInCharge,
        VictimAge = d.VictimAge, VictimSex = d.VictimSex,
    };

    public static DraftForm From(Draft d, PolicyBook book) => From(d.ToInput(), book);

    private static string? Local(PolicyBook book, DateTimeOffset? at) =>
        at is { } t
            ? TimeZoneInfo.ConvertTime(t, book.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)
            : null;

    /// <summary>
    /// A datetime-local value read in the book's zone; an unreadable one is dropped with a model error by the caller.
    /// </summary>
    public static DateTimeOffset? ParseLocal(PolicyBook book, string? text)
    {
        string[] formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        // A day's margin at both ends: the zone's offset (and a caller's "next day") must not leave DateTimeOffset's
        // range.
        if (local < DateTime.MinValue.AddDays(1) || local > DateTime.MaxValue.AddDays(-1))
            return null;
        return new DateTimeOffset(local, book.Zone.GetUtcOffset(local));
    }
}
