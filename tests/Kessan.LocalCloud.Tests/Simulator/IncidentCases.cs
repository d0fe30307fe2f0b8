namespace Kessan.LocalCloud.Tests.Simulator;

/// <summary>Each incident kind with the seed alarm it must fire, at the quietest and at a busy hour (Asia/Tokyo).</summary>
public static class IncidentCases
{
    public static TheoryData<string, string, int> AtQuietAndBusyHours()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (kind, alarm) in new[]
                 {
                     ("latency-spike", "API-HighResponseTime"), ("error-burst", "API-HighErrorRate"),
                     ("cpu-surge", "ECS-HighCPU"), ("db-connection-surge", "DB-HighConnections"),
                 })
        {
            data.Add(kind, alarm, 5); // Sunday 05:00 JST: the quietest hour of the week
            data.Add(kind, alarm, 10); // Wednesday 10:00 JST: market hours
        }

        return data;
    }
}
