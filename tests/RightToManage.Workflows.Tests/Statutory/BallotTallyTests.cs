using System.Text.Json;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Tests.Statutory;

/// <summary>BallotTally run in the real runtime: majorities, ties, turnout and bad counts.</summary>
public class BallotTallyTests
{
    private static OneActivity Tally(string rules) => new(
        "BallotTally", ["passed", "failed"],
        $$"""{ "votes": { "$variable": "votes" }, {{rules}} }""",
        [("votes", "json"), ("passed", "boolean"), ("majorityAgainst", "boolean"), ("reasons", "textList"), ("result", "json")],
        ["passed", "majorityAgainst", "reasons", "result"]);

    /// <summary>Right to Manage as the PERR ballot was run: secure tenants need their own majority, turnout more than half.</summary>
    private static readonly OneActivity Rtm = Tally("""
        "categories": ["secure", "leaseholder"], "separateMajorities": ["secure"], "turnoutMustExceedPercent": 50
        """);

    [Fact]
    public async Task A_clear_overall_majority_fails_when_secure_tenants_vote_against()
    {
        // 80 % turnout, 68 % of all votes in favour, but 52 of the 100 secure tenants voting were against.
        var ran = await Rtm.RunAsync(new
        {
            votes = new
            {
                secureInFavour = 48, secureAgainst = 52, secureElectorate = 125,
                leaseholderInFavour = 224, leaseholderAgainst = 76, leaseholderElectorate = 375,
            },
        });

        ran.Case.Outcome.Should().Be("failed");
        ran["passed"].GetBoolean().Should().BeFalse();
        ran["majorityAgainst"].GetBoolean().Should().BeFalse();
        ran.Reasons.Should().Equal("52 of 100 secure tenants voting were against (a majority of secure tenants voting is required).");

        var result = ran["result"];
        result.GetProperty("turnoutPercent").GetDecimal().Should().Be(80m);
        result.GetProperty("tests").EnumerateArray()
            .Select(t => (t.GetProperty("rule").GetString(), t.GetProperty("inFavour").GetInt32(), t.GetProperty("against").GetInt32(), t.GetProperty("cast").GetInt32(), t.GetProperty("passed").GetBoolean()))
            .Should().Equal(("overallMajority", 272, 128, 400, true), ("separateMajority:secure", 48, 52, 100, false), ("turnout", 272, 128, 400, true));
        result.GetProperty("counts").GetProperty("leaseholder").GetProperty("electorate").GetInt32().Should().Be(375);
        result.GetProperty("tests")[2].GetProperty("message").GetString().Should().Be("400 of the 500 entitled to vote did so (80%); the turnout must be more than 50%.");
    }

    [Fact]
    public async Task A_tie_is_not_a_majority_in_favour_nor_a_majority_against()
    {
        var ran = await Tally("""  "categories": ["secure"]  """).RunAsync(new { votes = new { secureInFavour = 50, secureAgainst = 50 } });

        ran.Case.Outcome.Should().Be("failed");
        ran["majorityAgainst"].GetBoolean().Should().BeFalse();
        ran.Reasons.Should().Equal("50 of 100 votes cast were in favour and 50 against: a tie is not a majority (a majority of the votes cast is required).");
        ran["result"].GetProperty("turnoutPercent").ValueKind.Should().Be(JsonValueKind.Null);
        ran["result"].GetProperty("counts").GetProperty("secure").GetProperty("electorate").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_turnout_of_exactly_half_does_not_exceed_half()
    {
        var ran = await Tally("""  "categories": ["secure"], "turnoutMustExceedPercent": 50  """)
            .RunAsync(new { votes = new { secureInFavour = 70, secureAgainst = 30, secureElectorate = 200 } });

        ran.Case.Outcome.Should().Be("failed");
        ran.Reasons.Should().Equal("100 of the 200 entitled to vote did so (50%); the turnout must be more than 50%.");
        ran["result"].GetProperty("turnoutPercent").GetDecimal().Should().Be(50m);
    }

    [Fact]
    public async Task More_votes_against_than_for_overall_is_a_majority_against()
    {
        var ran = await Tally("""  "categories": ["secure", "introductory", "leaseholder"], "overallCategories": ["secure", "introductory"]  """)
            .RunAsync(new { votes = new { secureInFavour = 40, secureAgainst = 55, introductoryInFavour = 10, introductoryAgainst = 0, leaseholderInFavour = 90, leaseholderAgainst = 0 } });

        ran.Case.Outcome.Should().Be("failed");
        ran["majorityAgainst"].GetBoolean().Should().BeTrue("leaseholders are outside the overall count, so 50 for and 55 against");
        ran.Reasons.Should().Equal("55 of 105 votes cast were against (a majority of the votes cast is required).");
    }

    [Fact]
    public async Task A_ballot_meeting_every_rule_passes()
    {
        var ran = await Rtm.RunAsync(new
        {
            votes = new { secureInFavour = 70, secureAgainst = 20, secureElectorate = 120, leaseholderInFavour = 5, leaseholderAgainst = 5, leaseholderElectorate = 30 },
        });

        ran.Case.Outcome.Should().Be("passed");
        ran["passed"].GetBoolean().Should().BeTrue();
        ran.Reasons.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{ "secureInFavour": 48, "leaseholderInFavour": 1, "leaseholderAgainst": 0, "secureElectorate": 125, "leaseholderElectorate": 5 }""",
        "The votes' 'secureAgainst' is missing: it is the number of secure tenants who voted against, a whole number of 0 or more.")]
    [InlineData("""{ "secureInFavour": 48, "secureAgainst": -2, "leaseholderInFavour": 1, "leaseholderAgainst": 0, "secureElectorate": 125, "leaseholderElectorate": 5 }""",
        "The votes' 'secureAgainst' is negative (-2): it is the number of secure tenants who voted against, a whole number of 0 or more.")]
    [InlineData("""{ "secureInFavour": 48.5, "secureAgainst": 52, "leaseholderInFavour": 1, "leaseholderAgainst": 0, "secureElectorate": 125, "leaseholderElectorate": 5 }""",
        "The votes' 'secureInFavour' is not a whole number (48.5): it is the number of secure tenants who voted in favour, a whole number of 0 or more.")]
    [InlineData("""{ "secureInFavour": 48, "secureAgainst": 52, "leaseholderInFavour": 1, "leaseholderAgainst": 0, "secureElectorate": 125 }""",
        "The votes' 'leaseholderElectorate' is missing: it is the number of leaseholders entitled to vote, which the turnout rule needs, a whole number of 0 or more.")]
    public async Task A_missing_or_bad_count_faults_the_case_with_an_incident_naming_the_field(string votes, string error)
    {
        var ran = await Rtm.RunAsync(new { votes = JsonDocument.Parse(votes).RootElement });

        ran.Case.Status.Should().Be(InstanceStatus.Faulted);
        var incident = ran.Incidents.Should().ContainSingle().Subject;
        incident.Activity.Should().Be("check");
        incident.Error.Should().Be(error);
    }

    [Fact]
    public void Validation_rejects_repeated_categories()
    {
        Tally("""  "categories": ["secure", "leaseholder", "secure"]  """).Validate().Should().ContainSingle().Which.Should().Match<Validation.ValidationError>(e =>
            e.Path == "$.activities[1].inputs.categories" && e.Code == "ballot.categories" && e.Message == "The category 'secure' is listed twice in 'categories'.");
    }

    [Fact]
    public void Validation_rejects_overall_or_separate_categories_that_were_not_balloted()
    {
        Tally("""  "categories": ["secure", "leaseholder"], "overallCategories": ["secure", "introductory"]  """).Validate().Should().ContainSingle()
            .Which.Should().Match<Validation.ValidationError>(e => e.Path == "$.activities[1].inputs.overallCategories" && e.Code == "ballot.subset");
        Tally("""  "categories": ["secure"], "separateMajorities": ["introductory"]  """).Validate().Should().ContainSingle()
            .Which.Should().Match<Validation.ValidationError>(e => e.Path == "$.activities[1].inputs.separateMajorities" && e.Code == "ballot.subset");
        Tally("""  "categories": ["secure"], "turnoutMustExceedPercent": 101  """).Validate().Should().ContainSingle()
            .Which.Should().Match<Validation.ValidationError>(e => e.Path == "$.activities[1].inputs.turnoutMustExceedPercent" && e.Code == "ballot.turnout");
        Rtm.Validate().Should().BeEmpty();
    }
}
