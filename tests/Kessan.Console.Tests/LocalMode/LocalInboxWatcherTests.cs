using Kessan.Console.Features.LocalMode;
using Kessan.Console.Tests.Integration;
using Kessan.Console.Tests.Support;
using Kessan.LocalCloud.Receivers;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.LocalMode;

/// <summary>What the local inbox page shows: LocalCloud's receivers' messages, listed, and announced as they arrive.</summary>
public sealed class LocalInboxWatcherTests
{
    private const string SlackTestTitle = "[TEST] Test message from Kessan Console to local-slack";

    [Fact]
    public async Task A_message_the_local_slack_receiver_accepts_is_announced_to_open_inbox_pages_and_listed()
    {
        await using var console = new LocalConsole();
        using var alice = await console.CreateClientSignedInAsync(TestUsers.Alice);
        var watcher = console.Services.GetRequiredService<LocalInboxWatcher>();
        var announced = new TaskCompletionSource<InboxMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = watcher.Subscribe(messages =>
        {
            if (messages.FirstOrDefault(m => m.Title == SlackTestTitle) is { } message)
            {
                announced.TrySetResult(message);
            }
        });

        (await alice.PostAsync("/api/notifications/channels/local-slack/test", null)).EnsureSuccessStatusCode();
        var message = await announced.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal("slack", message.Kind);
        Assert.Equal(message, Assert.Single(watcher.Messages, m => m.Id == message.Id));
    }
}
