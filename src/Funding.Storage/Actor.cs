namespace Funding.Storage;

/// <summary>Who makes a change: the person's name (a key's name, or who ran a server command), and the key, if any.</summary>
/// <param name="Name">The person, as versions, signatures and the audit log show them.</param>
/// <param name="KeyId">The id of the key that authenticated the change, if a key did.</param>
internal sealed record Actor(string Name, string? KeyId = null)
{
    /// <summary>A person without a key (a server command, a test).</summary>
    public static implicit operator Actor(string name) => new(name);

    /// <summary>Whoever runs a command on the server: the system account's name.</summary>
    public static Actor Console => new($"console ({Environment.UserName})");
}
