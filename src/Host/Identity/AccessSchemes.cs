namespace RightToManage.Host.Identity;

/// <summary>Authentication scheme names.</summary>
public static class AccessSchemes
{
    /// <summary>The default: picks <see cref="ApiKey"/> when the request has <c>Authorization: ApiKey …</c>, else <see cref="Cookie"/>.</summary>
    public const string Default = "rtm";

    /// <summary>The web app's session cookie.</summary>
    public const string Cookie = "Cookies";

    /// <summary>Integrations' API keys.</summary>
    public const string ApiKey = "ApiKey";
}
