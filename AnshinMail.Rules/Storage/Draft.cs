using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;

namespace AnshinMail.Rules.Storage;

/// <summary>Where a draft (配信文（案）) is in its life, from writing to release.</summary>
public enum DraftStatus
{
    /// <summary>Being written; the author may still change it.</summary>
    Writing,
    /// <summary>Y9.2: submitted for approval.</summary>
    Submitted,
    /// <summary>Y9.2: approved; it may be sent.</summary>
    Approved,
    /// <summary>Y9.2: returned to the author with a reason.</summary>
    Rejected,
    /// <summary>Sent or scheduled as an alert.</summary>
    Released,
}

/// <summary>配信文（案）: the message before approval; every save is kept as a <see cref="DraftVersion"/>.</summary>
public sealed class Draft
{
    /// <summary>The draft's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The id of its category in the policy book.</summary>
    public required string CategoryId { get; set; }
    /// <summary>The unit that sends it (and whose approvers approve it).</summary>
    public required string UnitId { get; set; }
    /// <summary>T3(3): the station that asked for it when an HQ division took a distribution request over.</summary>
    public string? RequestingUnitId { get; set; }
    /// <summary>The user ID of its author.</summary>
    public required string AuthorId { get; set; }
    /// <summary>The text fields the template renders (subject, what happened, where, advice…).</summary>
    public required AlertFields Fields { get; set; }
    /// <summary>The areas it is to go to.</summary>
    public List<string> TargetAreas { get; set; } = [];
    /// <summary>Y11.4: the incident happened near the border with a neighbouring station.</summary>
    public bool NearBorder { get; set; }
    /// <summary>Y11.4: the area where it happened, when known.</summary>
    public string? IncidentArea { get; set; }
    /// <summary>T4(2): whether and how someone was physically harmed (decides the Yahoo!防災速報 relay).</summary>
    public PhysicalHarm Harm { get; set; }
    /// <summary>T4(2): the reason of an 「その他」 physical harm.</summary>
    public string? HarmReason { get; set; }
    /// <summary>T3(2): the HQ division in charge of the case; null: the category's. Routing, not text: outside the
    /// content hash.</summary>
    public string? DivisionInCharge { get; set; }
    /// <summary>Y8: the victim's age, when known.</summary>
    public int? VictimAge { get; set; }
    /// <summary>Y8: the victim's sex, when known.</summary>
    public Sex? VictimSex { get; set; }
    /// <summary>Y11.2, Y11.3: the kind of follow-up, when the draft is one.</summary>
    public FollowUpKind? FollowUpKind { get; set; }
    /// <summary>The alert it follows up, when it is a follow-up.</summary>
    public long? FollowUpOfAlertId { get; set; }
    /// <summary>The distribution request this draft answers, when an HQ division took one over.</summary>
    public long? FromRequestId { get; set; }
    /// <summary>Where it is in its life (see <see cref="DraftStatus"/>); changed only by its own methods.</summary>
    public DraftStatus Status { get; private set; }
    /// <summary>Its version number; every save adds one and keeps a <see cref="DraftVersion"/>.</summary>
    public int Version { get; private set; }
    /// <summary>The hash of its content, as approvals and the ledger record it.</summary>
    public required string ContentHash { get; set; }
    /// <summary>Y9.2: why it was rejected, when it was.</summary>
    public string? RejectionReason { get; set; }
    /// <summary>Y10: its ledger entry, once approved.</summary>
    public long? LedgerEntryId { get; set; }
    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When it was last saved or changed state.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Y8: the victim as the policy reads it; null when neither age nor sex is recorded.</summary>
    public Victim? Victim => VictimAge is null && VictimSex is null ? null : new Victim(VictimAge, VictimSex);

    /// <summary>The hash of the content an approval covers (category, units, fields, areas, harm, victim); see <see
    /// cref="Policy.ContentHash"/>.</summary>
    public string ComputeHash() =>
        Policy.ContentHash.Of(
            CategoryId, UnitId, RequestingUnitId, Fields, TargetAreas, NearBorder, IncidentArea, Harm, Victim,
            HarmReason);

    /// <summary>Y9.1: a new draft of the author's unit, version 1; a follow-up or a taken-over request says
    /// so.</summary>
    public static Draft Write(Person author, DraftInput input, DateTimeOffset now, DraftOrigin? origin = null)
    {
        var draft = new Draft
        {
            CategoryId = input.CategoryId,
            UnitId = author.UnitId,
            AuthorId = author.Id,
            Fields = input.Fields,
            RequestingUnitId = origin?.RequestingUnitId,
            FollowUpOfAlertId = origin?.FollowUpOfAlertId,
            FollowUpKind = origin?.FollowUpKind,
            FromRequestId = origin?.FromRequestId,
            Status = DraftStatus.Writing,
            Version = 1,
            ContentHash = "",
            CreatedAt = now,
            UpdatedAt = now,
        };
        draft.Apply(input);
        draft.ContentHash = draft.ComputeHash();
        return draft;
    }

    /// <summary>
    /// Y9.3: an edit that changes the content makes a new version that no approval covers yet; the same
    /// content again changes nothing. A released draft is not edited; a follow-up keeps its category (Y11.3).
    /// </summary>
    public bool Revise(DraftInput input, DateTimeOffset now)
    {
        Refusal.Require(Status != DraftStatus.Released, "Y9.3", "draft.released",
            "配信済み（予約済み）の配信文は変更できません。修正・補足を作成してください。");
        Refusal.Require(CategoryId == input.CategoryId || FollowUpOfAlertId is null, "Y11.3", "follow-up.category",
            "解除・修正・補足の情報種別は元の配信と同じです。");
        CategoryId = input.CategoryId;
        Apply(input);
        var hash = ComputeHash();
        if (hash == ContentHash) return false;
        ContentHash = hash;
        Version++;
        Status = DraftStatus.Writing;
        RejectionReason = null;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Whether this input would change what was approved (the content hash).</summary>
    public bool Changes(DraftInput input) => ContentHash != Policy.ContentHash.Of(
        input.CategoryId, UnitId, RequestingUnitId, input.Fields, input.TargetAreas.ToList(), input.NearBorder,
        input.IncidentArea, input.Harm,
        input.VictimAge is null && input.VictimSex is null ? null : new Victim(input.VictimAge, input.VictimSex),
        input.HarmReason);

    /// <summary>Y9.3: a draft whose alert is still held for its time is opened again for editing (its schedule was
    /// cancelled).</summary>
    public void Reopen(DateTimeOffset now)
    {
        Refusal.Require(Status == DraftStatus.Released, "Y9.3", "draft.not-released", "この配信文（案）は配信（予約）されていません。");
        Move(DraftStatus.Writing, now);
    }

    /// <summary>Y9.2: handed to the approvers.</summary>
    public void Submit(DateTimeOffset now)
    {
        Refusal.Require(Status is DraftStatus.Writing or DraftStatus.Rejected, "Y9.2", "draft.not-writing",
            "この配信文（案）は既に提出されています。");
        Move(DraftStatus.Submitted, now);
    }

    /// <summary>Y9.2: this version is approved (the rules have said by whom it may be).</summary>
    public void Approve(DateTimeOffset now)
    {
        Refusal.Require(Status is DraftStatus.Writing or DraftStatus.Submitted or DraftStatus.Rejected, "Y9.2",
            "draft.not-approvable",
            Status == DraftStatus.Approved ? "この版は既に承認されています。" : "配信済み（予約済み）の配信文は承認できません。");
        Move(DraftStatus.Approved, now);
    }

    /// <summary>Y9.2: sent back to the writer with a reason.</summary>
    public void Reject(string reason, DateTimeOffset now)
    {
        Refusal.Require(!string.IsNullOrWhiteSpace(reason) && reason.Length <= 1000, "Y9.2", "draft.reject-reason",
            "差し戻しの理由を1000文字以内で入力してください。");
        StaffText.RequireUsable(reason, "差し戻しの理由", "Y9.2", "draft.reject-reason-character");
        Refusal.Require(Status is DraftStatus.Writing or DraftStatus.Submitted or DraftStatus.Approved, "Y9.2",
            "draft.not-rejectable",
            "この配信文（案）は差し戻せません。");
        Move(DraftStatus.Rejected, now);
        RejectionReason = reason.Trim();
    }

    /// <summary>Y9.3: released once, to go out now or at its time.</summary>
    public void Release(DateTimeOffset now)
    {
        Refusal.Require(Status != DraftStatus.Released, "Y9.3", "send.already", "この配信文は既に配信（予約）されています。");
        // Y9.2: a sending-back voids the approval it followed, even when the content is unchanged (the approval row
        // stays on the ledger, so the content hash alone would still match); resubmitted, it awaits a new approval.
        Refusal.Require(Status != DraftStatus.Rejected, "Y9.2", "send.sent-back",
            "差し戻された配信文（案）は配信できません。修正して、改めて承認を受けてください。");
        Refusal.Require(Status != DraftStatus.Submitted, "Y9.2", "send.awaiting-approval",
            "承認待ちの配信文（案）は配信できません。承認を受けてから配信してください。");
        Move(DraftStatus.Released, now);
    }

    /// <summary>What the form shows to edit this draft again.</summary>
    public DraftInput ToInput() => new()
    {
        CategoryId = CategoryId,
        Fields = Fields,
        TargetAreas = TargetAreas,
        NearBorder = NearBorder,
        IncidentArea = IncidentArea,
        Harm = Harm,
        HarmReason = HarmReason,
        DivisionInCharge = DivisionInCharge,
        VictimAge = VictimAge,
        VictimSex = VictimSex,
    };

    private void Apply(DraftInput input)
    {
        Fields = input.Fields;
        TargetAreas = input.TargetAreas.ToList();
        NearBorder = input.NearBorder;
        IncidentArea = input.IncidentArea;
        Harm = input.Harm;
        HarmReason = input.Harm.HasFlag(PhysicalHarm.Other) ? input.HarmReason?.Trim() : null;
        DivisionInCharge = input.DivisionInCharge;
        VictimAge = input.VictimAge;
        VictimSex = input.VictimSex;
    }

    private void Move(DraftStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
    }
}

/// <summary>Where a draft comes from when it is not a plain new alert: a follow-up of a sent alert, or a request taken
/// over.</summary>
public sealed record DraftOrigin(
    string? RequestingUnitId = null, long? FollowUpOfAlertId = null, FollowUpKind? FollowUpKind = null,
    long? FromRequestId = null);

