using System.IO.Compression;

namespace Funding.Documents;

/// <summary>
/// Rewrites an Office file (a zip) so that its bytes depend only on its content: entries in their original order, every
/// timestamp set to 1 January 1980, the same compression. A workbook or a deliberation downloaded today and tomorrow
/// from the same plan is the same file, byte for byte.
/// </summary>
internal static class DeterministicZip
{
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalize(byte[] zip)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Epoch;
                using var source = entry.Open();
                using var target = copy.Open();
                source.CopyTo(target);
            }
        }
        return output.ToArray();
    }

    /// <summary>A zip of named files, in the given order, with fixed timestamps.</summary>
    public static byte[] Create(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = Epoch;
                using var target = entry.Open();
                target.Write(content);
            }
        }
        return output.ToArray();
    }
}
