namespace Kessan.LocalCloud.Alarms;

/// <summary>The three states of a metric alarm.</summary>
public enum AlarmStateValue
{
    Ok,
    Alarm,
    InsufficientData,
}

/// <summary>Alarm states as CloudWatch spells them on the wire.</summary>
public static class AlarmStates
{
    public const string Accepted = "OK, ALARM, INSUFFICIENT_DATA";

    public static string WireName(this AlarmStateValue state) => state switch
    {
        AlarmStateValue.Ok => "OK",
        AlarmStateValue.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };

    public static bool TryParse(string? text, out AlarmStateValue state)
    {
        switch (text)
        {
            case "OK": state = AlarmStateValue.Ok; return true;
            case "ALARM": state = AlarmStateValue.Alarm; return true;
            case "INSUFFICIENT_DATA": state = AlarmStateValue.InsufficientData; return true;
            default: state = default; return false;
        }
    }
}
