using System.Text.Json;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Host.Tests.Scenarios;

/// <summary>
/// Whole Right to Manage cases (workflow-definitions/right-to-manage.json) on PostgreSQL with an injected clock:
/// the stages they pass through, the statutory due dates, the tasks, the mail and how they end.
/// </summary>
public class RightToManageScenarioTests
{
    private const string Definition = "right-to-manage";

    /// <summary>
    /// Option exploration to the council's decision: the notice is served on 11 January 2027 and received on
    /// 12 January, so the council's 28 days end on 9 February (SI 2012/1821 reg 11).
    /// </summary>
    private static async Task<ProcessScenario> ServedAndReceivedAsync(object? variables = null)
    {
        var s = await ProcessScenario.StartAsync(Definition, "tmo", variables);
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 1 of 8: Option exploration");
        await s.DoAsync("exploreOptions", "pursue", new { notes = "Tenants' meeting of 2 January chose tenant management." });
        await s.DoAsync("authorisingVote", "recorded", new
        {
            method = "general-meeting", membersInFavour = 41, membersAgainst = 6, voteRecord = await s.DocumentAsync("minutes.pdf"),
            constitution = await s.DocumentAsync("constitution.pdf"), areaSpecified = true, openMembership = true, avoidsDiscrimination = true, democraticGovernance = true,
        });
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 2 of 8: Authorising the proposal");
        await s.DoAsync("deliverCopies", "delivered", new { deliveredOn = "2027-01-08", deliveryEvidence = await s.DocumentAsync("delivery-log.pdf"), housesDelivered = 62 });
        await s.AdvanceToAsync("2027-01-11");
        await s.DoAsync("serveNotice", "served", new
        {
            servedOn = "2027-01-11", proposalNotice = await s.DocumentAsync("notice.pdf"), voteRecord = await s.DocumentAsync("minutes.pdf"),
            deliveryEvidence = await s.DocumentAsync("delivery-log.pdf"), houses = 62, secureTenancies = 48,
            housesList = "1 Acorn Court\n2 Acorn Court\n3 Acorn Court\n4 Acorn Court", existingAgreementHouses = 0,
        });
        (await s.CaseAsync()).Variables["noticeValid"].GetBoolean().Should().BeTrue();
        await s.AdvanceToAsync("2027-01-12");
        await s.DoAsync("recordReceipt", "recorded", new { receivedOn = "2027-01-12" });
        var decision = await s.TaskAsync("councilDecides");
        decision.LastDay.Should().Be(new DateOnly(2027, 2, 9), "28 days from receipt on 12 January");
        decision.CandidateOrganisation.Should().Be("demo-council");
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 3 of 8: Proposal notice and council decision");
        return s;
    }

    /// <summary>Accepted on 1 February; the TMO received the acceptance on 3 February (the acceptance date, reg 3).</summary>
    private static async Task<ProcessScenario> AcceptedAsync()
    {
        var s = await ServedAndReceivedAsync();
        await s.AdvanceToAsync("2027-02-01");
        await s.DoAsync("councilDecides", "accept", new { existingManagers = "Acorn Homes (ALMO)" });
        await s.DoAsync("recordAcceptance", "recorded", new { acceptanceDate = "2027-02-03" });
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 4 of 8: Competence assessment");
        (await s.TaskAsync("applyToAssessor")).LastDay.Should().Be(new DateOnly(2027, 5, 3), "3 months from the acceptance date (reg 13(1))");
        return s;
    }

    private static async Task AppliedAsync(ProcessScenario s)
    {
        await s.AdvanceToAsync("2027-03-01");
        await s.DoAsync("applyToAssessor", "applied", new { appliedOn = "2027-03-01" });
        (await s.TaskAsync("recordReport")).LastDay.Should().Be(new DateOnly(2028, 5, 3), "15 months from the acceptance date (reg 13(4))");
    }

    private static async Task BallotAsync(ProcessScenario s, int secureFor, int secureAgainst, int secureElectorate, int otherFor, int otherAgainst, int otherElectorate)
    {
        await s.DoAsync("agreeOfferNotice", "agreed", new { offerNotice = await s.DocumentAsync("offer.pdf"), agreedOn = "2027-10-01", annualBudget = 420000 });
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 6 of 8: Ballot");
        await s.DoAsync("arrangeBallot", "arranged", new { ballotBody = "Civica Election Services", offerSentOn = "2027-10-15", closesOn = "2027-11-12" });
        await s.AdvanceToAsync("2027-11-15");
        await s.DoAsync("recordBallot", "recorded", new
        {
            secureInFavour = secureFor, secureAgainst, secureElectorate, otherInFavour = otherFor, otherAgainst, otherElectorate,
        });
    }

    [Fact]
    public async Task A_case_runs_from_option_exploration_to_the_management_agreement_and_handover()
    {
        await using var s = await AcceptedAsync();
        var mail = await s.MailAsync();
        mail.Should().Contain(m => m.Template == "proposal-notice-decided" && m.To.SequenceEqual(new[] { "tmo-secretary" }) && m.Fields["decision"] == "accept");
        mail.Should().Contain(m => m.Template == "stage-changed" && m.Fields["stage"] == "Competence assessment");

        // Support requests run alongside the assessment, with the council's service level (reg 12).
        (await s.SendAsync("support-requested", new { request = "Training for the committee" })).Outcome.Should().Be(StimulusOutcome.Applied);
        (await s.TaskAsync("respondToSupport")).LastDay.Should().Be(new DateOnly(2027, 3, 1), "the 28-day service level from 1 February");
        await s.DoAsync("respondToSupport", "given", new { response = "Six training sessions from March." });

        await AppliedAsync(s);
        await s.AdvanceToAsync("2027-09-01");
        await s.DoAsync("recordReport", "competent", new { reportReceivedOn = "2027-09-01", report = await s.DocumentAsync("report.pdf") });
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 5 of 8: Offer notice");
        await BallotAsync(s, secureFor: 60, secureAgainst: 20, secureElectorate: 100, otherFor: 10, otherAgainst: 5, otherElectorate: 20);
        (await s.CaseAsync()).Variables["ballotPassed"].GetBoolean().Should().BeTrue("80 of 100 secure tenants and 95 of 120 voters took part, a majority in favour in each");

        await s.DoAsync("enterAgreement", "signed-other-manager", new { agreement = await s.DocumentAsync("mma.pdf"), signedOn = "2027-12-01" });
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 8 of 8: Handover");
        await s.DoAsync("endOtherAgreement", "ended", new { endedOn = "2027-12-31" });
        (await s.TaskAsync("arrangeHandover")).LastDay.Should().Be(new DateOnly(2028, 3, 31), "3 months from the other agreement ending (reg 19(5))");
        await s.DoAsync("arrangeHandover", "arranged", new { arrangements = await s.DocumentAsync("handover.pdf") });

        await s.ShouldEndAsync("agreement-made");
        (await s.MailAsync()).Should().Contain(m => m.Template == "case-update" && m.Fields["headline"] == "The management agreement has been made");
        var timeline = await s.TimelineAsync();
        timeline.Select(t => t.Label).Should().Equal(
            "Stage 1 of 8: Option exploration", "Stage 2 of 8: Authorising the proposal", "Stage 3 of 8: Proposal notice and council decision",
            "Stage 4 of 8: Competence assessment", "Stage 5 of 8: Offer notice", "Stage 6 of 8: Ballot", "Stage 7 of 8: Management agreement", "Stage 8 of 8: Handover");
        timeline.Should().OnlyContain(t => t.Status == "completed");
        timeline[2].DueBy.Should().Be(new DateOnly(2027, 2, 9));
        timeline[2].DueSource.Should().Contain("reg 11");
    }

    [Fact]
    public async Task The_council_may_refuse_a_repeat_proposal_and_the_case_ends_refused()
    {
        // Three of the four houses were in a notice withdrawn in June 2025, within 2 years of receipt.
        await using var s = await ServedAndReceivedAsync(new
        {
            earlierNotices = new[] { new { reference = "RTM-2024-7", withdrawnOn = "2025-06-30", houses = new[] { "1 Acorn Court", "2 acorn  court", "3 Acorn Court", "9 Oak Row" } } },
        });
        var snapshot = await s.CaseAsync();
        snapshot.Variables["repeatGround"].GetBoolean().Should().BeTrue();
        snapshot.Variables["repeatAdvice"].GetProperty("earlier")[0].GetProperty("reference").GetString().Should().Be("RTM-2024-7");

        await s.DoAsync("councilDecides", "refuse", new { reasons = "A similar proposal covering three of the four houses was withdrawn in June 2025.", ground = "repeat-proposal" });
        await s.ShouldEndAsync("refused", "reg 11");
        (await s.MailAsync()).Should().Contain(m => m.Template == "proposal-notice-decided" && m.Fields["decision"] == "refuse");
    }

    [Fact]
    public async Task A_notice_with_fewer_than_25_secure_tenancies_is_not_a_proposal_notice_and_goes_back_to_the_tmo()
    {
        await using var s = await ProcessScenario.StartAsync(Definition, "tmo");
        await s.DoAsync("exploreOptions", "pursue");
        await s.DoAsync("authorisingVote", "recorded", new
        {
            method = "ballot-of-all-members", membersInFavour = 20, membersAgainst = 3, voteRecord = await s.DocumentAsync(), constitution = await s.DocumentAsync(),
            areaSpecified = true, openMembership = true, avoidsDiscrimination = true, democraticGovernance = true,
        });
        await s.DoAsync("deliverCopies", "delivered", new { deliveredOn = "2027-01-04", deliveryEvidence = await s.DocumentAsync() });
        await s.DoAsync("serveNotice", "served", new
        {
            servedOn = "2027-01-04", proposalNotice = await s.DocumentAsync(), voteRecord = await s.DocumentAsync(), deliveryEvidence = await s.DocumentAsync(),
            houses = 30, secureTenancies = 24, housesList = "1 Acorn Court", existingAgreementHouses = 0,
        });
        var snapshot = await s.CaseAsync();
        snapshot.Variables["noticeValid"].GetBoolean().Should().BeFalse();
        snapshot.Variables["noticeReasons"].EnumerateArray().Single().GetString().Should().Contain("24").And.Contain("25");
        await s.DoAsync("correctNotice", "withdraw");
        await s.ShouldEndAsync("withdrawn");
    }

    [Fact]
    public async Task No_application_to_the_assessor_service_within_3_months_deems_the_notice_withdrawn()
    {
        await using var s = await AcceptedAsync();
        await s.AdvanceToAsync("2027-04-05");
        (await s.MailAsync()).Should().Contain(m => m.Template == "deadline-reminder" && m.To.SequenceEqual(new[] { "tmo-secretary" }), "a month before the last day");
        await s.AdvanceToAsync("2027-05-03");
        (await s.CaseAsync()).Status.Should().Be(InstanceStatus.Waiting, "3 May is still within the 3 months");
        await s.AdvanceToAsync("2027-05-04");
        await s.ShouldEndAsync("deemed-withdrawn", "13(8)(a)");
        var mail = await s.MailAsync();
        mail.Should().Contain(m => m.Template == "case-update" && m.Fields["headline"] == "Your proposal notice is deemed withdrawn" && m.Fields["detail"].Contains("3 months"));
        mail.Should().Contain(m => m.Template == "deadline-overdue" && m.To.SequenceEqual(new[] { "officer" }));
    }

    [Fact]
    public async Task A_tmo_found_not_competent_agrees_an_action_plan_and_is_then_found_competent()
    {
        await using var s = await AcceptedAsync();
        await AppliedAsync(s);
        await s.DoAsync("recordReport", "not-competent", new { reportReceivedOn = "2027-08-02", report = await s.DocumentAsync(), suggestedActions = "Financial controls training." });
        await s.DoAsync("agreeActionPlan", "agreed", new { agreedOn = "2027-08-20", actionPlan = await s.DocumentAsync() });
        await s.DoAsync("confirmActionsDone", "completed", new { completedOn = "2027-11-01" });
        (await s.TaskAsync("notifyAssessor")).LastDay.Should().Be(new DateOnly(2027, 11, 8), "7 days from completion (reg 13(6))");
        await s.DoAsync("notifyAssessor", "notified", new { notifiedOn = "2027-11-03", assessorReceivedOn = "2027-11-04" });
        (await s.TaskAsync("recordReassessment")).LastDay.Should().Be(new DateOnly(2027, 12, 9), "35 days from the assessor's receipt (reg 13(7))");
        await s.DoAsync("recordReassessment", "competent", new { reassessment = await s.DocumentAsync() });
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 5 of 8: Offer notice");
        (await s.TaskAsync("agreeOfferNotice")).CandidateRole.Should().Be("la-officer");
    }

    [Fact]
    public async Task A_tmo_found_not_competent_twice_is_deemed_withdrawn()
    {
        await using var s = await AcceptedAsync();
        await AppliedAsync(s);
        await s.DoAsync("recordReport", "not-competent", new { reportReceivedOn = "2027-08-02", report = await s.DocumentAsync(), suggestedActions = "Governance training." });
        await s.DoAsync("agreeActionPlan", "agreed", new { agreedOn = "2027-08-20", actionPlan = await s.DocumentAsync() });
        await s.DoAsync("confirmActionsDone", "completed", new { completedOn = "2027-11-01" });
        await s.DoAsync("notifyAssessor", "notified", new { notifiedOn = "2027-11-02", assessorReceivedOn = "2027-11-02" });
        await s.DoAsync("recordReassessment", "not-competent", new { reassessment = await s.DocumentAsync() });
        await s.ShouldEndAsync("deemed-withdrawn", "13(8)(b)");
    }

    [Fact]
    public async Task A_ballot_with_a_majority_overall_but_not_of_secure_tenants_fails_and_the_notice_is_deemed_withdrawn()
    {
        await using var s = await AcceptedAsync();
        await AppliedAsync(s);
        await s.DoAsync("recordReport", "competent", new { reportReceivedOn = "2027-09-01", report = await s.DocumentAsync() });
        // As at Perronet House (2017): a clear majority overall, but 52 % of secure tenants voting were against.
        await BallotAsync(s, secureFor: 48, secureAgainst: 52, secureElectorate: 125, otherFor: 88, otherAgainst: 12, otherElectorate: 125);
        var snapshot = await s.CaseAsync();
        snapshot.Variables["ballotPassed"].GetBoolean().Should().BeFalse();
        snapshot.Variables["ballotReasons"].EnumerateArray().Select(r => r.GetString()).Should().ContainSingle().Which.Should().Contain("secure");
        await s.ShouldEndAsync("deemed-withdrawn", "ballot");
    }

    [Fact]
    public async Task The_tmo_can_withdraw_at_any_stage()
    {
        await using var s = await AcceptedAsync();
        (await s.SendAsync("proposal-withdrawn", new { withdrawnOn = "2027-02-10" })).Outcome.Should().Be(StimulusOutcome.Applied);
        await s.ShouldEndAsync("withdrawn", "withdrew");
        (await s.CaseAsync()).Bookmarks.Should().BeEmpty("the timers of the 3- and 15-month deadlines went with the case");
    }
}
