using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RightToManage.Host.Identity;

/// <summary>
/// Users, roles, organisations and API keys, in <c>id_*</c> tables beside the workflow tables of the same database.
/// Columns, keys and indexes are snake_case so they read like the rest of the schema.
/// </summary>
public sealed class RtmIdentityDbContext(DbContextOptions<RtmIdentityDbContext> options) : IdentityDbContext<RtmUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<IdentitySchemaVersion> SchemaVersions => Set<IdentitySchemaVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<RtmUser>(user =>
        {
            user.ToTable("id_users");
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.OrganisationId).HasMaxLength(64);
            user.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<IdentityRole>().ToTable("id_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("id_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("id_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("id_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("id_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("id_role_claims");

        builder.Entity<Organisation>(organisation =>
        {
            organisation.ToTable("id_organisations");
            organisation.HasKey(o => o.Id);
            organisation.Property(o => o.Id).HasMaxLength(64);
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.Property(o => o.Kind).HasMaxLength(32);
        });

        builder.Entity<ApiKey>(key =>
        {
            key.ToTable("id_api_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).ValueGeneratedNever();
            key.Property(k => k.Name).HasMaxLength(200);
            key.Property(k => k.Prefix).HasMaxLength(8);
            key.Property(k => k.Hash).HasMaxLength(64);
            key.HasIndex(k => k.Hash).IsUnique();
            key.HasIndex(k => k.UserId);
            key.HasOne(k => k.User).WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IdentitySchemaVersion>(version =>
        {
            version.ToTable("id_schema_version");
            version.HasKey(v => v.Version);
            version.Property(v => v.Version).ValueGeneratedNever();
        });

        foreach (var entity in builder.Model.GetEntityTypes()) SnakeCase(entity);
    }

    private static void SnakeCase(IMutableEntityType entity)
    {
        var table = entity.GetTableName()!;
        foreach (var property in entity.GetProperties()) property.SetColumnName(Snake(property.Name));
        foreach (var key in entity.GetKeys())
            key.SetName(key.IsPrimaryKey() ? $"pk_{table}" : $"ak_{table}_{string.Join("_", key.Properties.Select(p => Snake(p.Name)))}");
        foreach (var foreignKey in entity.GetForeignKeys())
            foreignKey.SetConstraintName($"fk_{table}_{foreignKey.PrincipalEntityType.GetTableName()}_{string.Join("_", foreignKey.Properties.Select(p => Snake(p.Name)))}");
        foreach (var index in entity.GetIndexes())
            index.SetDatabaseName($"ix_{table}_{string.Join("_", index.Properties.Select(p => Snake(p.Name)))}");
    }

    internal static string Snake(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))) text.Append('_');
                text.Append(char.ToLowerInvariant(c));
            }
            else text.Append(c);
        }
        return text.ToString();
    }
}
