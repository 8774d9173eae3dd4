using Microsoft.AspNetCore.Identity;

namespace RightToManage.Host.Identity;

/// <summary>A person who signs in. The user name is the email address.</summary>
public sealed class RtmUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The organisation the user works for or belongs to; null for, say, a system administrator.</summary>
    public string? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }
}

/// <summary>A body taking part in the processes: a TMO, a council, an assessor firm and so on.</summary>
public sealed class Organisation
{
    /// <summary>A slug such as <c>demo-council</c>.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>One of <see cref="Access.OrganisationKinds"/>.</summary>
    public required string Kind { get; set; }
}

/// <summary>A key an integration uses instead of a session; acts as its user. Only the SHA-256 hash of the secret is kept.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public RtmUser? User { get; set; }

    /// <summary>What the key is for, e.g. "housing management system".</summary>
    public required string Name { get; set; }

    /// <summary>The key's first 8 characters (<c>rtm_</c> and 4 more), shown in lists so people can tell keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Updated at most once a minute.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>One applied version of the identity tables' schema (see <see cref="IdentitySchema"/>).</summary>
public sealed class IdentitySchemaVersion
{
    public int Version { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}
