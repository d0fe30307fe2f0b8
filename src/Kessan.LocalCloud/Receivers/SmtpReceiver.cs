using System.Buffers;
using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kessan.LocalCloud.Receivers;

/// <summary>A real SMTP server on loopback that puts every message it accepts in the <see cref="LocalInbox"/>: the
/// offline stand-in for a mail relay. It listens once LocalCloud starts; <see cref="Port"/> says where.</summary>
public sealed partial class SmtpReceiver(
    IOptions<SmtpReceiverOptions> options,
    IOptions<LocalCloudOptions> localCloudOptions,
    LocalInbox inbox,
    ILogger<SmtpReceiver> logger) : IHostedService, IDisposable
{
    public const int DefaultPort = 2525;

    private readonly CancellationTokenSource _stopping = new();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private int? _port;

    /// <summary>The port it listens on, once started.</summary>
    public int Port => _port ?? throw new InvalidOperationException("LocalCloud's SMTP receiver has not started yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var port = settings.Port ?? (PortOf(localCloudOptions.Value.Url) == 0 ? 0 : DefaultPort);
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("localcloud")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, port))
                .AuthenticationRequired(settings.RequiresLogin)
                .AllowUnsecureAuthentication(settings.RequiresLogin))
            .Build();

        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, started) => listening.TrySetResult(((IPEndPoint)started.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new InboxStore(inbox));
        if (settings.RequiresLogin)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == settings.Username && password == settings.Password));
        }

        _server = new SmtpServer.SmtpServer(serverOptions, services);
        _running = _server.StartAsync(_stopping.Token);
        var first = await Task.WhenAny(listening.Task, _running).WaitAsync(cancellationToken);
        if (first != listening.Task)
        {
            await _running;
            throw new InvalidOperationException($"LocalCloud's SMTP receiver stopped before it listened on 127.0.0.1:{port} ({SmtpReceiverOptions.Section}:Port).");
        }
        _port = listening.Task.Result;
        LogListening(_port.Value);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping is what was asked for.
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private static int? PortOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Port : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "LocalCloud's SMTP receiver listens on 127.0.0.1:{Port}; what it receives shows in /_localcloud/inbox")]
    private partial void LogListening(int port);

    /// <summary>Parses each accepted message and keeps it in the inbox.</summary>
    private sealed class InboxStore(LocalInbox inbox) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var recipients = string.Join(", ", transaction.To.Select(mailbox => $"{mailbox.User}@{mailbox.Host}"));
            inbox.Add("email", message.Subject ?? "(no subject)", SeverityOf(message.Subject), null, recipients,
                message.TextBody ?? "", message.HtmlBody);
            return SmtpResponse.Ok;
        }

        /// <summary>"[CRITICAL] …" → critical: the console's subjects start with the severity.</summary>
        private static string? SeverityOf(string? subject) =>
            subject is { Length: > 2 } && subject[0] == '[' && subject.IndexOf(']') is > 1 and var end
                ? subject[1..end].ToLowerInvariant()
                : null;
    }
}
