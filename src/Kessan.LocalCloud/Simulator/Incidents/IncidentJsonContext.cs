using System.Text.Json.Serialization;

namespace Kessan.LocalCloud.Simulator.Incidents;

/// <summary>Body of <c>POST /_localcloud/incidents</c>: <c>{"type":"latency-spike","minutes":20}</c>.</summary>
/// <param name="Minutes">Omitted: <c>LocalCloud:Simulator:IncidentDuration</c>.</param>
public sealed record StartIncidentRequest(string? Type, int? Minutes);

/// <summary>An incident as the incident endpoints show it.</summary>
/// <param name="Type">latency-spike, error-burst, cpu-surge or db-connection-surge.</param>
/// <param name="Origin">scheduled or on-demand.</param>
public sealed record IncidentView(string Id, string Type, string Origin, DateTimeOffset Start, DateTimeOffset End)
{
    public static IncidentView Of(Incident incident) => new(
        incident.Id,
        incident.Kind.WireName(),
        incident.Origin == IncidentOrigin.Scheduled ? "scheduled" : "on-demand",
        incident.Start,
        incident.End);
}

/// <summary>Body of <c>GET /_localcloud/incidents</c>.</summary>
/// <param name="Upcoming">The next scheduled incidents that have not started yet, soonest first.</param>
public sealed record IncidentListing(IReadOnlyList<IncidentView> Active, IReadOnlyList<IncidentView> Upcoming);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartIncidentRequest))]
[JsonSerializable(typeof(IncidentView))]
[JsonSerializable(typeof(IncidentListing))]
public sealed partial class IncidentJsonContext : JsonSerializerContext;
