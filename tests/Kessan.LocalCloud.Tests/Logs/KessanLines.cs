namespace Kessan.LocalCloud.Tests.Logs;

/// <summary>A fixed set of six events, one a minute from <see cref="LogEngine.Start"/>, whose query answers the tests
/// work out by hand: four api_request lines, one application_error, one plain-text line.</summary>
internal static class KessanLines
{
    public static readonly string[] Messages =
    [
        """{"event":"api_request","method":"GET","path":"/stocks/search","status_code":200,"response_time_ms":120,"user_id":"7","level":"info"}""",
        """{"event":"api_request","method":"GET","path":"/stocks/7203","status_code":404,"response_time_ms":30,"user_id":null,"level":"info"}""",
        """{"event":"api_request","method":"POST","path":"/watchlist","status_code":201,"response_time_ms":80.5,"user_id":"7","level":"info"}""",
        """{"event":"application_error","error_type":"DatabaseError","error_message":"pool \"main\" exhausted","context":{"path":"/stocks/search","tags":["db","pool"]},"level":"error"}""",
        """{"event":"api_request","method":"GET","path":"/stocks/search","status_code":500,"response_time_ms":1500,"user_id":"9","level":"info"}""",
        "GET /healthz 200 3ms",
    ];

    /// <summary>An engine holding <see cref="Messages"/>.</summary>
    public static LogEngine Engine()
    {
        var engine = new LogEngine();
        engine.Put(Messages);
        return engine;
    }

    /// <summary>"2026-11-20 05:0m:00.000", as results show the timestamp of event <paramref name="minute"/>.</summary>
    public static string Shown(int minute) => $"2026-11-20 05:0{minute}:00.000";
}
