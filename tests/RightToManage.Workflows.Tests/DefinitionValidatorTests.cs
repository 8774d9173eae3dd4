using System.Text.Json.Nodes;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tests.Support;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Tests;

public class DefinitionValidatorTests
{
    private const string Valid = """
    {
      "id": "decision-on-proposal",
      "version": 1,
      "name": "Council decision on a proposal notice",
      "parameters": [
        { "name": "decisionPeriod", "type": "period", "value": 28, "unit": "calendarDays", "source": "SI 2012/1821 reg 11(1)", "confidence": "high" }
      ],
      "variables": [ { "name": "decision", "type": "text" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "received", "type": "WaitForEvent", "stage": "Proposal notice", "inputs": { "event": "proposal-received" } },
        { "id": "decided", "type": "WaitForEvent", "inputs": { "event": "council-decided" }, "outputs": { "payload": "decision" } },
        { "id": "which", "type": "Decision", "inputs": { "variable": "decision", "cases": ["accept", "refuse"] } },
        { "id": "accepted", "type": "End", "inputs": { "outcome": "accepted" } },
        { "id": "refused", "type": "End", "inputs": { "outcome": "refused" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "received" } },
        { "source": { "activity": "received", "port": "done" }, "target": { "activity": "decided" } },
        { "source": { "activity": "decided", "port": "done" }, "target": { "activity": "which" } },
        { "source": { "activity": "which", "port": "accept" }, "target": { "activity": "accepted" } },
        { "source": { "activity": "which", "port": "refuse" }, "target": { "activity": "refused" } }
      ]
    }
    """;

    private static IReadOnlyList<ValidationError> Validate(Action<JsonNode> mutate)
    {
        var node = JsonNode.Parse(Valid)!;
        mutate(node);
        return new DefinitionValidator(TestEngine.Registry).Validate(node.ToJsonString(), out _);
    }

    [Fact]
    public void A_valid_definition_has_no_errors() => Validate(_ => { }).Should().BeEmpty();

    [Fact]
    public void Unknown_activity_type_is_named_by_path() =>
        Validate(d => d["activities"]![1]!["type"] = "WaitForEvnt").Should().ContainSingle()
            .Which.Should().Match<ValidationError>(e => e.Path == "$.activities[1].type" && e.Code == "activity.type");

    [Fact]
    public void Missing_required_input_is_named_by_path() =>
        Validate(d => d["activities"]![1]!["inputs"] = new JsonObject()).Should().ContainSingle()
            .Which.Should().Match<ValidationError>(e => e.Path == "$.activities[1].inputs.event" && e.Code == "input.missing");

    [Fact]
    public void Ill_typed_input_is_named_by_path() =>
        Validate(d => d["activities"]![1]!["inputs"]!["event"] = 42).Should().ContainSingle()
            .Which.Should().Match<ValidationError>(e => e.Path == "$.activities[1].inputs.event" && e.Code == "input.type");

    [Fact]
    public void Unknown_input_is_named_by_path() =>
        Validate(d => d["activities"]![1]!["inputs"]!["evnt"] = "x").Should().ContainSingle()
            .Which.Path.Should().Be("$.activities[1].inputs.evnt");

    [Fact]
    public void Dangling_connection_is_named_by_path() =>
        Validate(d => d["connections"]![1]!["target"]!["activity"] = "nowhere")
            .Should().Contain(e => e.Path == "$.connections[1].target.activity" && e.Code == "connection.dangling");

    [Fact]
    public void Unknown_port_is_named_by_path() =>
        Validate(d => d["connections"]![3]!["source"]!["port"] = "accepted")
            .Should().Contain(e => e.Path == "$.connections[3].source.port" && e.Code == "connection.port");

    [Fact]
    public void Duplicate_connection_is_reported() =>
        Validate(d => d["connections"]!.AsArray().Add(d["connections"]![0]!.DeepClone()))
            .Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == "$.connections[5]" && e.Code == "connection.duplicate");

    [Fact]
    public void Duplicate_activity_id_is_reported() =>
        Validate(d => d["activities"]![5]!["id"] = "accepted")
            .Should().Contain(e => e.Path == "$.activities[5].id" && e.Code == "activity.duplicate");

    [Fact]
    public void Unreachable_activity_is_reported() =>
        Validate(d => d["activities"]!.AsArray().Add(JsonNode.Parse("""{ "id": "orphan", "type": "End" }""")))
            .Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == "$.activities[6]" && e.Code == "activity.unreachable");

    [Fact]
    public void A_definition_without_start_is_reported() =>
        Validate(d =>
        {
            d["activities"]!.AsArray().RemoveAt(0);
            d["connections"]!.AsArray().RemoveAt(0);
        }).Should().Contain(e => e.Path == "$.activities" && e.Code == "definition.noStart");

    [Theory]
    [InlineData(0, "period.invalid")]
    [InlineData(-3, "period.invalid")]
    [InlineData(2.5, "period.invalid")]
    public void Invalid_period_parameter_is_reported(double value, string code) =>
        Validate(d => d["parameters"]![0]!["value"] = value)
            .Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == "$.parameters[0].value" && e.Code == code);

    [Fact]
    public void Unknown_period_unit_is_a_json_error_with_its_path() =>
        Validate(d => d["parameters"]![0]!["unit"] = "fortnights")
            .Should().ContainSingle().Which.Path.Should().Be("$.parameters[0].unit");

    [Fact]
    public void A_parameter_without_a_legal_source_is_reported() =>
        Validate(d => d["parameters"]![0]!["source"] = " ")
            .Should().ContainSingle().Which.Path.Should().Be("$.parameters[0].source");

    [Fact]
    public void A_reference_to_an_unknown_parameter_is_reported() =>
        Validate(d => d["activities"]![4]!["inputs"]!["outcome"] = JsonNode.Parse("""{ "$parameter": "nope" }"""))
            .Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == "$.activities[4].inputs.outcome" && e.Code == "parameter.unknown");

    [Fact]
    public void A_reference_of_the_wrong_type_is_reported() =>
        Validate(d => d["activities"]![4]!["inputs"]!["outcome"] = JsonNode.Parse("""{ "$parameter": "decisionPeriod" }"""))
            .Should().ContainSingle().Which.Code.Should().Be("input.type");

    [Fact]
    public void An_output_to_an_undeclared_variable_is_reported() =>
        Validate(d => d["activities"]![2]!["outputs"]!["payload"] = "missing")
            .Should().ContainSingle().Which.Path.Should().Be("$.activities[2].outputs.payload");

    [Fact]
    public void A_decision_on_an_undeclared_variable_is_reported() =>
        Validate(d => d["activities"]![3]!["inputs"]!["variable"] = "missing")
            .Should().Contain(e => e.Path == "$.activities[3].inputs.variable" && e.Code == "variable.unknown");

    [Fact]
    public void A_null_entry_is_an_error_not_a_crash()
    {
        Validate(d => d["activities"]!.AsArray().Add(null)).Should().ContainSingle().Which.Path.Should().Be("$.activities[6]");
        Validate(d => d["activities"]![2]!["outputs"]!["payload"] = null).Should().ContainSingle().Which.Path.Should().Be("$.activities[2].outputs.payload");
    }

    [Theory]
    [InlineData("confidence")]
    [InlineData("type")]
    public void A_parameter_must_state_its_type_and_confidence(string member) =>
        Validate(d => d["parameters"]![0]!.AsObject().Remove(member)).Should().ContainSingle()
            .Which.Should().Match<ValidationError>(e => e.Path.StartsWith("$.parameters[0]") && e.Message.Contains(member));

    [Fact]
    public void A_period_literal_must_state_its_unit() =>
        new DefinitionValidator(TestEngine.Registry).Validate(Valid.Replace(
            "\"value\": 28, \"unit\": \"calendarDays\",", "\"value\": 28,"), out _).Should().NotBeEmpty();

    [Theory]
    [InlineData("\"version\": 1,", "\"version\": \"1\",")]
    [InlineData("\"version\": 1,", "\"Version\": 1,")]
    [InlineData("\"version\": 1,", "\"version\": 1, \"version\": 2,")]
    public void The_reader_is_strict_about_names_numbers_and_repeats(string from, string to) =>
        new DefinitionValidator(TestEngine.Registry).Validate(Valid.Replace(from, to), out _).Should().ContainSingle()
            .Which.Code.Should().Be("json.invalid");

    [Fact]
    public void A_deadline_must_be_on_a_waiting_activity_and_cite_its_source()
    {
        var deadline = JsonNode.Parse("""{ "period": { "$parameter": "decisionPeriod" } }""");
        var errors = Validate(d => d["activities"]![3]!["deadline"] = deadline);
        errors.Select(e => (e.Path, e.Code)).Should().BeEquivalentTo(new[]
        {
            ("$.activities[3].deadline", "deadline.notWaiting"),
            ("$.activities[3].deadline.source", "deadline.source"),
        });
    }

    [Fact]
    public void Deadline_reminders_are_checked()
    {
        var deadline = JsonNode.Parse("""
            { "period": { "value": 0, "unit": "calendarDays" }, "source": "reg 11", "from": { "$variable": "decision" },
              "reminders": [ { "onTheDay": true, "before": { "value": 7, "unit": "calendarDays" } }, { "every": { "value": 7, "unit": "calendarDays" } } ] }
            """);
        var errors = Validate(d => d["activities"]![2]!["deadline"] = deadline);
        errors.Select(e => (e.Path, e.Code)).Should().BeEquivalentTo(new[]
        {
            ("$.activities[2].deadline.period", "period.invalid"),
            ("$.activities[2].deadline.from", "input.type"),
            ("$.activities[2].deadline.reminders[0]", "reminder.kind"),
            ("$.activities[2].deadline.reminders[1].every", "reminder.every"),
        });
    }

    [Fact]
    public void A_deadline_adds_the_overdue_and_reminder_ports()
    {
        var deadline = JsonNode.Parse("""{ "period": { "$parameter": "decisionPeriod" }, "source": "reg 11", "reminders": [ { "onTheDay": true } ] }""");
        Validate(d =>
        {
            d["activities"]![2]!["deadline"] = deadline;
            d["connections"]!.AsArray().Add(JsonNode.Parse("""{ "source": { "activity": "decided", "port": "overdue" }, "target": { "activity": "refused" } }"""));
            d["connections"]!.AsArray().Add(JsonNode.Parse("""{ "source": { "activity": "decided", "port": "reminder" }, "target": { "activity": "accepted" } }"""));
        }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"confidence\": \"medium\"", "\"confidence\": \"0\"")]
    [InlineData("\"confidence\": \"medium\"", "\"confidence\": \"Medium\"")]
    [InlineData("\"confidence\": \"medium\"", "\"confidence\": \" medium \"")]
    [InlineData("\"unit\": \"calendarDays\"", "\"unit\": \"calendarDays, workingDays\"")]
    [InlineData("\"type\": \"period\"", "\"type\": 6")]
    public void Enumerated_values_are_read_only_from_their_exact_names(string from, string to)
    {
        var errors = new DefinitionValidator(TestEngine.Registry).Validate(Valid.Replace("\"confidence\": \"high\"", "\"confidence\": \"medium\"").Replace(from, to), out _);
        errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Code == "json.invalid" && e.Path.StartsWith("$.parameters[0]") && e.Message.Contains("is not one of"));
    }

    [Fact]
    public void A_syntax_error_names_where_it_is()
    {
        var errors = new DefinitionValidator(TestEngine.Registry).Validate(Valid.Replace("\"version\": 1,", "\"version\": 1,,"), out var definition);
        definition.Should().BeNull();
        errors.Should().ContainSingle().Which.Code.Should().Be("json.invalid");
    }

    [Fact]
    public void A_misspelt_member_is_rejected_with_its_path()
    {
        var errors = new DefinitionValidator(TestEngine.Registry).Validate(Valid.Replace("\"connections\"", "\"conections\""), out _);
        errors.Should().ContainSingle().Which.Message.Should().Contain("conections");
    }

    // Found by the definition fuzzer (Fuzzing/DefinitionFuzzTests): "$.activities[1].inputs.a.b" named a member "b" of a member "a".
    [Theory]
    [InlineData("a.b", "$.activities[1].inputs['a.b']")]
    [InlineData("", "$.activities[1].inputs['']")]
    [InlineData("[0]", "$.activities[1].inputs['[0]']")]
    [InlineData("名前", "$.activities[1].inputs.名前")]
    public void An_unknown_input_whose_name_is_not_a_plain_word_is_named_unambiguously(string name, string path) =>
        Validate(d => d["activities"]![1]!["inputs"]![name] = "x")
            .Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == path && e.Code == "input.unknown");

    // Found by the fuzzer: the parser writes a member named "" as nothing ("$.activities[1].position.").
    [Fact]
    public void An_unknown_member_with_an_empty_name_is_named_by_path() =>
        Validate(d => d["activities"]![1]!["position"] = new JsonObject { ["x"] = 0, ["y"] = 0, [""] = 1 })
            .Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == "$.activities[1].position['']" && e.Code == "json.invalid");

    // Found by the fuzzer: "\ud800" is valid JSON but no string can be read from it, and the validator threw reading it.
    [Fact]
    public void Text_that_is_not_unicode_is_refused_at_its_path()
    {
        var errors = new DefinitionValidator(TestEngine.Registry).Validate(Valid.Replace("\"proposal-received\"", "{\"$variable\": \"\\ud800\"}"), out var definition);
        definition.Should().BeNull();
        errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Path == "$.activities[1].inputs.event" && e.Code == "json.invalid" && e.Message.Contains("not valid Unicode") && e.Message.Contains("$variable"));
    }

    // Found by the fuzzer: 1e400 read as infinity, which passed validation and then could not be written when stored.
    [Fact]
    public void A_position_too_large_for_a_number_is_refused_at_its_path()
    {
        var errors = new DefinitionValidator(TestEngine.Registry).Validate(
            Valid.Replace("""{ "id": "start", "type": "Start" }""", """{ "id": "start", "type": "Start", "position": { "x": -1e400, "y": 0 } }"""), out _);
        errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == "$.activities[0].position.x" && e.Code == "json.invalid");
    }

    // Found by the fuzzer: a null entry in a task's form threw a NullReferenceException in the validator.
    [Fact]
    public void A_null_form_field_is_named_by_path() =>
        Validate(d => d["activities"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "task", "type": "UserTask", "inputs": { "title": "Decide", "outcomes": ["done"], "form": [null] } }
            """)))
            .Should().Contain(e => e.Path == "$.activities[6].inputs.form[0]" && e.Code == "json.null");

    // Found by the fuzzer: a connection without a source read as one from an activity named "".
    [Theory]
    [InlineData("source")]
    [InlineData("target")]
    public void A_connection_needs_its_source_and_target(string end) =>
        Validate(d => d["connections"]![1]!.AsObject().Remove(end))
            .Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == "$.connections[1]" && e.Code == "json.invalid" && e.Message.Contains(end));

    [Fact]
    public async Task A_definition_with_errors_is_never_stored_or_run()
    {
        var engine = await TestEngine.CreateAsync(TestDatabases.Sqlite);
        var broken = RightToManage.Workflows.Definitions.DefinitionJson.Parse(Valid.Replace("\"WaitForEvent\"", "\"Wait\"")).Definition!;
        var store = () => engine.Catalog.AddAsync(broken, Persistence.DefinitionOrigin.Database, publish: true);
        (await store.Should().ThrowAsync<InvalidDefinitionException>()).Which.Errors.Should().HaveCount(2);
        var start = () => engine.Runtime.StartAsync(new StartCaseRequest { DefinitionId = "decision-on-proposal" });
        await start.Should().ThrowAsync<DefinitionNotFoundException>();
    }
}
