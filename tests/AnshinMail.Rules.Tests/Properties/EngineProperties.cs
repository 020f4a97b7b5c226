using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Tests.Arbitraries;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Properties;

/// <summary>
/// Y11.1 and the whole engine over arbitrary text: a fraud warning repeats its phone number, a notice
/// names a school twice; whatever staff type, the engine answers with findings and never throws.
/// </summary>
public class EngineProperties
{
    [Property(MaxTest = 300)]
    public Property Y11_1_Evaluate_NeverThrows_OnRepeatedPrivacyFragments()
    {
        var gen =
            from fields in PolicyArbitraries.PrivacyFields
            from stage in Gen.Elements(PolicyStage.Draft, PolicyStage.Approve, PolicyStage.Send)
            from at in PolicyArbitraries.Instant
            from areas in Gen.Elements("長野市北部", "長野市南部", "須坂市", "どこか").NonEmptyListOf()
            select (fields, stage, at, areas);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var draft = Draft(fields: c.fields, areas: c.areas.ToArray());
            var verdict = Evaluate(new PolicyCase
            {
                Stage = c.stage,
                At = c.at,
                Actor = Distributor(),
                Draft = draft,
                Approval = c.stage == PolicyStage.Draft ? null : Approval(Distributor(), draft),
            });
            return verdict.Findings.Distinct().Count() == verdict.Findings.Count;
        });
    }

    [Fact]
    public void Y11_1_FraudWarning_RepeatingItsPhoneNumber_WarnsOnce()
    {
        var text = "03-1234-5678 から電話。03-1234-5678 には折り返さないでください。";
        var v = Preview(Draft(fields: Fields with { WhatHappened = text, Advice = "城山小学校と城山小学校、1-2-3付近" }));
        Assert.Single(v.Warnings, f => f.Code == "privacy.phone");
        Assert.Single(v.Warnings, f => f.Code == "privacy.school-name");
    }
}
