namespace Kessan.Console.Aws.Tests.Plumbing;

public static class TestCredentials
{
    public const string Region = "ap-northeast-1";
    public const string AccessKeyId = "AKIDKESSANTEST";
    public const string SecretAccessKey = "kessan-test-secret-never-logged";
    public const string SessionToken = "kessan-test-session-token";
}
