using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Runtime;

/// <summary>What saving a draft did, or why it did nothing.</summary>
public enum DefinitionSaveOutcome
{
    /// <summary>The version was new and is now stored as a draft.</summary>
    Created,

    /// <summary>The draft's content was replaced (the expected content hash matched).</summary>
    Replaced,

    /// <summary>The version is already stored with this content; nothing changed.</summary>
    Unchanged,

    /// <summary>The id's versions come from <c>workflow-definitions/</c> files: read-only; save under a new id.</summary>
    ReadOnly,

    /// <summary>The version is published and can never change; save a new version number.</summary>
    Published,

    /// <summary>The version is stored as a draft with other content, and no expected content hash was given.</summary>
    PreconditionRequired,

    /// <summary>The expected content hash is not the stored one (someone saved in between, or the version is not stored).</summary>
    HashMismatch,
}

/// <param name="Stored">The version as it is stored now (after the save, or as it stood when the save was refused); null when not stored.</param>
/// <param name="NextVersion">One more than the highest version stored for this id: a number to save under instead of a published version.</param>
public sealed record DefinitionSaveResult(DefinitionSaveOutcome Outcome, StoredDefinition? Stored, int NextVersion);

/// <summary>What publishing a version did, or why it did nothing.</summary>
public enum DefinitionPublishOutcome
{
    Published,

    /// <summary>The version was already published; nothing changed.</summary>
    AlreadyPublished,

    /// <summary>No such id or version.</summary>
    NotFound,

    /// <summary>The version comes from a <c>workflow-definitions/</c> file.</summary>
    ReadOnly,

    /// <summary>The expected content hash is not the stored one: the draft changed since it was read.</summary>
    HashMismatch,

    /// <summary>The stored draft no longer passes validation (e.g. an activity type or template has gone); see the errors.</summary>
    Invalid,
}

public sealed record DefinitionPublishResult(DefinitionPublishOutcome Outcome, StoredDefinition? Stored, IReadOnlyList<ValidationError> Errors);
