using RightToManage.Workflows.Runtime;

namespace RightToManage.Host.Tests.Scenarios;

/// <summary>
/// Whole Right to Transfer cases (workflow-definitions/right-to-transfer.json) on PostgreSQL with an injected clock,
/// including the council's applications to halt: in the two 21-day windows, and at any later stage, when the case
/// is paused until the Secretary of State decides.
/// </summary>
public class RightToTransferScenarioTests
{
    private const string Definition = "right-to-transfer";

    /// <summary>Served and accepted; the council received the group's acknowledgement on 1 February 2027.</summary>
    private static async Task<ProcessScenario> AcceptedAsync()
    {
        var s = await ProcessScenario.StartAsync(Definition, "tenant-group");
        await s.DoAsync("resolve", "recorded", new { meetingOn = "2027-01-04", resolution = await s.DocumentAsync("minutes.pdf"), tenantsNotifiedOn = "2027-01-05" });
        await s.DoAsync("serveNotice", "served", new
        {
            servedOn = "2027-01-11", proposalNotice = await s.DocumentAsync("notice.pdf"), houses = 180, housesList = "1 Birch Road\n2 Birch Road",
            tenants = 170, members = 40, secureTenantMembers = 31,
        });
        (await s.CaseAsync()).Variables["noticeValid"].GetBoolean().Should().BeTrue("180 houses, 40 of 170 tenants (24 %) are members, 31 of 40 secure");
        await s.DoAsync("recordReceipt", "recorded", new { receivedOn = "2027-01-12" });
        (await s.TaskAsync("councilDecides")).LastDay.Should().BeNull("no period was found for the council's decision (parameter councilDecisionPeriod has no value)");
        await s.AdvanceToAsync("2027-01-25");
        await s.DoAsync("councilDecides", "accept");
        await s.DoAsync("recordAcknowledgement", "recorded", new { receivedOn = "2027-02-01" });
        (await s.TaskAsync("haltWindow1")).LastDay.Should().Be(new DateOnly(2027, 2, 22), "21 days from the acknowledgement (reg 14(1)(c))");
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 2 of 8: Council decision");
        return s;
    }

    private static async Task FeasibilityAsync(ProcessScenario s)
    {
        await s.DoAsync("agreeTimetable", "agreed", new { agreedOn = "2027-03-01", timetable = await s.DocumentAsync() });
        await s.DoAsync("prepareStudy", "completed", new { study = await s.DocumentAsync("study.pdf") });
        await s.DoAsync("serveStatement", "served", new { servedOn = "2027-09-01", statement = await s.DocumentAsync("statement.pdf") });
        await s.AdvanceToAsync("2027-09-03");
        await s.DoAsync("acknowledgeStatement", "acknowledged", new { acknowledgedOn = "2027-09-03" });
        (await s.TaskAsync("respondToStatement")).LastDay.Should().Be(new DateOnly(2027, 9, 24), "21 days from the acknowledgement (reg 18(1)(d))");
    }

    /// <summary>From the development stage to the count of the ballot, with the Schedule 3A notice periods.</summary>
    private static async Task ConsultAndBallotAsync(ProcessScenario s, int secureFor, int secureAgainst, int introductoryFor = 3, int introductoryAgainst = 1)
    {
        await s.DoAsync("develop", "proceed", new { landlord = "Birch Community Homes", newLandlord = true });
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 6 of 8: Consultation");
        await s.AdvanceToAsync("2028-03-01");
        await s.DoAsync("serveStage1", "served", new { servedOn = "2028-03-01", offer = await s.DocumentAsync("offer.pdf") });
        await s.AdvanceToAsync("2028-03-29");
        (await s.OpenTasksAsync()).Should().NotContain("serveStage2", "representations run 28 days from service, to 29 March");
        await s.AdvanceToAsync("2028-03-30");
        await s.DoAsync("serveStage2", "served", new { servedOn = "2028-04-03", notice = await s.DocumentAsync() });
        await s.AdvanceToAsync("2028-05-02");
        (await s.CaseAsync()).StageLabels.Should().Equal(new[] { "Stage 7 of 8: Ballot" }, "objections to the Secretary of State ran at least 28 days, to 1 May");
        await s.DoAsync("recordBallot", "recorded", new
        {
            ballotBody = "Civica Election Services", secureInFavour = secureFor, secureAgainst, secureElectorate = 160,
            introductoryInFavour = introductoryFor, introductoryAgainst, introductoryElectorate = 10,
        });
        await s.DoAsync("serveResult", "served", new { servedOn = "2028-06-01", notice = await s.DocumentAsync() });
    }

    [Fact]
    public async Task A_case_runs_to_the_secretary_of_states_consent_when_the_council_lets_both_halt_windows_pass()
    {
        await using var s = await AcceptedAsync();
        await s.AdvanceToAsync("2027-02-23");
        (await s.CaseAsync()).StageLabels.Should().Equal(new[] { "Stage 3 of 8: Feasibility study" }, "no halt application within 21 days: the study may begin (reg 14(1)(c))");
        await FeasibilityAsync(s);
        await s.AdvanceToAsync("2027-09-25");
        (await s.CaseAsync()).StageLabels.Should().Equal(new[] { "Stage 5 of 8: Development" }, "no halt application within 21 days of the acknowledgement (reg 18(1)(d))");
        await ConsultAndBallotAsync(s, secureFor: 90, secureAgainst: 40);
        (await s.CaseAsync()).Variables["ballotPassed"].GetBoolean().Should().BeTrue();
        await s.DoAsync("groupProceeds", "proceed");
        await s.DoAsync("applyForConsent", "applied", new { appliedOn = "2028-06-05", application = await s.DocumentAsync(), certificate = await s.DocumentAsync("certificate.pdf") });
        (await s.OpenTasksAsync()).Should().NotContain("recordConsent", "tenants have 28 days from the result notice for representations (Sch 3A para 3(6))");
        await s.AdvanceToAsync("2028-06-30");
        await s.DoAsync("recordConsent", "granted", new { decidedOn = "2028-09-01", decisionLetter = await s.DocumentAsync("consent.pdf"), conditions = "Price at least the attributable debt." });
        await s.ShouldEndAsync("consent-granted");
        (await s.MailAsync()).Should().Contain(m => m.Template == "case-update" && m.Fields["headline"] == "The Secretary of State has consented to the transfer");
        (await s.TimelineAsync()).Should().HaveCount(8).And.OnlyContain(t => t.Status == "completed");
    }

    [Fact]
    public async Task A_halt_applied_for_within_the_window_and_granted_ends_the_case_halted()
    {
        await using var s = await AcceptedAsync();
        await s.AdvanceToAsync("2027-02-15");
        await s.DoAsync("haltWindow1", "apply-to-halt", new { applicationDate = "2027-02-15", application = await s.DocumentAsync("halt.pdf") });
        (await s.TaskAsync("recordHaltDecision1")).LastDay.Should().BeNull("no period was found for the Secretary of State");
        await s.AdvanceToAsync("2027-03-01");
        (await s.OpenTasksAsync()).Should().Equal(["recordHaltDecision1"], "the feasibility study waits for the decision, past the 21 days");
        await s.DoAsync("recordHaltDecision1", "halt", new { decidedOn = "2027-05-10", decisionLetter = await s.DocumentAsync() });
        await s.ShouldEndAsync("halted", "significant detrimental effect");
        (await s.MailAsync()).Should().Contain(m => m.Template == "case-update" && m.Fields["headline"] == "The proposal has been halted");
    }

    [Fact]
    public async Task A_halt_refused_by_the_secretary_of_state_lets_the_feasibility_study_begin()
    {
        await using var s = await AcceptedAsync();
        await s.DoAsync("haltWindow1", "apply-to-halt", new { applicationDate = "2027-02-10", application = await s.DocumentAsync() });
        await s.DoAsync("recordHaltDecision1", "continue", new { decidedOn = "2027-04-01", decisionLetter = await s.DocumentAsync() });
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 3 of 8: Feasibility study");
        (await s.TaskAsync("agreeTimetable")).CandidateOrganisation.Should().Be("demo-tmo");
    }

    [Fact]
    public async Task A_halt_applied_for_at_a_later_stage_pauses_the_case_until_the_secretary_of_state_decides()
    {
        await using var s = await AcceptedAsync();
        await s.DoAsync("haltWindow1", "no-application");
        await FeasibilityAsync(s);
        await s.DoAsync("respondToStatement", "accept");
        await s.DoAsync("chooseOption", "proceed", new { option = "Transfer to a new community landlord" });

        // In the development stage, outside both windows.
        (await s.SendAsync("halt-applied", new { applicationDate = "2027-12-01" })).Outcome.Should().Be(StimulusOutcome.Applied);
        var held = await s.CaseAsync();
        held.Hold.Should().NotBeNull();
        held.StageLabels.Should().Equal("Stage 5 of 8: Development");
        var develop = await s.TaskAsync("develop");
        var blocked = await s.Runtime.CompleteTaskAsync(s.Id, develop.Id, "proceed", System.Text.Json.JsonSerializer.SerializeToElement(new { landlord = "Birch Community Homes" }), "tg", "user:tg");
        blocked.Outcome.Should().Be(StimulusOutcome.Rejected);
        blocked.Message.Should().Contain("on hold");

        await s.DoAsync("recordHaltDecision", "continue", new { decidedOn = "2028-02-01", decisionLetter = await s.DocumentAsync() });
        (await s.CaseAsync()).Hold.Should().BeNull();
        await s.DoAsync("develop", "proceed", new { landlord = "Birch Community Homes" });
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 6 of 8: Consultation");
    }

    [Fact]
    public async Task A_halt_granted_during_consultation_ends_the_case_and_the_paused_notice_period_with_it()
    {
        await using var s = await AcceptedAsync();
        await s.DoAsync("haltWindow1", "no-application");
        await FeasibilityAsync(s);
        await s.DoAsync("respondToStatement", "accept");
        await s.DoAsync("chooseOption", "proceed", new { option = "Transfer" });
        await s.DoAsync("develop", "proceed", new { landlord = "Birch Community Homes" });
        await s.AdvanceToAsync("2028-03-01");
        await s.DoAsync("serveStage1", "served", new { servedOn = "2028-03-01", offer = await s.DocumentAsync() });

        (await s.SendAsync("halt-applied")).Outcome.Should().Be(StimulusOutcome.Applied);
        await s.AdvanceToAsync("2028-04-10");
        (await s.OpenTasksAsync()).Should().Equal(["recordHaltDecision"], "the representations period ended during the hold: it is kept until the hold ends");
        await s.DoAsync("recordHaltDecision", "halt", new { decidedOn = "2028-04-10", decisionLetter = await s.DocumentAsync() });
        await s.ShouldEndAsync("halted", "reg 13");
        (await s.CaseAsync()).Bookmarks.Should().BeEmpty();
    }

    [Fact]
    public async Task A_rejected_feasibility_study_statement_goes_to_arbitration_and_on_to_development()
    {
        await using var s = await AcceptedAsync();
        await s.DoAsync("haltWindow1", "no-application");
        await FeasibilityAsync(s);
        await s.DoAsync("respondToStatement", "reject", new { reasons = "The statement does not assess the option of an existing landlord." });
        await s.DoAsync("referRejection", "refer", new { referredOn = "2027-09-20" });
        await s.DoAsync("recordStatementArbitration", "no-grounds", new { notifiedOn = "2027-11-01", decision = await s.DocumentAsync("award.pdf") });
        (await s.CaseAsync()).StageLabels.Should().Equal("Stage 5 of 8: Development");
        (await s.TaskAsync("develop")).Title.Should().Be("Choose the landlord and decide whether to proceed");
    }

    [Fact]
    public async Task Consent_is_refused_when_a_majority_of_those_voting_oppose_the_transfer()
    {
        await using var s = await AcceptedAsync();
        await s.DoAsync("haltWindow1", "no-application");
        await FeasibilityAsync(s);
        await s.DoAsync("respondToStatement", "accept");
        await s.DoAsync("chooseOption", "proceed", new { option = "Transfer" });
        await ConsultAndBallotAsync(s, secureFor: 40, secureAgainst: 90, introductoryFor: 1, introductoryAgainst: 4);
        var snapshot = await s.CaseAsync();
        snapshot.Variables["ballotPassed"].GetBoolean().Should().BeFalse();
        snapshot.Variables["ballotMajorityAgainst"].GetBoolean().Should().BeTrue();
        await s.ShouldEndAsync("consent-refused", "Sch 3A para 5(1)");
        (await s.MailAsync()).Should().Contain(m => m.Template == "case-update" && m.Fields["headline"] == "Your transfer proposal has ended" && m.Fields["detail"].Contains("cannot consent"));
    }
}
