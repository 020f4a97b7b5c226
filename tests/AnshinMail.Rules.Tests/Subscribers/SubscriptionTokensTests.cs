using System.Buffers.Binary;
using System.Security.Cryptography;
using AnshinMail.Rules.Subscribers;

namespace AnshinMail.Rules.Tests.Subscribers;

/// <summary>T5: the signed links carry their purpose; what is read from them is range-checked, never trusted.</summary>
public sealed class SubscriptionTokensTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly DateTimeOffset Expires = new(2026, 11, 29, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void T5_AStartLinkIsNeverAConfirmationLink()
    {
        var token = SubscriptionTokens.CreateStart(Key, SubscriptionTokens.NewNonce(), Expires);
        Assert.Null(SubscriptionTokens.Read(Key, token));
        Assert.NotNull(SubscriptionTokens.ReadStart(Key, token));
    }

    /// <summary>Whatever the payload, and its length, a link signed for one purpose never opens as the other.</summary>
    [Fact]
    public void T5_NoPayloadSignedForOnePurposeOpensAsTheOther()
    {
        for (var n = 0; n <= 80; n++)
        {
            var payload = RandomNumberGenerator.GetBytes(n);
            var start = SubscriptionTokens.Seal(Key, LinkPurpose.Start, payload);
            var confirmation = SubscriptionTokens.Seal(Key, LinkPurpose.Confirmation, payload);
            Assert.Null(SubscriptionTokens.Open(Key, LinkPurpose.Confirmation, start));
            Assert.Null(SubscriptionTokens.Open(Key, LinkPurpose.Start, confirmation));
            Assert.Equal(payload, SubscriptionTokens.Open(Key, LinkPurpose.Start, start));
        }
    }

    [Fact]
    public void T5_AConfirmationLinkIsNeverAStartLink()
    {
        var token = SubscriptionTokens.Create(Key, 42, Expires, SubscriptionTokens.NewNonce());
        Assert.Null(SubscriptionTokens.ReadStart(Key, token));
        Assert.Equal(42, SubscriptionTokens.Read(Key, token)!.Value.Id);
    }

    [Theory]
    [InlineData(1L, long.MaxValue)]
    [InlineData(1L, long.MinValue)]
    [InlineData(1L, 253402300800L)]
    [InlineData(0L, 1_800_000_000L)]
    [InlineData(-5L, 1_800_000_000L)]
    public void T5_AWellSignedConfirmationOutOfRange_ReadsAsNothing(long id, long expires)
    {
        var payload = new byte[32];
        BinaryPrimitives.WriteInt64BigEndian(payload, id);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(8), expires);
        Assert.Null(SubscriptionTokens.Read(Key, SubscriptionTokens.Seal(Key, LinkPurpose.Confirmation, payload)));
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void T5_AWellSignedStartLinkOutOfRange_ReadsAsNothing(long expires)
    {
        var payload = new byte[8 + 16];
        BinaryPrimitives.WriteInt64BigEndian(payload, expires);
        Assert.Null(SubscriptionTokens.ReadStart(Key, SubscriptionTokens.Seal(Key, LinkPurpose.Start, payload)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("AAAA.AAAA")]
    [InlineData("!!!!.????")]
    public void T5_GarbageReadsAsNothing(string token)
    {
        Assert.Null(SubscriptionTokens.Read(Key, token));
        Assert.Null(SubscriptionTokens.ReadStart(Key, token));
        Assert.Null(SubscriptionTokens.Read(Key, new string('A', 100_000) + "." + token));
    }
}
