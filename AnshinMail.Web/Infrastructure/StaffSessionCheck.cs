using System.Security.Claims;
using AnshinMail.Rules.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// Y6, Y7.1: every request with a staff cookie is checked against its account (cached for at most a
/// minute): a disabled account, a sign-out elsewhere, a new password or new roles end the session (the
/// person is sent to sign in); a password that expired meanwhile closes it but for the password change.
/// </summary>
public sealed class StaffSessionCheck : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = user?.FindFirstValue(StaffIdentity.StampClaim);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionService>();
        var state = userId is null || stamp is null
            ? null
            : await sessions.CheckAsync(userId, context.HttpContext.RequestAborted);
        if (user is null || state is null || !string.Equals(state.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffIdentity.Scheme);
            return;
        }
        if (state.PasswordExpired && !user.MustChangePassword())
        {
            context.ReplacePrincipal(user.WithPasswordExpired());
            context.ShouldRenew = true;
        }
    }
}
