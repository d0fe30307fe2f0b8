namespace Kessan.Console.Tests.Alerts;

/// <summary>A fact that needs a PostgreSQL server: <c>KESSAN_TEST_POSTGRES</c> holds a connection string to one
/// (a role that may create databases); without it the test is skipped and says why.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "KESSAN_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} does not name a PostgreSQL server.";
        }
    }
}
