using Bunit;
using Kessan.Console.Features.Auth;
using Kessan.Console.Features.Notifications;
using Kessan.Console.Features.Notifications.Channels;
using Kessan.Console.Features.Notifications.Delivery;
using Kessan.Console.Features.Notifications.Storage;
using Kessan.Console.Shared.Time;
using Kessan.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace Kessan.Console.Tests.Notifications;

/// <summary>Renders the notification pages with bUnit on a running <see cref="NotificationConsole"/>'s services, signed
/// in as <paramref name="user"/> (with the policies that user's role grants).</summary>
public sealed class ConsolePages : BunitContext
{
    private static readonly Type[] SharedServices =
        [typeof(ChannelCatalog), typeof(TestSends), typeof(NotificationFeed), typeof(DeliveryLog), typeof(TimeProvider)];

    public ConsolePages(NotificationConsole console, TestUser user)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.SetupModule("./assets/kessan-browser.js").Setup<string>("timeZone").SetResult("UTC");
        Services.AddMudServices();
        Services.AddScoped<BrowserTimeZone>();
        var authorization = this.AddAuthorization();
        authorization.SetAuthorized(user.Name);
        var roles = KessanRoles.All.TakeWhile(role => role != user.Role).Append(user.Role).ToArray();
        authorization.SetRoles(roles);
        authorization.SetPolicies([.. KessanPolicies.Roles.Where(p => roles.Contains(p.Role)).Select(p => p.Policy)]);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        foreach (var shared in SharedServices)
        {
            Services.AddSingleton(shared, console.Services.GetRequiredService(shared));
        }
    }
}
