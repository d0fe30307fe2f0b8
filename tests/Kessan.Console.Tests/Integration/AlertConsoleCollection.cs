namespace Kessan.Console.Tests.Integration;

/// <summary>One <see cref="AlertConsole"/> for the HTTP and hub tests; each test uses its own alert names.</summary>
[CollectionDefinition(Name)]
public sealed class AlertConsoleCollection : ICollectionFixture<AlertConsole>
{
    public const string Name = "Alert console";
}
