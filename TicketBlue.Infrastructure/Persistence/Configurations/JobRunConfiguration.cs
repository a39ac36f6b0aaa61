using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketBlue.Domain.Jobs;

namespace TicketBlue.Infrastructure.Persistence.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.Property(run => run.JobKey).HasMaxLength(JobRun.JobKeyMaxLength);
        builder.Property(run => run.Checkpoint).HasMaxLength(JobRun.CheckpointMaxLength);
        builder.Property(run => run.Error).HasMaxLength(JobRun.ErrorMaxLength);
        builder.Property(run => run.TriggeredBy).HasMaxLength(JobRun.TriggeredByMaxLength);
        builder.Property(run => run.Version).IsConcurrencyToken();
        builder.Ignore(run => run.IsRunning);
        builder.Ignore(run => run.Duration);

        // The runner's "last run of this job" and the history page's newest-first list.
        builder.HasIndex(run => new { run.JobKey, run.Id });
        builder.HasIndex(run => run.StartedAt);
    }
}
