using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Approvals.Host.Identity;

/// <summary>
/// Reads the API's bearer tokens. Unprotecting one costs a key derivation, an AES decryption and an HMAC (tens of
/// microseconds), which every API request paid twice (once to check the account, once in the handler), so the ticket of a
/// token seen in the last minute is kept, keyed by the whole token: only the exact text that was verified finds it. Expiry and
/// the account's standing are still checked on every request by the caller.
/// </summary>
public sealed class BearerTickets(TimeProvider clock)
{
    private const int Capacity = 4096;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _kept = new(StringComparer.Ordinal);

    /// <summary>The token's ticket (a copy the request may change), or null when it does not verify.</summary>
    public AuthenticationTicket? Read(string token, ISecureDataFormat<AuthenticationTicket> protector)
    {
        var now = clock.GetUtcNow();
        if (_kept.TryGetValue(token, out var kept) && kept.Until > now) return kept.Ticket.Clone();
        if (protector.Unprotect(token) is not { } ticket) return null;
        // Many clients at once only fill it; forgetting them all costs one unprotect each.
        if (_kept.Count >= Capacity) _kept.Clear();
        _kept[token] = (ticket, now + Lifetime);
        return ticket.Clone();
    }
}
