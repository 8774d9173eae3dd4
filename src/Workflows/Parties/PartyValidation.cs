using System.Net.Mail;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Parties;

/// <summary>Checks a case's contacts before they are stored, reporting each problem by JSON path.</summary>
public static class PartyValidation
{
    /// <summary>The largest number of contacts one role may hold: enough for a committee, not a mailing list.</summary>
    public const int MaxContactsPerRole = 50;

    public static void Validate(string role, IReadOnlyList<PartyContact?>? contacts, string path, List<ValidationError> errors)
    {
        if (!PartyRoles.IsKnown(role))
        {
            errors.Add(new(path, "party.role", $"'{role}' is not a party role. Roles: {string.Join(", ", PartyRoles.All)}."));
            return;
        }
        if (contacts is null)
        {
            errors.Add(new(path, "party.contacts", "Give a list of contacts ({\"name\", \"email\"}); an empty list removes the role."));
            return;
        }
        if (contacts.Count > MaxContactsPerRole)
            errors.Add(new(path, "party.contacts", $"At most {MaxContactsPerRole} contacts per role."));
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var contactPath = $"{path}[{i}]";
            if (contact is null)
            {
                errors.Add(new(contactPath, "json.null", "A contact is null."));
                continue;
            }
            if (string.IsNullOrWhiteSpace(contact.Name) || contact.Name.Length > 200 || contact.Name.Any(char.IsControl))
                errors.Add(new($"{contactPath}.name", "party.name", "A contact needs a name of up to 200 characters, on one line."));
            if (!IsPlainAddress(contact.Email))
                errors.Add(new($"{contactPath}.email", "party.email", $"'{contact.Email}' is not an email address such as secretary@tmo.example."));
        }
    }

    /// <summary>One bare address: no display name, no list, no control characters (header injection).</summary>
    public static bool IsPlainAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= 254 && !email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && MailAddress.TryCreate(email, out var address) && address.Address == email && address.DisplayName.Length == 0
        && address.Host.Contains('.');
}
