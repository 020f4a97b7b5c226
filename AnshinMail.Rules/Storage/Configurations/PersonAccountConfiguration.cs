using AnshinMail.Rules.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnshinMail.Rules.Storage.Configurations;

internal sealed class PersonAccountConfiguration : IEntityTypeConfiguration<PersonAccount>
{
    public void Configure(EntityTypeBuilder<PersonAccount> b)
    {
        b.ToTable("person_accounts");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.UserId).IsUnique();
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.DisplayName).HasMaxLength(100);
        b.Property(a => a.UnitId).HasMaxLength(64);
        b.Property(a => a.PasswordHash).HasMaxLength(256);
        b.Property(a => a.SecurityStamp).HasMaxLength(64);
        b.Property(a => a.NotificationAddress).HasMaxLength(254);
        // Roles as a plain comma-separated text column: portable across providers.
        b.Property(a => a.Roles)
            .HasConversion(
                roles => string.Join(',', roles.Select(r => r.ToString())),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>).ToList())
            .HasMaxLength(200)
            .Metadata.SetValueComparer(new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Role>>(
                (x, y) => x!.SequenceEqual(y!), r => r.Aggregate(0, (h, v) => HashCode.Combine(h, v)),
                r => r.ToList()));
        b.Property(a => a.PasswordSetAt).HasConversion(StorageConversions.Utc);
        b.Property(a => a.CreatedAt).HasConversion(StorageConversions.Utc);
        b.Property(a => a.LockedUntil).HasConversion(StorageConversions.NullableUtc);
    }
}
