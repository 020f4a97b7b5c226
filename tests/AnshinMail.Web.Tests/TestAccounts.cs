using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests;

/// <summary>
/// People of units the demo has no account in (総合当直, 広報相談課, a neighbouring station), with the demo password,
/// as the security manager would issue them.
/// </summary>
public static class TestAccounts
{
    public static async Task<HttpClient> SignedInAs(this WebApp app, string userId, string unitId, params Role[] roles)
    {
        await app.AddAccount(userId, unitId, roles);
        return await app.SignedIn(userId);
    }

    /// <summary>The account, issued once (signing in is the caller's).</summary>
    public static async Task AddAccount(this WebApp app, string userId, string unitId, params Role[] roles)
    {
        _ = app.Browser(); // starts the host, which seeds the demo
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnshinDbContext>();
            if (!await db.Accounts.AnyAsync(a => a.UserId == userId))
            {
                var demo = await db.Accounts.AsNoTracking().SingleAsync(a => a.UserId == "demo-staff");
                db.Accounts.Add(new PersonAccount
                {
                    UserId = userId,
                    DisplayName = userId,
                    UnitId = unitId,
                    Roles = roles.ToList(),
                    PasswordHash = demo.PasswordHash,
                    PasswordSetAt = demo.PasswordSetAt,
                    CreatedAt = demo.CreatedAt,
                });
                await db.SaveChangesAsync();
            }
        }
    }
}
