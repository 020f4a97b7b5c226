using AnshinMail.Rules.Calendar;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Tests.Arbitraries;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Properties;

/// <summary>Y9.2–Y9.4 as invariants over arbitrary instants, approvals and emergency judgements.</summary>
public class SendingProperties
{
    private static SendingHours Hours => TestBook.Calendar.SendingHours;

    [Property(MaxTest = 500)]
    public Property SendingNow_ImpliesApprovedForThisContent_AndInsideHoursOrFullEmergencyByDistributor()
    {
        var gen =
            from at in PolicyArbitraries.Instant
            from edited in Gen.Elements(false, true)
            from approved in Gen.Elements(true, true, false)
            from emergency in Gen.OneOf(Gen.Constant<EmergencyFact?>(null),
                from who in PolicyArbitraries.Approver
                from conds in PolicyArbitraries.SubsetOf(AllEmergencyConditions)
                select (EmergencyFact?)new EmergencyFact(who, conds))
            select (at, edited, approved, emergency);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var original = Draft();
            var draft = c.edited ? Draft(fields: Fields with { Advice = "追記" }) : original;
            var approval = c.approved ? Approval(Distributor(), original) : null;
            var v = Send(draft, approval, c.at, c.emergency);
            var approvedForThis = approval is not null && approval.ContentHash == draft.ContentHash;
            var fullEmergency = c.emergency is { } e && e.DecidedBy.Has(Role.Distributor) && e.DecidedBy.UnitId == draft.Unit.Id
                && AllEmergencyConditions.IsSubsetOf(e.Conditions);
            return !v.MaySendNow || (approvedForThis && (Hours.Contains(c.at) || fullEmergency));
        });
    }

    [Property(MaxTest = 500)]
    public Property HeldSendTime_IsTheEarliest0600AfterNow() =>
        Prop.ForAll(PolicyArbitraries.Instant.Where(at => !Hours.Contains(at)).ToArbitrary(), at =>
        {
            var d = Draft();
            var v = Send(d, Approval(Distributor(), d), at);
            var held = v.Send!.At;
            var local = TestBook.Calendar.ToLocal(held);
            return v.Send.Timing == SendTiming.Hold
                && held > at
                && local.TimeOfDay == TimeSpan.FromHours(6)
                && held - at <= TimeSpan.FromHours(8)
                && !Hours.Contains(held.AddSeconds(-1))
                && Hours.Contains(held);
        });

    [Property(MaxTest = 500)]
    public Property InsideHours_ApprovedSendGoesNow() =>
        Prop.ForAll(PolicyArbitraries.Instant.Where(at => Hours.Contains(at)).ToArbitrary(), at =>
        {
            var d = Draft();
            return Send(d, Approval(Distributor(), d), at).MaySendNow;
        });

    [Property(MaxTest = 500)]
    public Property AtEveryInstant_ExactlyOneApprovalRegimeApplies()
    {
        var gen = from at in PolicyArbitraries.Instant from absent in Gen.Elements(false, true) select (at, absent);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            // PolicyEngine reads the regime with Single(): two regimes, or none, would throw here.
            var v = Evaluate(new PolicyCase { Stage = PolicyStage.Draft, At = c.at, Actor = Staff(), Draft = Draft(), DistributorAbsent = c.absent });
            var duty = TestBook.Calendar.DutySystem.IsInForce(c.at);
            var expected = duty ? ApprovalRegime.DutyOfficer : c.absent ? ApprovalRegime.PrOfficer : ApprovalRegime.Distributor;
            return v.Regime == expected;
        });
    }

    [Property(MaxTest = 300)]
    public Property ApproverEntitled_IffDistributorOrTheRegimesDeputy()
    {
        var gen = from at in PolicyArbitraries.Instant from who in PolicyArbitraries.Approver from absent in Gen.Elements(false, true) select (at, who, absent);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var d = Draft();
            var v = Approve(d, Approval(c.who, d, absent: c.absent), c.at);
            var duty = TestBook.Calendar.DutySystem.IsInForce(c.at);
            var entitled = c.who.UnitId == d.Unit.Id && (c.who.Has(Role.Distributor)
                || (duty && c.who.Has(Role.DutyOfficer))
                || (!duty && c.absent && c.who.Has(Role.PrOfficer)));
            return entitled == !v.Blocked
                && (!entitled || v.Approver!.PostReportOwed == !c.who.Has(Role.Distributor));
        });
    }
}
