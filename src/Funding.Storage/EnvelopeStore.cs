using Dapper;

namespace Funding.Storage;

/// <summary>An envelope as stored: a funder's credits, per budget year (<see cref="Years"/>) or over its period (<see cref="TotalCents"/>).</summary>
internal sealed record Envelope(string Id, string Name, string FunderKey, string? ProgrammeId, int FromYear, int ToYear, long? TotalCents, IReadOnlyDictionary<int, long> Years);

/// <summary>A workspace's envelopes.</summary>
internal sealed class EnvelopeStore(Database database)
{
    /// <summary>Creates or replaces an envelope.</summary>
    public async Task PutAsync(string workspace, Envelope envelope, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await connection.ExecuteAsync("DELETE FROM envelope_years WHERE workspace_id = @workspace AND envelope_id = @Id", new { workspace, envelope.Id }, transaction);
        await connection.ExecuteAsync("DELETE FROM envelopes WHERE workspace_id = @workspace AND id = @Id", new { workspace, envelope.Id }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO envelopes (workspace_id, id, name, funder_key, programme_id, from_year, to_year, total_cents) VALUES (@workspace, @Id, @Name, @FunderKey, @ProgrammeId, @FromYear, @ToYear, @TotalCents)",
            new { workspace, envelope.Id, envelope.Name, envelope.FunderKey, envelope.ProgrammeId, envelope.FromYear, envelope.ToYear, envelope.TotalCents }, transaction);
        foreach (var (year, amount) in envelope.Years)
        {
            await connection.ExecuteAsync("INSERT INTO envelope_years (workspace_id, envelope_id, year, amount_cents) VALUES (@workspace, @Id, @year, @amount)",
                new { workspace, envelope.Id, year, amount }, transaction);
        }
        await transaction.CommitAsync(cancellation);
    }

    /// <summary>Deletes an envelope; false when there is none.</summary>
    public async Task<bool> DeleteAsync(string workspace, string id, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await connection.ExecuteAsync("DELETE FROM envelope_years WHERE workspace_id = @workspace AND envelope_id = @id", new { workspace, id }, transaction);
        int deleted = await connection.ExecuteAsync("DELETE FROM envelopes WHERE workspace_id = @workspace AND id = @id", new { workspace, id }, transaction);
        await transaction.CommitAsync(cancellation);
        return deleted == 1;
    }

    /// <summary>The workspace's envelopes, by id.</summary>
    public async Task<IReadOnlyList<Envelope>> ListAsync(string workspace, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        var rows = await connection.QueryAsync<EnvelopeRow>(
            "SELECT id AS Id, name AS Name, funder_key AS FunderKey, programme_id AS ProgrammeId, from_year AS FromYear, to_year AS ToYear, total_cents AS TotalCents " +
            "FROM envelopes WHERE workspace_id = @workspace ORDER BY id", new { workspace });
        var years = (await connection.QueryAsync<YearRow>(
            "SELECT envelope_id AS EnvelopeId, year AS Year, amount_cents AS AmountCents FROM envelope_years WHERE workspace_id = @workspace ORDER BY envelope_id, year", new { workspace }))
            .ToLookup(y => y.EnvelopeId, StringComparer.Ordinal);
        return rows.Select(r => new Envelope(r.Id, r.Name, r.FunderKey, r.ProgrammeId, (int)r.FromYear, (int)r.ToYear,
            r.TotalCents is null ? null : (long)r.TotalCents.Value,
            years[r.Id].ToDictionary(y => (int)y.Year, y => (long)y.AmountCents))).ToArray();
    }

    private sealed class EnvelopeRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string FunderKey { get; set; } = "";
        public string? ProgrammeId { get; set; }
        public long FromYear { get; set; }
        public long ToYear { get; set; }
        public decimal? TotalCents { get; set; }
    }

    private sealed class YearRow
    {
        public string EnvelopeId { get; set; } = "";
        public long Year { get; set; }
        public decimal AmountCents { get; set; }
    }
}
