using AnshinMail.Rules.Storage;
using Microsoft.AspNetCore.Identity;

namespace AnshinMail.Rules.Tests.Accounts;

/// <summary>The real hasher, counting its calls: a wrong password and an unknown ID must cost the same work.</summary>
public sealed class CountingHasher : IPasswordHasher<PersonAccount>
{
    private readonly PasswordHasher<PersonAccount> _inner = new();

    public int Verifications { get; private set; }
    public int Hashes { get; private set; }

    public string HashPassword(PersonAccount user, string password)
    {
        Hashes++;
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(
        PersonAccount user, string hashedPassword, string providedPassword)
    {
        Verifications++;
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    public void Reset() => (Verifications, Hashes) = (0, 0);
}
