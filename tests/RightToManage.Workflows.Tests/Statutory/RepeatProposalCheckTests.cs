using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Tests.Statutory;

/// <summary>RepeatProposalCheck run in the real runtime: the 2-year look-back, the half-of-the-houses share and the advice.</summary>
public class RepeatProposalCheckTests
{
    private static OneActivity Check(string extra = "") => new(
        "RepeatProposalCheck", ["ground", "noGround"],
        $$"""{ "houses": { "$variable": "houses" }, "receivedOn": { "$variable": "receivedOn" }, "earlierNotices": { "$variable": "earlierNotices" } {{extra}} }""",
        [("houses", "text"), ("receivedOn", "date"), ("earlierNotices", "json"), ("groundApplies", "boolean"), ("advice", "json")],
        ["groundApplies", "advice"]);

    /// <summary>The new notice: 100 houses on one estate.</summary>
    private static readonly string[] Estate = Enumerable.Range(1, 100).Select(n => $"{n} Acacia Avenue, Leeds LS1 4AA").ToArray();

    private static object Case(object[] earlierNotices, string receivedOn = "2026-04-01") =>
        new { houses = string.Join("\n", Estate), receivedOn, earlierNotices };

    /// <summary>An earlier notice that shared <paramref name="shared"/> of the estate's houses, and had 30 of its own.</summary>
    private static object Earlier(string reference, string withdrawnOn, int shared) => new
    {
        reference,
        withdrawnOn,
        houses = Estate.Take(shared).Concat(Enumerable.Range(1, 30).Select(n => $"{n} Laburnum Close, Leeds LS2 1BB")).ToArray(),
    };

    [Fact]
    public async Task Half_the_houses_in_a_notice_withdrawn_exactly_24_months_before_gives_the_ground()
    {
        var ran = await Check().RunAsync(Case([Earlier("RTM-2024-7", "2024-04-01", 50), Earlier("RTM-2025-2", "2025-09-30", 10)]));

        ran.Case.Outcome.Should().Be("ground");
        ran["groundApplies"].GetBoolean().Should().BeTrue();
        var advice = ran["advice"];
        advice.GetProperty("groundApplies").GetBoolean().Should().BeTrue();
        advice.GetProperty("message").GetString().Should().Be(
            "The council may refuse the notice on the repeat-proposal ground (the Housing (Right to Manage) (England) Regulations 2008, regulation 11(4)): " +
            "50 of the notice's 100 houses (50%) were in notice RTM-2024-7, withdrawn on 1 April 2024, in the 24 months before the notice was received on " +
            "1 April 2026. The ground allows a refusal; it does not require one.");
        advice.GetProperty("earlier").EnumerateArray()
            .Select(e => (e.GetProperty("reference").GetString(), e.GetProperty("withdrawnOn").GetString(), e.GetProperty("sharedHouses").GetInt32(), e.GetProperty("share").GetDecimal()))
            .Should().Equal(("RTM-2024-7", "2024-04-01", 50, 0.5m), ("RTM-2025-2", "2025-09-30", 10, 0.1m));
    }

    [Fact]
    public async Task Forty_nine_percent_of_the_houses_gives_no_ground()
    {
        var ran = await Check().RunAsync(Case([Earlier("RTM-2025-1", "2025-06-01", 49)]));

        ran.Case.Outcome.Should().Be("noGround");
        ran["groundApplies"].GetBoolean().Should().BeFalse();
        ran["advice"].GetProperty("message").GetString().Should().Be(
            "The repeat-proposal ground (the Housing (Right to Manage) (England) Regulations 2008, regulation 11(4)) does not apply: it needs at least 50% of the " +
            "notice's houses to have been in one notice withdrawn in the 24 months before the notice was received on 1 April 2026, and the most any shared was " +
            "49 of the notice's 100 houses (49%), in notice RTM-2025-1, withdrawn on 1 June 2025.");
    }

    [Fact]
    public async Task A_notice_withdrawn_two_years_and_a_day_before_does_not_count()
    {
        var ran = await Check().RunAsync(Case([Earlier("RTM-2024-3", "2024-03-31", 100)]));

        ran.Case.Outcome.Should().Be("noGround");
        ran["advice"].GetProperty("earlier").GetArrayLength().Should().Be(0);
        ran["advice"].GetProperty("message").GetString().Should().StartWith("No earlier notice was withdrawn in the 24 months before the notice was received on 1 April 2026");
    }

    [Fact]
    public async Task A_notice_withdrawn_after_the_new_one_was_received_does_not_count()
    {
        var ran = await Check().RunAsync(Case([Earlier("RTM-2026-1", "2026-04-02", 100)]));
        ran.Case.Outcome.Should().Be("noGround");
    }

    [Fact]
    public async Task Houses_match_ignoring_case_spacing_blank_lines_and_repeats()
    {
        var ran = await Check().RunAsync(new
        {
            houses = "12 High Street\r\n\n   Flat 3,  Tower   Court \n12 HIGH STREET\n\n14 High Street",
            receivedOn = "2026-04-01",
            earlierNotices = new object[] { new { withdrawnOn = "2025-01-15", houses = "12 high street\nFLAT 3, TOWER COURT\n1 Low Road" } },
        });

        ran.Case.Outcome.Should().Be("ground");
        var earlier = ran["advice"].GetProperty("earlier").EnumerateArray().Single();
        earlier.GetProperty("sharedHouses").GetInt32().Should().Be(2, "12 High Street is listed twice but is one house");
        earlier.GetProperty("share").GetDecimal().Should().Be(0.6667m);
        earlier.GetProperty("reference").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task The_share_and_look_back_can_be_set()
    {
        var ran = await Check(""", "overlapShare": 0.1, "lookBack": { "value": 3, "unit": "calendarMonths" }""")
            .RunAsync(Case([Earlier("RTM-2026-0", "2026-01-01", 10), Earlier("RTM-2025-9", "2025-12-31", 90)]));

        ran.Case.Outcome.Should().Be("ground");
        ran["advice"].GetProperty("earlier").EnumerateArray().Select(e => e.GetProperty("reference").GetString()).Should().Equal("RTM-2026-0");
    }

    [Fact]
    public async Task A_malformed_register_entry_faults_the_case_naming_it()
    {
        var ran = await Check().RunAsync(Case([Earlier("RTM-2024-7", "2024-05-01", 50), new { reference = "RTM-2025-4", withdrawnOn = "03/05/2025", houses = "1 Acacia Avenue" }]));

        ran.Case.Status.Should().Be(InstanceStatus.Faulted);
        ran.Incidents.Should().ContainSingle().Which.Error.Should().Be("earlierNotices[1].withdrawnOn is not a date yyyy-MM-dd.");
    }

    [Fact]
    public void Validation_rejects_a_share_outside_0_to_1_and_a_malformed_literal_register()
    {
        Check(""", "overlapShare": 1.5""").Validate().Should().ContainSingle()
            .Which.Should().Match<Validation.ValidationError>(e => e.Path == "$.activities[1].inputs.overlapShare" && e.Code == "repeatProposal.overlapShare");

        var literal = new OneActivity("RepeatProposalCheck", ["ground", "noGround"],
            """{ "houses": "1 Acacia Avenue", "receivedOn": "2026-04-01", "earlierNotices": [ { "withdrawnOn": "2025-01-01", "houses": 7 } ] }""", [], []);
        literal.Validate().Should().ContainSingle().Which.Should().Match<Validation.ValidationError>(e =>
            e.Path == "$.activities[1].inputs.earlierNotices" && e.Message == "earlierNotices[0].houses is neither a list of houses nor text with one house per line.");
    }
}
