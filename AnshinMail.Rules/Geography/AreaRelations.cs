using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Geography;

/// <summary>T3(2), Y11.4: how a target area stands to the unit that writes: its own jurisdiction, a neighbouring
/// station's, or beyond (a distribution request to HQ).</summary>
public enum AreaRelation
{
    /// <summary>In the unit's own jurisdiction (every area for an HQ unit).</summary>
    Own,
    /// <summary>In a neighbouring station's jurisdiction (Y11.4).</summary>
    Neighbour,
    /// <summary>Beyond: a distribution request to HQ is needed (T3(2)).</summary>
    Outside,
}

/// <summary>T3(2), Y11.4: how areas stand to a unit.</summary>
public static class AreaRelations
{
    /// <summary>An HQ division (or the duty desk) sends for the whole prefecture: every area is its own.</summary>
    public static AreaRelation Of(PolicyBook book, string unitId, string area)
    {
        if (book.FindUnit(unitId) is not { } unit) return AreaRelation.Outside;
        if (unit.IsHq || unit.Jurisdiction.Contains(area)) return AreaRelation.Own;
        return unit.Neighbours.Any(n => book.FindUnit(n.Unit)?.Jurisdiction.Contains(area) == true)
            ? AreaRelation.Neighbour
            : AreaRelation.Outside;
    }
}
