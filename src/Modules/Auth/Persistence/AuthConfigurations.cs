using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NftMarketplace.Modules.Auth.Audit;
using NftMarketplace.Modules.Auth.Nonces;
using NftMarketplace.Modules.Auth.Sessions;
using NftMarketplace.Modules.Auth.SignIn;

namespace NftMarketplace.Modules.Auth.Persistence;

internal sealed class AuthNonceConfiguration : IEntityTypeConfiguration<AuthNonce>
{
    public void Configure(EntityTypeBuilder<AuthNonce> builder)
    {
        builder.ToTable("auth_nonces");
        builder.HasKey(n => n.Nonce);
        builder.Property(n => n.Nonce).HasMaxLength(64);
        builder.Property(n => n.AccountId).HasMaxLength(200);
        builder.Property(n => n.Domain).HasMaxLength(255);
        builder.Property(n => n.ChainId).HasMaxLength(41);
        builder.Property(n => n.UsedFor).HasMaxLength(32);
        // The clean-up deletes by expiry.
        builder.HasIndex(n => n.ExpiresAt);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.SessionId);
        builder.Property(s => s.SessionId).ValueGeneratedNever();
        builder.Property(s => s.AccountId).HasMaxLength(200);
        builder.Property(s => s.RefreshHash).HasMaxLength(64);
        builder.HasIndex(s => s.RefreshHash).IsUnique();
        builder.Property(s => s.Ip).HasMaxLength(64);
        builder.Property(s => s.Ua).HasMaxLength(CallerInfo.MaxUserAgentLength);
        builder.Property(s => s.RevokedReason).HasMaxLength(32);
        builder.HasIndex(s => s.UserId);
    }
}

internal sealed class RotatedRefreshTokenConfiguration : IEntityTypeConfiguration<RotatedRefreshToken>
{
    public void Configure(EntityTypeBuilder<RotatedRefreshToken> builder)
    {
        builder.ToTable("rotated_refresh_tokens");
        builder.HasKey(t => t.RefreshHash);
        builder.Property(t => t.RefreshHash).HasMaxLength(64);
        builder.HasOne<Session>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoginEventConfiguration : IEntityTypeConfiguration<LoginEvent>
{
    public void Configure(EntityTypeBuilder<LoginEvent> builder)
    {
        builder.ToTable("login_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.AccountId).HasMaxLength(200);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Ip).HasMaxLength(64);
        builder.Property(e => e.Ua).HasMaxLength(CallerInfo.MaxUserAgentLength);
        builder.Property(e => e.Result).HasMaxLength(64);
        builder.HasIndex(e => new { e.AccountId, e.Ts });
        builder.HasIndex(e => new { e.UserId, e.Ts });
    }
}
