using Funding.Catalogue;

namespace Funding.Application.Programmes;

/// <summary>A version of a workspace's own programme, read and checked as the catalogue's files are.</summary>
/// <param name="File">The programme.</param>
/// <param name="Version">Its version.</param>
internal sealed record LocalProgramme(ProgrammeFile File, int Version);

/// <summary>
/// Where a plan's programme is found: the national catalogue (embedded), then the workspace's own programmes read for
/// the request (none for an anonymous one). Immutable: built before a use case runs, so the use cases stay synchronous.
/// </summary>
internal sealed class ProgrammeLookup
{
    private readonly IReadOnlyList<LocalProgramme> _local;

    public ProgrammeLookup(IReadOnlyList<LocalProgramme> local, bool signedIn)
    {
        _local = local;
        SignedIn = signedIn;
    }

    /// <summary>The national catalogue alone, for a caller without a workspace.</summary>
    public static ProgrammeLookup National { get; } = new([], signedIn: false);

    /// <summary>Whether the caller has a workspace (whose programmes could be read).</summary>
    public bool SignedIn { get; }

    /// <summary>The latest version read of each local programme, by id.</summary>
    public IEnumerable<LocalProgramme> Latest => _local.GroupBy(l => l.File.Id).Select(g => g.MaxBy(l => l.Version)!).OrderBy(l => l.File.Id, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="id"/> is a national programme's.</summary>
    public static bool IsNational(string id) => ProgrammeCatalog.Default.Find(id) is not null;

    /// <summary>The national programme of that id, or the local one's version (the latest read when null), or null.</summary>
    public (ProgrammeFile File, int? Version)? Find(string id, int? version = null)
    {
        if (ProgrammeCatalog.Default.Find(id) is { } national)
        {
            return (national, null);
        }
        var versions = _local.Where(l => l.File.Id == id);
        var found = version is { } v ? versions.FirstOrDefault(l => l.Version == v) : versions.MaxBy(l => l.Version);
        return found is null ? null : (found.File, found.Version);
    }
}
