namespace RightToManage.Workflows.Activities.BuiltIn;

public enum JoinMode
{
    /// <summary>Go on when a token has arrived from every inbound connection.</summary>
    All,

    /// <summary>Go on with the first token; the other inbound paths are cancelled.</summary>
    Any,
}
