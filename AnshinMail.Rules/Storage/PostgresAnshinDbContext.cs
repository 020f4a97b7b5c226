using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Storage;

/// <summary>
/// The same model as <see cref="AnshinDbContext"/>, as PostgreSQL migrates it: EF Core picks migrations by their
/// context type, so PostgreSQL's (Storage/Migrations/Postgres/) and SQLite's (Storage/Migrations/) live side by
/// side in one assembly. Only <see cref="StorageOptions.Migrate"/> uses it; everything else opens the base context.
/// </summary>
public sealed class PostgresAnshinDbContext(DbContextOptions<AnshinDbContext> options) : AnshinDbContext(options);
