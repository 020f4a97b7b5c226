using System.Security.Claims;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Web.Infrastructure;

/// <summary>The signed-in person as claims (user ID, unit, roles) and back.</summary>
public static class StaffIdentity
{
    public const string Scheme = "staff";
    public const string UnitClaim = "anshin:unit";
    public const string NameClaim = "anshin:display-name";
    /// <summary>Set while the initial or expired password must be changed; every other page is closed until
    /// then.</summary>
    public const string MustChangeClaim = "anshin:must-change-password";
    /// <summary>Y7.1: the account's security stamp when the session began; checked on every request.</summary>
    public const string StampClaim = "anshin:security-stamp";
    private const string Expired = "expired";

    public static ClaimsPrincipal Principal(PersonAccount account, bool mustChange, bool expired = false)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserId),
            new(UnitClaim, account.UnitId),
            new(NameClaim, account.DisplayName),
            new(StampClaim, account.SecurityStamp),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        if (mustChange || expired) claims.Add(new Claim(MustChangeClaim, expired ? Expired : "1"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>Y6.3(1): the same session, closed but for the password change, as at a sign-in after expiry.</summary>
    public static ClaimsPrincipal WithPasswordExpired(this ClaimsPrincipal user)
    {
        var claims = user.Claims.Where(c => c.Type != MustChangeClaim).Append(new Claim(MustChangeClaim, Expired));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static Person ToPerson(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue(UnitClaim) ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => Enum.Parse<Role>(c.Value)).ToHashSet());

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(NameClaim) ?? user.Identity?.Name ?? "";

    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangeClaim);

    public static bool PasswordExpired(this ClaimsPrincipal user) => user.HasClaim(MustChangeClaim, Expired);
}
