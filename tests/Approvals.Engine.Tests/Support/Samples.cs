namespace Approvals.Engine.Tests.Support;

/// <summary>The real Elsa exports (MIT upstream, copied byte for byte from shared/elsa-samples; see Samples/README.md).</summary>
public static class Samples
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Samples");

    public static string PathOf(string file) => Path.Combine(Folder, file);

    public static string Read(string file) => File.ReadAllText(PathOf(file));

    public static byte[] Bytes(string file) => File.ReadAllBytes(PathOf(file));

    public static IEnumerable<object[]> All() =>
        Directory.GetFiles(Folder, "*.json").Order().Select(f => new object[] { Path.GetFileName(f) });
}
