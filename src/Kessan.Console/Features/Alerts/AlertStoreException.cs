namespace Kessan.Console.Features.Alerts;

/// <summary>The alert database could not be read or written; nothing was saved. The message is fit for the user
/// (no connection details); the cause is logged.</summary>
public sealed class AlertStoreException(string message, Exception? innerException = null) : Exception(message, innerException);
