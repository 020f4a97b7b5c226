using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Workflow;

/// <summary>
/// Y7.2, Y9.2: who may act on what, answered in one place for the operations, the views and the pages.
/// Pure: a person, a unit, the book; no storage, no clock. Whether an approval is valid under the regime
/// of the moment stays with the rules; this says whether the person is of the right kind at all.
/// </summary>
public sealed class UnitAccess(PolicyBook book)
{
    private static readonly Role[] Writers = [Role.Staff, Role.Assistant, Role.Distributor, Role.PrOfficer,
        Role.DutyOfficer];
    private static readonly Role[] Approvers = [Role.Distributor, Role.PrOfficer, Role.DutyOfficer];

    /// <summary>Y9.1: staff of a unit write drafts (and follow-ups, requests) for their own unit.</summary>
    public static bool MayWrite(Person actor) => Writers.Any(actor.Has);

    /// <summary>Y9.2: an approver of the unit (distributor, PR officer or duty officer) may approve or send
    /// back.</summary>
    public static bool MayApprove(Person actor, string unitId) => actor.UnitId == unitId && Approvers.Any(actor.Has);

    /// <summary>Y9.2 ただし書き: the distributor of the unit acknowledges after-the-fact reports and judges
    /// emergencies.</summary>
    public static bool MayJudge(Person actor, string unitId) => actor.UnitId == unitId && actor.Has(Role.Distributor);

    /// <summary>Y9.3: staff of the sending unit release an approved draft.</summary>
    public static bool MaySend(Person actor, string unitId) => actor.UnitId == unitId && MayWrite(actor);

    /// <summary>Y9.3: staff or approvers of the sending unit may stop what their unit released.</summary>
    public static bool MayCancel(Person actor, string unitId) => MaySend(actor, unitId) || MayApprove(actor, unitId);

    /// <summary>T3(2): at night the HQ duty desk (総合当直) takes distribution requests; its staff send them or forward
    /// them to the division in charge.</summary>
    public bool MayForward(Person actor, string toUnitId) =>
        actor.UnitId == toUnitId && toUnitId == book.Offices.DutyDeskUnit && MayWrite(actor);

    /// <summary>Y11.4: staff of a station share what it sent with a neighbouring station.</summary>
    public bool MayShare(Person actor, string unitId) =>
        MaySend(actor, unitId) && book.FindUnit(unitId) is { Kind: UnitKind.Station, Neighbours.Count: > 0 };

    /// <summary>Y11.1: a writer or approver of the draft's unit in doubt consults (疑義が生じた場合は協議).</summary>
    public static bool MayConsult(Person actor, string unitId) => MaySend(actor, unitId) || MayApprove(actor, unitId);

    /// <summary>Y7.2: a unit's work is read by that unit, the unit that asked for it, and the security
    /// manager.</summary>
    public bool MayRead(Person actor, string unitId, string? requestingUnitId = null) =>
        actor.UnitId == unitId || (requestingUnitId is not null && actor.UnitId == requestingUnitId)
        || actor.IsSecurityManager(book);

    /// <summary>Y12.3(2): abnormality reports are read by the security manager only.</summary>
    public bool MayReadAbnormalities(Person actor) => actor.IsSecurityManager(book);

    /// <summary>Y7.2: refuses (<see cref="PolicyRefusedException"/>) a person who holds no role that writes
    /// drafts.</summary>
    public static void RequireWriter(Person actor) =>
        Require(MayWrite(actor), "Y7.2", "role.not-staff", "配信文を扱えるのは所属の職員です。");

    /// <summary>Y7.2: refuses a person acting on another unit's work.</summary>
    public void RequireOwnUnit(Person actor, string unitId) =>
        Require(actor.UnitId == unitId, "Y7.2", "unit.other", $"他所属（{book.Unit(unitId).Name}）の業務は扱えません。自所属の業務に限られます。");

    /// <summary>Y7.2: refuses a person who may not read the unit's <paramref name="what"/> (see <see
    /// cref="MayRead"/>).</summary>
    public void RequireReader(Person actor, string unitId, string? requestingUnitId, string what) =>
        Require(MayRead(actor, unitId, requestingUnitId), "Y7.2", "unit.other",
            $"他所属（{book.Unit(unitId).Name}）の{what}は閲覧できません。");

    private static void Require(bool condition, string clause, string code, string message)
    {
        if (!condition) throw PolicyRefusedException.Because(clause, code, message);
    }
}
