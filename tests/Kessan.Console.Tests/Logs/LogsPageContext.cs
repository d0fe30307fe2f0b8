using Bunit;
using Bunit.TestDoubles;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Features.Alerts.Storage;
using Kessan.Console.Features.Auth;
using Kessan.Console.Features.Logs;
using Kessan.Console.Features.Logs.Pages;
using Kessan.Console.Shared.Time;
using Kessan.Console.Tests.Alerts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Kessan.Console.Tests.Logs;

/// <summary>The /logs page in bUnit on <see cref="ScriptedLogs"/>, a migrated SQLite database for the saved queries
/// and a fake clock, signed in as a Viewer unless <see cref="SignInAs"/> says otherwise.</summary>
public abstract class LogsPageContext : BunitContext, IAsyncLifetime
{
    private readonly AlertDatabaseFile _database = new();
    private readonly BunitAuthorizationContext _authorization;

    protected LogsPageContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.SetupModule("./assets/kessan-browser.js").Setup<string>("timeZone").SetResult("UTC");
        Services.AddMudServices();
        Services.AddScoped<BrowserTimeZone>();
        Services.AddSingleton<TimeProvider>(_database.Clock);
        Services.AddSingleton<ICloudWatchLogs>(Logs);
        Services.AddSingleton(Options.Create(new LogsOptions { ApiLogGroup = "/kessan/test/api" }));
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<IDbContextFactory<AlertsDbContext>>(_ => _database.NewConsole().Database);
        Services.AddSingleton<SavedQueryStore>();
        _authorization = this.AddAuthorization();
        SignInAs(TestUsers.Viewer);
    }

    protected ScriptedLogs Logs { get; } = new();

    protected FakeTimeProvider Clock => _database.Clock;

    protected void SignInAs(TestUser user)
    {
        _authorization.SetAuthorized(user.Name);
        var roles = KessanRoles.All.TakeWhile(role => role != user.Role).Append(user.Role).ToArray();
        _authorization.SetRoles(roles);
        _authorization.SetPolicies([.. KessanPolicies.Roles.Where(p => roles.Contains(p.Role)).Select(p => p.Policy)]);
    }

    /// <summary>Opens /logs at <paramref name="pathAndQuery"/> (as a shared link would).</summary>
    protected IRenderedComponent<LogsPage> Open(string pathAndQuery)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(pathAndQuery);
        return Render<LogsPage>();
    }

    public Task InitializeAsync() => _database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }
}
