namespace RightToManage.Notifications.Transport;

/// <summary>How to reach the SMTP server. Settable properties so it binds from configuration.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = string.Empty;

    /// <summary>587 (submission with STARTTLS) by default. Port 465 (implicit TLS) is not supported by System.Net.Mail.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS before sending credentials or mail.</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>When null or empty the client does not authenticate.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>For one whole send: connect, handshake, and transfer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
