using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace RightToManage.Host.Identity;

/// <summary>API keys: <c>rtm_</c> followed by 32 random bytes in base64url (47 characters in all). Only the SHA-256 hash is stored.</summary>
public static class ApiKeys
{
    public const string KeyPrefix = "rtm_";

    /// <summary>The authorization scheme word: <c>Authorization: ApiKey rtm_…</c>.</summary>
    public const string HeaderScheme = "ApiKey";

    /// <summary>How many leading characters are kept in clear and shown in lists.</summary>
    public const int ShownLength = 8;

    public const int KeyLength = 47;

    public static string NewKey() => KeyPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Shown(string key) => key[..ShownLength];

    public static bool IsWellFormed(string key) =>
        key.Length == KeyLength && key.StartsWith(KeyPrefix, StringComparison.Ordinal)
        && key.AsSpan(KeyPrefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    /// <summary>Whether the request carries <c>Authorization: ApiKey …</c> (well-formed or not).</summary>
    public static bool IsPresent(HttpRequest request) => TryRead(request, out _);

    public static bool TryRead(HttpRequest request, out string key)
    {
        key = "";
        foreach (var value in request.Headers.Authorization)
        {
            if (value is null || value.Length <= HeaderScheme.Length || !value.StartsWith(HeaderScheme, StringComparison.OrdinalIgnoreCase) || value[HeaderScheme.Length] != ' ')
                continue;
            key = value[(HeaderScheme.Length + 1)..].Trim();
            return true;
        }
        return false;
    }
}
