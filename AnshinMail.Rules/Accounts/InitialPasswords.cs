using System.Security.Cryptography;
using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Accounts;

/// <summary>Y6.2: random initial passwords with letters and digits, easy to read aloud (no 0/O, 1/l/I).</summary>
internal static class InitialPasswords
{
    private const string Letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    /// <summary>One that the book's password rules accept for the person (length, user ID, deny list).</summary>
    public static string Create(PolicyEngine engine, Person person, DateTimeOffset now)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var password = Create(engine.Book.PasswordPolicy.MinLength);
            var verdict = engine.Evaluate(new PolicyCase
            {
                Stage = PolicyStage.Administration,
                At = now,
                Actor = person,
                Password = new PasswordCandidate(password, SameAsCurrent: false),
            });
            if (!verdict.Blocked) return password;
        }
        throw new InvalidOperationException("The policy book's password rules refuse every random initial password.");
    }

    public static string Create(int minLength)
    {
        var length = Math.Max(minLength, 12);
        var chars = new char[length];
        chars[0] = Letters[RandomNumberGenerator.GetInt32(Letters.Length)];
        chars[1] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        const string all = Letters + Digits;
        for (var i = 2; i < length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
