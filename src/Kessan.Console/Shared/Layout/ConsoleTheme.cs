using MudBlazor;

namespace Kessan.Console.Shared.Layout;

/// <summary>The console's palette: calm surfaces so that alarm colours stand out.</summary>
public static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            AppbarBackground = "#16324f",
            Background = "#f4f6f9",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8fe",
            AppbarBackground = "#101c2b",
        },
    };
}
