using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Funding.Storage;

/// <summary>
/// The database the stores share: one <see cref="DbDataSource"/> for the process (an <c>NpgsqlDataSource</c> for
/// PostgreSQL, <see cref="SqliteDataSource"/> for the embedded file), the provider, and the clock.
/// </summary>
/// <remarks>
/// Times are <c>timestamptz</c> on PostgreSQL and ISO 8601 UTC text on SQLite (which has no time type), both read back
/// as <see cref="DateTimeOffset"/>; the clock is truncated to what the database keeps (microseconds, or 100 ns), so that a
/// time given back is the time stored.
/// </remarks>
internal sealed class Database
{
    static Database() => SqlMapper.AddTypeHandler(new TimestampHandler());

    public Database(DbDataSource dataSource, DatabaseProvider provider, TimeProvider clock)
    {
        DataSource = dataSource;
        Provider = provider;
        Clock = clock;
    }

    public DbDataSource DataSource { get; }

    public DatabaseProvider Provider { get; }

    public TimeProvider Clock { get; }

    /// <summary>An open connection from the pool.</summary>
    public ValueTask<DbConnection> OpenAsync(CancellationToken cancellation = default) => DataSource.OpenConnectionAsync(cancellation);

    /// <summary>Now, as the database keeps it.</summary>
    public DateTimeOffset Now() => Kept(Clock.GetUtcNow());

    /// <summary>A time as the database keeps it: to the microsecond on PostgreSQL, to 100 ns on SQLite.</summary>
    public DateTimeOffset Kept(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return Provider == DatabaseProvider.PostgreSql ? new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero) : utc;
    }

    /// <summary>A time as a query parameter: a UTC <see cref="DateTime"/> for <c>timestamptz</c>, ISO text for SQLite.</summary>
    public object Stamp(DateTimeOffset time) => Provider == DatabaseProvider.PostgreSql
        ? time.UtcDateTime
        : time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a stored time, whatever the provider wrote.</summary>
    private sealed class TimestampHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset time => time.ToUniversalTime(),
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            _ => throw new DataException($"A time cannot be read from a {value.GetType().Name}."),
        };

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.UtcDateTime;
    }
}
