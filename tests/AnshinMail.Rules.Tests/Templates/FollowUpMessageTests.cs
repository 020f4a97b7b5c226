using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Templates;
using AnshinMail.Rules.Tests.Workflow;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.FollowUps;
using Microsoft.EntityFrameworkCore;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Templates;

/// <summary>
/// Y11.2, Y11.3: a resolution says which case was resolved and how, and thanks; a correction says what was wrong
/// and what is right, naming the original. Neither re-announces the incident.
/// </summary>
public sealed class FollowUpMessageTests : IDisposable
{
    private static readonly MessageModelBuilder Models = new(TestBook.Book, TestBook.Calendar);
    private static readonly OriginalModel Original =
        Models.Original("【子供安全情報】声かけ事案の発生（長野中央警察署）", Jst(2026, 11, 27, 18, 5));
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static RenderedMessage Resolution(AlertFields fields) =>
        TestBook.Renderer.RenderResolution(Models.For(Draft(fields: fields), FollowUpKind.Resolution, Original));

    private static RenderedMessage Correction(AlertFields fields, FollowUpKind kind = FollowUpKind.Correction) =>
        TestBook.Renderer.RenderCorrection(Models.For(Draft(fields: fields), kind, Original));

    [Fact]
    public void Y11_2_AResolution_NamesTheCaseByItsDayPlaceAndKind_SaysWhatWasResolved_AndThanks()
    {
        var m = Resolution(new AlertFields
        {
            Headline = "声かけ事案", OccurredAt = Jst(2026, 11, 27, 15, 30), Place = "長野市北部",
            WhatHappened = "行為者が判明しました。",
        });

        Assert.Equal("【子供安全情報・解除】声かけ事案（長野中央警察署）", m.Subject);
        Assert.Equal(
            """
            11月27日に長野市北部で発生した声かけ事案は、行為者が判明しました。
            ご協力ありがとうございました。

            （11月27日（金）午後6時5分に配信した「【子供安全情報】声かけ事案の発生（長野中央警察署）」の解除情報です。）

            【問い合わせ先】長野中央警察署　電話 026-000-0101
            ―――
            長野県警察「ライポくん安心メール」

            """.ReplaceLineEndings("\n"), m.Body);
    }

    [Fact]
    public void Y11_2_AResolution_SaysWhenItWasResolved_AndPassesOnTheAdvice()
    {
        var m = Resolution(new AlertFields
        {
            Headline = "声かけ事案", OccurredAt = Jst(2026, 11, 27, 15, 30), Place = "長野市北部",
            WhatHappened = "行為者が判明しました。", Advice = "引き続き、登下校の見守りをお願いします。",
            FollowUp = new FollowUpFields { ResolvedAt = Jst(2026, 11, 28, 10) },
        });

        Assert.StartsWith(
            """
            11月27日に長野市北部で発生した声かけ事案は、11月28日（土）午前10時、行為者が判明しました。
            ご協力ありがとうございました。

            引き続き、登下校の見守りをお願いします。

            """.ReplaceLineEndings("\n"), m.Body);
    }

    [Fact]
    public async Task Y11_2_AResolutionPrefilledFromTheOriginal_NamesItsDayPlaceAndAreas_WithoutReannouncingIt()
    {
        var sent = await _f.SentAlert();
        var draft = await _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), sent.AlertId, FollowUpKind.Resolution));
        var m = await _f.Do(async w => await w.Render(await w.LoadDraft(draft.Id, default), default));

        Assert.Equal(["長野市北部"], draft.TargetAreas);
        Assert.Equal(10, draft.VictimAge); // the same case: the category's victim check still holds
        Assert.Equal("【子供安全情報・解除】声かけ事案の発生（長野中央警察署）", m.Subject);
        Assert.StartsWith("11月26日に長野市大字鶴賀で発生した声かけ事案の発生は、解決しました。\nご協力ありがとうございました。\n",
            m.Body);
        Assert.Contains("に配信した「【子供安全情報】声かけ事案の発生（長野中央警察署）」の解除情報です。", m.Body);
        foreach (var announcement in new[] { Fields.WhatHappened, Fields.WordsSaid, "＜行為者の特徴＞", "黒色のジャンパー", "110番" })
            Assert.DoesNotContain(announcement, m.Body);
    }

    [Fact]
    public async Task Y9_3_TheOriginalsTimeInAFollowUp_IsWhenItStarted_AndStaysWhenItsSendingEnds()
    {
        var sent = await _f.SentAlert(); // 14:00, still sending: no worker runs here
        var draft = await _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), sent.AlertId, FollowUpKind.Correction));
        Task<RenderedMessage> Render() =>
            _f.Do(async w => await w.Render(await w.LoadDraft(draft.Id, default), default));
        var whileSending = await Render();
        await using (var db = _f.Open())
        {
            (await db.Alerts.SingleAsync(a => a.Id == sent.AlertId)).Complete(Jst(2026, 11, 27, 14, 25));
            await db.SaveChangesAsync();
        }
        var afterwards = await Render();

        Assert.StartsWith("11月27日（金）午後2時に配信した「", whileSending.Body);
        Assert.Equal(whileSending, afterwards);
    }

    [Fact]
    public void Y11_3_ACorrection_ShowsWrongAndRight_AndNamesTheOriginalByItsDateAndSubject()
    {
        var m = Correction(new AlertFields
        {
            Headline = "発生場所の訂正",
            FollowUp = new FollowUpFields { Wrong = "長野市大字鶴賀", Right = "長野市大字南長野" },
            WhatHappened = "その他の内容に変更はありません。",
        });

        Assert.Equal("【子供安全情報・修正】発生場所の訂正（長野中央警察署）", m.Subject);
        Assert.StartsWith(
            """
            11月27日（金）午後6時5分に配信した「【子供安全情報】声かけ事案の発生（長野中央警察署）」について、誤りがありましたので、次のとおり修正します。

            （誤）長野市大字鶴賀
            （正）長野市大字南長野

            その他の内容に変更はありません。

            【問い合わせ先】
            """.ReplaceLineEndings("\n"), m.Body);
        Assert.DoesNotContain(Fields.WhatHappened, m.Body);
    }

    [Fact]
    public void Y11_3_ASupplement_AddsItsText_WithoutAWrongOrRight()
    {
        var m = Correction(new AlertFields { Headline = "行為者の特徴の補足", WhatHappened = "行為者は眼鏡をかけていました。" },
            FollowUpKind.Supplement);

        Assert.Equal("【子供安全情報・補足】行為者の特徴の補足（長野中央警察署）", m.Subject);
        Assert.StartsWith(
            "11月27日（金）午後6時5分に配信した「【子供安全情報】声かけ事案の発生（長野中央警察署）」について、次のとおり補足します。\n\n"
            + "行為者は眼鏡をかけていました。\n", m.Body);
        Assert.DoesNotContain("（誤）", m.Body);
    }

    /// <summary>Pinned before follow-up fields existed: a draft approved before an upgrade stays approved.</summary>
    [Fact]
    public void Y9_3_APlainDraftsContentHash_IsWhatItWasBeforeTheFollowUpFields()
    {
        var d = Draft(areas: ["長野市北部"]);
        Assert.Equal("c66b7ae2e9346828ecd60243d910c6646e3f55082c8b067ec3d11b4ac2680cc1", d.ContentHash);
    }

    [Fact]
    public void Y9_3_ChangingWrongRightOrResolvedAt_ChangesTheContentHash_SoAnApprovalNoLongerCoversIt()
    {
        var fields = new AlertFields
        {
            Headline = "訂正",
            FollowUp = new FollowUpFields { Wrong = "鶴賀", Right = "南長野", ResolvedAt = Jst(2026, 11, 28) },
        };
        string Hash(AlertFields f) => Draft(fields: f).ContentHash;
        var edits = new[]
        {
            fields with { FollowUp = fields.FollowUp! with { Wrong = "鶴賀町" } },
            fields with { FollowUp = fields.FollowUp! with { Right = "南長野町" } },
            fields with { FollowUp = fields.FollowUp! with { ResolvedAt = Jst(2026, 11, 29) } },
            fields with { FollowUp = null },
        };
        foreach (var edited in edits) Assert.NotEqual(Hash(fields), Hash(edited));
        var draft = Draft(fields: fields);
        var approval = Approval(Distributor(), draft);
        var changed = Draft(fields: edits[1]);
        Assert.Contains(Send(changed, approval).Blocks, f => f.Clause == "Y9.3");
    }

    [Fact]
    public async Task Y11_3_TheStoredCorrection_KeepsWrongAndRight()
    {
        var sent = await _f.SentAlert();
        var input = FollowUpPrefill.For(FollowUpKind.Correction, WorkflowFixture.Input(), ["長野市北部"]) with
        {
            Fields = new AlertFields
            {
                Headline = "場所の訂正", FollowUp = new FollowUpFields { Wrong = "鶴賀", Right = "南長野" },
            },
        };
        var draft = await _f.Do(w =>
            new CreateFollowUp(w).RunAsync(Staff(), sent.AlertId, FollowUpKind.Correction, input));
        await using var db = _f.Open();
        var stored = await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == draft.Id);
        Assert.Equal(new FollowUpFields { Wrong = "鶴賀", Right = "南長野" }, stored.Fields.FollowUp);
        Assert.Equal(stored.ContentHash, stored.ComputeHash());
    }
}
