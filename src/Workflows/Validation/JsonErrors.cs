using System.Text.Json;

namespace RightToManage.Workflows.Validation;

/// <summary>Turns a parser exception into a <see cref="ValidationError"/> a person can act on.</summary>
public static class JsonErrors
{
    public static ValidationError From(JsonException exception)
    {
        var path = string.IsNullOrEmpty(exception.Path) ? "$" : JsonPath.FromParser(exception.Path);
        var message = exception.Message;
        // The parser repeats the path and position after " Path:"; the rest names CLR types nobody outside the code knows.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
            message = "This value has the wrong type or form here.";
        else if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            message = $"'{path.Split('.').Last()}' is not a known field here (check the spelling).";
        else if (message.Contains("missing required properties", StringComparison.Ordinal))
            message = message.Split("including: ") is [_, var names] ? $"Required field(s) missing: {names.Trim().TrimEnd('.')}." : "Required fields are missing.";
        return new ValidationError(path, "json.invalid", message);
    }
}
