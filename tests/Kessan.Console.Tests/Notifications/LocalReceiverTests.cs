using System.Net.Http.Json;
using System.Text.Json;
using Kessan.Console.Core.Notifications;
using Kessan.Console.Features.LocalMode;
using Kessan.Console.Features.Notifications.Storage;
using Kessan.Console.Tests.Integration;
using Kessan.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.Notifications;

/// <summary>On a fresh machine (local mode, nothing configured) the channels are LocalCloud's offline receivers, and a
/// test send to each arrives in LocalCloud's inbox.</summary>
public sealed class LocalReceiverTests
{
    [Fact]
    public async Task Test_sends_to_the_default_local_channels_arrive_in_localclouds_inbox()
    {
        await using var console = new LocalConsole();
        using var alice = await console.CreateClientSignedInAsync(TestUsers.Alice);
        var channels = (await alice.GetFromJsonAsync<JsonElement>("/api/notifications/channels")).EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()!).ToList();

        foreach (var channel in channels)
        {
            (await alice.PostAsync($"/api/notifications/channels/{channel}/test", null)).EnsureSuccessStatusCode();
        }
        var attempts = await WaitForFinalAsync(console.Services.GetRequiredService<DeliveryLog>(), channels.Count);
        using var localCloud = new HttpClient { BaseAddress = console.Services.GetRequiredService<EmbeddedLocalCloud>().Address };
        var inbox = await localCloud.GetFromJsonAsync<JsonElement>("/_localcloud/inbox");

        Assert.Equal(["local-email", "local-pagerduty", "local-slack"], channels);
        Assert.All(attempts, attempt => Assert.True(attempt.Delivered, $"{attempt.Channel}: {attempt.Status} {attempt.Error}"));
        Assert.Equal(["email", "pagerduty", "slack"], inbox.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("kind").GetString()).Order());
        Assert.All(inbox.GetProperty("messages").EnumerateArray(), m => Assert.Contains("[TEST]", m.GetProperty("title").GetString()));
    }

    private static async Task<IReadOnlyList<DeliveryAttempt>> WaitForFinalAsync(DeliveryLog log, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var final = (await log.ListAttemptsAsync(AttemptFilter.All, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None))
                .Where(a => !a.WillRetry).ToList();
            if (final.Count >= count || DateTime.UtcNow > deadline)
            {
                return final;
            }
            await Task.Delay(20);
        }
    }
}
