using System.Security.Cryptography;
using Approvals.Host.Identity;
using Microsoft.AspNetCore.Identity;

namespace Approvals.Host.Cli;

/// <summary>
/// <c>users add-admin &lt;userName&gt; &lt;email&gt;</c>: the first administrator of a production database (no demo users
/// there, so no known password). The password is <c>APPROVALS_ADMIN_PASSWORD</c> when set, or a random one printed once.
/// </summary>
internal static class AdministratorCommand
{
    public const string PasswordVariable = "APPROVALS_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, TextWriter output, TextWriter error)
    {
        if (words.Count != 2 || !words[1].Contains('@'))
        {
            await error.WriteLineAsync("usage: users add-admin <userName> <email>   (password from " + PasswordVariable
                + ", or one is generated and printed)");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(words[0]) is not null)
        {
            await error.WriteLineAsync($"User '{words[0]}' already exists; change their roles on the administration page.");
            return 1;
        }
        var given = Environment.GetEnvironmentVariable(PasswordVariable);
        var password = string.IsNullOrEmpty(given) ? Generate() : given;
        var user = new ApplicationUser { UserName = words[0], Email = words[1], EmailConfirmed = true, DisplayName = words[0] };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, Roles.Admin);
        if (!created.Succeeded)
        {
            await error.WriteLineAsync("The administrator was not created: " +
                $"{string.Join("; ", created.Errors.Select(e => e.Description))}");
            return 1;
        }
        await output.WriteLineAsync(string.IsNullOrEmpty(given)
            ? $"Administrator '{words[0]}' created. Password (shown once, change it after signing in): {password}"
            : $"Administrator '{words[0]}' created with the password from {PasswordVariable}.");
        return 0;
    }

    /// <summary>20 characters from four classes, so it passes any password rule Identity is configured with.</summary>
    private static string Generate()
    {
        const string letters = "abcdefghijkmnpqrstuvwxyz", capitals = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", marks = "#%+-=?@";
        var all = letters + capitals + digits + marks;
        var chars = new[] { Pick(letters), Pick(capitals), Pick(digits),
            Pick(marks) }.Concat(Enumerable.Range(0, 16).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
