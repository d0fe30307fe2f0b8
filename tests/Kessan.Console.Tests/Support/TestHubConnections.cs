using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kessan.Console.Tests.Support;

/// <summary>SignalR connections to the console's in-memory test server, signed in as a <see cref="TestUser"/>:
/// <code>await using var hub = await factory.ConnectToHubAsync("/hubs/alerts", TestUsers.Viewer);</code></summary>
public static class TestHubConnections
{
    /// <summary>Connects (long polling: the in-memory server has no sockets) and starts the connection.</summary>
    public static async Task<HubConnection> ConnectToHubAsync(this WebApplicationFactory<Program> factory, string hubPath, TestUser user)
    {
        var cookie = await factory.SignInCookieAsync(user);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, hubPath), HttpTransportType.LongPolling, options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Headers["Cookie"] = cookie;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
