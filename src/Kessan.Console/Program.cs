using Kessan.Console.Aws;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Auth;
using Kessan.Console.Features.Dashboards;
using Kessan.Console.Features.Health;
using Kessan.Console.Features.LocalMode;
using Kessan.Console.Features.Logs;
using Kessan.Console.Features.Notifications;
using Kessan.Console.Shared;

var builder = WebApplication.CreateBuilder(args);
builder.AddKessanAws();            // Kessan.Console.Aws: options, credential chain, HttpClient, retry
builder.AddLocalCloudWhenNoAws();  // local mode: embedded LocalCloud + simulator, "Local data" badge
builder.AddConsoleShell();         // Shared: Blazor, MudBlazor, layout, time and theme
builder.AddConsoleAuth();          // Features/Auth: sign-in (local link or OpenID Connect), roles, loopback by default
builder.AddDashboards();           // Features/Dashboards: catalog, shared metric refresher
builder.AddAlerts();               // Features/Alerts: store, alarm watcher, SNS and ingest sources, feed, hub
builder.AddNotifications();        // Features/Notifications: channels, routing, delivery with retries and log, test sends
builder.AddLogs();                 // Features/Logs: Logs Insights page options, saved queries
builder.AddHealth();               // Features/Health: /healthz, /readyz

var app = builder.Build();
app.UseConsoleShell();
app.UseConsoleAuth();
app.MapHealth();
app.MapConsoleAuth();
app.MapAlerts();
app.MapNotifications();
app.MapLogs();
app.MapConsoleShell();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
