using System.Globalization;
using System.Text.Json;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Tasks;

/// <summary>Checks what a person submits to complete a task: the outcome and the form's answers.</summary>
public static class TaskSubmission
{
    public const int DefaultMaxLength = 2000;

    /// <summary>Every problem, by JSON path (<c>$.outcome</c>, <c>$.data.receivedOn</c>); empty when the submission is good.</summary>
    public static IReadOnlyList<ValidationError> Check(HumanTask task, string? outcome, JsonElement? data)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrEmpty(outcome))
            errors.Add(new("$.outcome", "field.required", $"Choose an outcome: {string.Join(", ", task.Outcomes)}."));
        else if (!task.Outcomes.Contains(outcome, StringComparer.Ordinal))
            errors.Add(new("$.outcome", "task.outcome", $"'{outcome}' is not an outcome of this task. Choose one of: {string.Join(", ", task.Outcomes)}."));

        var answers = data is { ValueKind: JsonValueKind.Object } given ? given : default;
        if (data is { } d && d.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            errors.Add(new("$.data", "json.type", "The answers are an object: field name → value."));
            return errors;
        }
        var known = task.Form.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (answers.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in answers.EnumerateObject().Where(p => !known.Contains(p.Name)))
                errors.Add(new(JsonPath.Member("$.data", property.Name), "task.field.unknown", $"The form has no field '{property.Name}'."));
        }
        foreach (var field in task.Form)
        {
            var path = $"$.data.{field.Name}";
            var present = answers.ValueKind == JsonValueKind.Object && answers.TryGetProperty(field.Name, out var value)
                && value.ValueKind != JsonValueKind.Null && !(value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));
            if (!present)
            {
                if (field.Required || (field.RequiredFor is { } requiredFor && requiredFor == outcome))
                    errors.Add(new(path, "field.required", $"Enter {Lower(field.Label)}."));
                continue;
            }
            if (CheckValue(field, answers.GetProperty(field.Name)) is { } problem) errors.Add(new(path, "task.field.invalid", problem));
        }
        return errors;
    }

    private static string? CheckValue(TaskFormField field, JsonElement value) => field.Type switch
    {
        TaskFieldType.Text => value.ValueKind != JsonValueKind.String ? $"{field.Label} must be text."
            : value.GetString()!.Length > (field.MaxLength ?? DefaultMaxLength) ? $"{field.Label} must be {field.MaxLength ?? DefaultMaxLength} characters or fewer."
            : null,
        TaskFieldType.Date => value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null : $"{field.Label} must be a real date, written yyyy-MM-dd.",
        TaskFieldType.Number => value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) ? $"{field.Label} must be a number."
            : field.Min is { } min && number < min ? $"{field.Label} must be {min} or more."
            : field.Max is { } max && number > max ? $"{field.Label} must be {max} or less."
            : null,
        TaskFieldType.YesNo => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"{field.Label} must be yes (true) or no (false).",
        TaskFieldType.Choice => value.ValueKind == JsonValueKind.String && (field.Options ?? []).Contains(value.GetString()!, StringComparer.Ordinal)
            ? null : $"{field.Label} must be one of: {string.Join(", ", field.Options ?? [])}.",
        TaskFieldType.Document => value.ValueKind == JsonValueKind.String && IsDocumentId(value.GetString())
            ? null : $"{field.Label} must be the id of a document uploaded to the case.",
        _ => null,
    };

    /// <summary>
    /// A document id as the API gives it (xxxxxxxx-xxxx-…), not merely something Guid.Parse accepts: the answer is
    /// stored as sent, and "{id}" or an id without hyphens would then not match the document it names.
    /// </summary>
    public static bool IsDocumentId(string? text) => Guid.TryParseExact(text, "D", out _);

    private static string Lower(string label) => label.Length > 0 && char.IsUpper(label[0]) && (label.Length == 1 || !char.IsUpper(label[1]))
        ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
