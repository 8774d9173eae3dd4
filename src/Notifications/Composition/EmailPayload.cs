using System.Text.Json;

namespace RightToManage.Notifications.Composition;

/// <summary>
/// What an "email" outbox row holds: the template, the recipients as party roles, and the field values
/// fixed when the row was committed. Addresses are looked up when it is sent, so a contact corrected after
/// a failure receives the resend.
/// </summary>
public sealed record EmailPayload(
    string Template,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyDictionary<string, JsonElement> Fields)
{
    /// <summary>The outbox kind of these rows.</summary>
    public const string Kind = "email";

    /// <summary>People addressed directly rather than by role (e.g. the person a task was handed to).</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, Json);

    public static EmailPayload Parse(string json) =>
        JsonSerializer.Deserialize<EmailPayload>(json, Json) ?? throw new JsonException("An email outbox row holds null.");
}
