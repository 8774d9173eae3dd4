using System.Text.Json;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Tests.Statutory;

/// <summary>ProposalNoticeCheck run in the real runtime: the port it chooses, its reasons and findings.</summary>
public class ProposalNoticeCheckTests
{
    private const string RtmParameters = """
        { "name": "minimumSecureTenancies", "type": "integer", "value": 25, "source": "SI 2012/1821 reg 9(2)(b)", "confidence": "high" },
        { "name": "overlapExceptionHouses", "type": "integer", "value": 2500, "source": "SI 2012/1821 reg 9(4)(b)", "confidence": "high" }
        """;

    private static OneActivity Check(string rules, string parameters = RtmParameters) => new(
        "ProposalNoticeCheck", ["valid", "invalid"],
        $$"""{ "notice": { "$variable": "notice" }, {{rules}} }""",
        [("notice", "json"), ("valid", "boolean"), ("reasons", "textList"), ("findings", "json")],
        ["valid", "reasons", "findings"],
        parameters);

    private static JsonElement Finding(OneActivity.Ran ran, string rule) =>
        ran["findings"].EnumerateArray().Single(f => f.GetProperty("rule").GetString() == rule);

    [Theory]
    [InlineData(24, "invalid")]
    [InlineData(25, "valid")]
    public async Task Regulation_9_2_b_needs_at_least_25_houses_let_on_secure_tenancies(int secureTenancies, string port)
    {
        var ran = await Check("""  "minimumSecureTenancies": { "$parameter": "minimumSecureTenancies" }  """).RunAsync(new { notice = new { secureTenancies } });

        ran.Case.Outcome.Should().Be(port);
        ran["valid"].GetBoolean().Should().Be(port == "valid");
        var finding = Finding(ran, "minimumSecureTenancies");
        finding.GetProperty("passed").GetBoolean().Should().Be(port == "valid");
        finding.GetProperty("message").GetString().Should().Be($"The notice lists {secureTenancies} houses let on secure tenancies; regulation 9(2)(b) needs at least 25.");
        ran.Reasons.Should().HaveCount(port == "valid" ? 0 : 1);
    }

    [Fact]
    public async Task Overlap_is_allowed_when_the_notice_takes_in_all_the_agreements_houses_and_the_organisation_is_party_to_it()
    {
        var ran = await Check("""  "overlapExceptionHouses": { "$parameter": "overlapExceptionHouses" }  """)
            .RunAsync(new { notice = new { existingAgreementHouses = 40, includesAllExistingHouses = true, partyToExistingAgreement = true } });

        ran.Case.Outcome.Should().Be("valid");
        Finding(ran, "overlapExceptionHouses").GetProperty("message").GetString().Should().Contain("9(4)(a)");
    }

    [Fact]
    public async Task Overlap_is_allowed_when_the_existing_agreement_covers_more_than_2500_houses()
    {
        var ran = await Check("""  "overlapExceptionHouses": { "$parameter": "overlapExceptionHouses" }  """)
            .RunAsync(new { notice = new { existingAgreementHouses = 2501, includesAllExistingHouses = false, partyToExistingAgreement = false } });

        ran.Case.Outcome.Should().Be("valid");
        Finding(ran, "overlapExceptionHouses").GetProperty("message").GetString().Should().Contain("more than 2,500, which regulation 9(4)(b) allows");
    }

    [Fact]
    public async Task Overlap_fails_when_neither_limb_of_regulation_9_4_is_met()
    {
        // Exactly 2,500 is not "more than" 2,500.
        var ran = await Check("""  "overlapExceptionHouses": { "$parameter": "overlapExceptionHouses" }  """)
            .RunAsync(new { notice = new { existingAgreementHouses = 2500, includesAllExistingHouses = true } });

        ran.Case.Outcome.Should().Be("invalid");
        ran.Reasons.Should().ContainSingle().Which.Should().Be(
            "The notice includes houses already under a management agreement of 2,500 houses; regulation 9(4) allows that only if the notice includes all " +
            "the houses of that agreement and the organisation is party to it (9(4)(a)), or that agreement covers more than 2,500 houses (9(4)(b)), " +
            "but it does not say whether the organisation is party to that agreement ('partyToExistingAgreement').");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public async Task A_notice_with_no_houses_under_an_existing_agreement_passes_regulation_9_4(int? existingAgreementHouses)
    {
        var ran = await Check("""  "overlapExceptionHouses": 2500  """).RunAsync(new { notice = new { existingAgreementHouses, houses = 30 } });
        ran.Case.Outcome.Should().Be("valid");
        Finding(ran, "overlapExceptionHouses").GetProperty("passed").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Missing_evidence_is_named_in_the_reasons()
    {
        var ran = await Check("""  "requiredEvidence": ["proposalNotice", "voteRecord", "deliveryEvidence"]  """)
            .RunAsync(new { notice = new { proposalNotice = "0c7e5f1a-2d4b-4c3e-9f0a-1b2c3d4e5f60", voteRecord = "  " } });

        ran.Case.Outcome.Should().Be("invalid");
        ran.Reasons.Should().Equal(
            "The notice gives no 'voteRecord', which must be served with it.",
            "The notice gives no 'deliveryEvidence', which must be served with it.");
        ran["findings"].EnumerateArray().Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("passed").GetBoolean())).Should().Equal(
            ("requiredEvidence:proposalNotice", true), ("requiredEvidence:voteRecord", false), ("requiredEvidence:deliveryEvidence", false));
    }

    [Theory]
    [InlineData(40, "valid")]
    [InlineData(39, "invalid")]
    public async Task A_tenant_group_needs_at_least_20_percent_of_the_tenants_as_members(int members, string port)
    {
        var ran = await Check("""  "minimumMembershipPercent": 20, "minimumHouses": 100  """).RunAsync(new { notice = new { members, tenants = 200, houses = 180 } });

        ran.Case.Outcome.Should().Be(port);
        Finding(ran, "minimumMembershipPercent").GetProperty("message").GetString().Should().Be(
            $"The tenant group has {members} members among 200 tenants ({(members == 40 ? "20" : "19.5")}%); the tenant group conditions need at least 20%.");
        Finding(ran, "minimumHouses").GetProperty("passed").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData(21, "valid")]
    [InlineData(20, "invalid")]
    public async Task More_than_half_the_members_must_be_secure_tenants(int secureTenantMembers, string port)
    {
        var ran = await Check("""  "secureMemberMajority": true  """).RunAsync(new { notice = new { members = 40, secureTenantMembers } });

        ran.Case.Outcome.Should().Be(port);
        Finding(ran, "secureMemberMajority").GetProperty("message").GetString().Should().Be(
            $"{secureTenantMembers} of the tenant group's 40 members are secure tenants; the tenant group conditions need more than half.");
    }

    [Fact]
    public async Task Every_rule_given_is_reported_and_every_failure_gives_a_reason()
    {
        var ran = await Check("""
            "minimumSecureTenancies": 25, "minimumHouses": 100, "overlapExceptionHouses": 2500,
            "minimumMembershipPercent": 20, "secureMemberMajority": true, "requiredEvidence": ["proposalNotice"]
            """).RunAsync(new { notice = new { secureTenancies = 30, houses = 99, members = 10, tenants = 100, secureTenantMembers = 6, proposalNotice = "doc-1" } });

        ran.Case.Outcome.Should().Be("invalid");
        ran["findings"].GetArrayLength().Should().Be(6);
        ran.Reasons.Should().Equal(
            "The proposal covers 99 houses; the minimum size of proposal is 100.",
            "The tenant group has 10 members among 100 tenants (10%); the tenant group conditions need at least 20%.");
    }

    [Fact]
    public async Task Missing_or_non_numeric_answers_fail_the_rule_with_a_reason_instead_of_faulting()
    {
        var ran = await Check("""  "minimumSecureTenancies": 25, "minimumMembershipPercent": 20  """)
            .RunAsync(new { notice = new { secureTenancies = "twenty-five", members = 12.5 } });

        ran.Case.Status.Should().Be(InstanceStatus.Completed);
        ran.Case.Outcome.Should().Be("invalid");
        ran.Reasons.Should().Equal(
            "The notice's 'secureTenancies' is not a number (the text \"twenty-five\"), so regulation 9(2)(b) (at least 25 houses let on secure tenancies) is not shown to be met.",
            "The notice's 'members' is not a whole number (12.5) and 'tenants' is missing, so the tenant group's membership (at least 20% of the tenants) is not shown.");
    }

    [Fact]
    public async Task A_notice_that_is_not_a_forms_answers_faults_the_case()
    {
        var ran = await Check("""  "minimumSecureTenancies": 25  """).RunAsync(new { notice = "served on 1 April" });

        ran.Case.Status.Should().Be(InstanceStatus.Faulted);
        ran.Incidents.Should().ContainSingle().Which.Error.Should().Contain("The input 'notice' must be the answers of a form");
    }

    [Fact]
    public void Validation_rejects_a_negative_threshold_given_literally_or_by_a_parameter()
    {
        var errors = Check("""  "minimumHouses": -1, "minimumSecureTenancies": { "$parameter": "minimumSecureTenancies" }  """,
            """{ "name": "minimumSecureTenancies", "type": "integer", "value": -25, "source": "SI 2012/1821 reg 9(2)(b)", "confidence": "high" }""").Validate();

        errors.Select(e => (e.Path, e.Code)).Should().BeEquivalentTo(new[]
        {
            ("$.activities[1].inputs.minimumHouses", "proposalNotice.threshold"),
            ("$.activities[1].inputs.minimumSecureTenancies", "proposalNotice.threshold"),
        });
    }

    [Fact]
    public void Validation_rejects_a_percentage_over_100_repeated_evidence_and_a_check_without_rules()
    {
        Check("""  "minimumMembershipPercent": 120, "requiredEvidence": ["voteRecord", "voteRecord"]  """).Validate()
            .Select(e => (e.Path, e.Code)).Should().BeEquivalentTo(new[]
            {
                ("$.activities[1].inputs.minimumMembershipPercent", "proposalNotice.threshold"),
                ("$.activities[1].inputs.requiredEvidence", "proposalNotice.evidence"),
            });
        Check("""  "minimumHouses": null  """).Validate().Should().ContainSingle()
            .Which.Should().Match<Validation.ValidationError>(e => e.Path == "$.activities[1].inputs" && e.Code == "proposalNotice.rules");
        Check("""  "minimumSecureTenancies": 25  """).Validate().Should().BeEmpty();
    }
}
