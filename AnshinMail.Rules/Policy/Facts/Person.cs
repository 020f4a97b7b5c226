namespace AnshinMail.Rules.Policy;

/// <summary>Y7.2: one person, bound to one unit, with the roles they hold there.</summary>
public sealed record Person(string Id, string UnitId, IReadOnlySet<Role> Roles)
{
    /// <summary>Whether the person holds <paramref name="role"/> in their unit.</summary>
    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>Y5.1: the security manager acts from the division the book names.</summary>
    public bool IsSecurityManager(PolicyBooks.PolicyBook book) =>
        Has(Role.SecurityManager) && UnitId == book.Offices.SecurityManagerUnit;
}

/// <summary>The person on whose behalf the case is evaluated.</summary>
public sealed record Actor(Person Person);

/// <summary>What is being attempted.</summary>
internal sealed record Intent(PolicyStage Stage);
