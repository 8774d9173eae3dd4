using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tests.Support;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Tests.Statutory;

/// <summary>
/// A definition with one activity under test: Start → the activity → an End per port, whose outcome is
/// the port's name, so a case's outcome says which port the activity chose. Every output is mapped to
/// the variable of the same name.
/// </summary>
public sealed class OneActivity(string type, string[] ports, string inputs, (string Name, string Type)[] variables, string[] outputs, string parameters = "")
{
    public string Json => $$"""
    {
      "id": "one-activity", "version": 1, "name": "{{type}} under test",
      "parameters": [ {{parameters}} ],
      "variables": [ {{string.Join(", ", variables.Select(v => $$"""{ "name": "{{v.Name}}", "type": "{{v.Type}}" }"""))}} ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "check", "type": "{{type}}", "inputs": {{inputs}},
          "outputs": { {{string.Join(", ", outputs.Select(o => $"\"{o}\": \"{o}\""))}} } },
        {{string.Join(",\n    ", ports.Select(p => $$"""{ "id": "{{p}}End", "type": "End", "inputs": { "outcome": "{{p}}" } }"""))}}
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "check" } },
        {{string.Join(",\n    ", ports.Select(p => $$"""{ "source": { "activity": "check", "port": "{{p}}" }, "target": { "activity": "{{p}}End" } }"""))}}
      ]
    }
    """;

    /// <summary>Starts a case on a fresh SQLite database with these variables and runs it as far as it goes.</summary>
    public async Task<Ran> RunAsync(object variables)
    {
        var engine = await TestEngine.CreateAsync(TestDatabases.Sqlite, Json);
        var values = System.Text.Json.JsonSerializer.SerializeToElement(variables).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var started = await engine.Runtime.StartAsync(new StartCaseRequest { DefinitionId = "one-activity", Variables = values });
        return new Ran(await engine.GetAsync(started.InstanceId), await engine.Store.ReadIncidentsAsync(started.InstanceId));
    }

    public IReadOnlyList<ValidationError> Validate() => new DefinitionValidator(TestEngine.Registry).Validate(Json, out _);

    public sealed record Ran(InstanceSnapshot Case, IReadOnlyList<Incident> Incidents)
    {
        public System.Text.Json.JsonElement this[string variable] => Case.Variables[variable];

        public string[] Reasons => Case.Variables["reasons"].EnumerateArray().Select(r => r.GetString()!).ToArray();
    }
}
