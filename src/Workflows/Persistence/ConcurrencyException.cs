namespace RightToManage.Workflows.Persistence;

/// <summary>Another executor changed the case first; the caller reloads and tries again.</summary>
public sealed class ConcurrencyException(string message) : Exception(message);
