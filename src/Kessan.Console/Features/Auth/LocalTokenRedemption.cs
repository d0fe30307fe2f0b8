namespace Kessan.Console.Features.Auth;

/// <summary>What presenting a local sign-in token came to.</summary>
public abstract record LocalTokenRedemption
{
    /// <summary>The token is known: sign in as this user.</summary>
    public sealed record Accepted(string UserName, IReadOnlyList<string> Roles) : LocalTokenRedemption;

    /// <summary>The one-time start-up token, presented again after its first use.</summary>
    public sealed record AlreadyUsed : LocalTokenRedemption;

    /// <summary>No user has this token.</summary>
    public sealed record Unknown : LocalTokenRedemption;
}
