namespace Kessan.Console.Core.Dashboards;

/// <summary>
/// Why one widget cannot be drawn, as a sentence for the user. Thrown while reading a widget and caught by
/// <see cref="DashboardBodyParser"/>, which turns it into an <see cref="UndrawableWidget"/>.
/// </summary>
internal sealed class DashboardWidgetException(string reason) : Exception(reason);
