using System.Data.Common;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AnshinMail.Rules.Nodes;

/// <summary>
/// PostgreSQL: one statement that locks the first free batch with <c>FOR UPDATE SKIP LOCKED</c> and writes the
/// lease, so nodes claiming at the same moment take different batches without waiting on each other. Table and
/// column names and the stored form of instants come from the EF model, so the SQL follows the mapping.
/// </summary>
internal sealed class PostgresBatchClaim : BatchClaim
{
    public override async Task<ClaimedBatch?> NextAsync(AnshinDbContext db, IReadOnlyCollection<long> alerts,
        string node, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(DeliveryBatch))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
        var lease = entity.FindProperty(nameof(DeliveryBatch.LeaseUntil))!;
        object Instant(DateTimeOffset value) =>
            lease.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
        string id = Column(nameof(DeliveryBatch.Id)), alert = Column(nameof(DeliveryBatch.AlertId)),
            leaseUntil = Column(nameof(DeliveryBatch.LeaseUntil));
        var sql = $"""
            UPDATE "{table.Name}" SET {Column(nameof(DeliveryBatch.LeaseOwner))} = @node, {leaseUntil} = @until
            WHERE {id} = (SELECT {id} FROM "{table.Name}"
                WHERE NOT {Column(nameof(DeliveryBatch.Done))} AND {alert} = ANY(@alerts)
                    AND ({leaseUntil} IS NULL OR {leaseUntil} < @now)
                ORDER BY {alert}, {id} LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING {id}, {alert}
            """;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "node", node);
            Add(command, "until", Instant(until));
            Add(command, "now", Instant(now));
            Add(command, "alerts", alerts.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? new ClaimedBatch(reader.GetInt64(0), reader.GetInt64(1)) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
