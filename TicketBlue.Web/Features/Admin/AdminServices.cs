using FluentValidation;
using TicketBlue.Web.Features.Admin;
using TicketBlue.Web.Features.Admin.Audit;
using TicketBlue.Web.Features.Admin.Coupons;
using TicketBlue.Web.Features.Admin.Dashboard;
using TicketBlue.Web.Features.Admin.DevMailbox;
using TicketBlue.Web.Features.Admin.Jobs;
using TicketBlue.Web.Features.Admin.Performances;
using TicketBlue.Web.Features.Admin.Performers;
using TicketBlue.Web.Features.Admin.Reservations;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.AdminReservations;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Web.Features.Admin.Rounds;
using TicketBlue.Web.Features.Admin.Staff;
using TicketBlue.Web.Features.Admin.WaitingRoom;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the back office's handlers and validators.</summary>
public static class AdminServices
{
    public static IServiceCollection AddAdminFeatures(this IServiceCollection services)
    {
        services.AddScoped<ICurrentAdmin, CurrentAdmin>();
        services.AddScoped<IGetAdminDashboardHandler, GetAdminDashboardHandler>();
        services.AddScoped<IInviteStaffHandler, InviteStaffHandler>();
        services.AddScoped<IListStaffInvitationsHandler, ListStaffInvitationsHandler>();

        services.AddVenueAdminFeatures();
        services.AddReviewAdminFeatures();

        services.AddScoped<IListAdminPerformersHandler, ListAdminPerformersHandler>();
        services.AddScoped<IGetPerformerForEditHandler, GetPerformerForEditHandler>();
        services.AddScoped<ISavePerformerHandler, SavePerformerHandler>();
        services.AddScoped<ISetPerformerArchivedHandler, SetPerformerArchivedHandler>();
        services.AddScoped<IUploadPerformerPhotoHandler, UploadPerformerPhotoHandler>();
        services.AddScoped<IValidator<SavePerformerCommand>, SavePerformerCommandValidator>();

        services.AddScoped<IListAdminPerformancesHandler, ListAdminPerformancesHandler>();
        services.AddScoped<IGetPerformanceForEditHandler, GetPerformanceForEditHandler>();
        services.AddScoped<IGetPerformanceChoicesHandler, GetPerformanceChoicesHandler>();
        services.AddScoped<ISavePerformanceHandler, SavePerformanceHandler>();
        services.AddScoped<ISetPerformanceStatusHandler, SetPerformanceStatusHandler>();
        services.AddScoped<IUploadPosterHandler, UploadPosterHandler>();
        services.AddScoped<IValidator<SavePerformanceCommand>, SavePerformanceCommandValidator>();

        services.AddScoped<IListRoundsHandler, ListRoundsHandler>();
        services.AddScoped<IScheduleRoundHandler, ScheduleRoundHandler>();
        services.AddScoped<ICancelRoundHandler, CancelRoundHandler>();
        services.AddScoped<IUpdateRoundHandler, UpdateRoundHandler>();
        services.AddScoped<IValidator<ScheduleRoundCommand>, ScheduleRoundCommandValidator>();

        services.AddScoped<IListCouponsHandler, ListCouponsHandler>();
        services.AddScoped<IGetCouponForEditHandler, GetCouponForEditHandler>();
        services.AddScoped<ISaveCouponHandler, SaveCouponHandler>();
        services.AddScoped<ISetCouponActiveHandler, SetCouponActiveHandler>();
        services.AddScoped<IValidator<SaveCouponCommand>, SaveCouponCommandValidator>();

        services.AddSingleton(ReservationSearchLimits.Default);
        // Search and export read the replica while it is usable (ADR-011).
        services.AddScoped(provider => new ReservationSearchQuery(
            provider.GetRequiredKeyedService<IDbContextFactory<TicketBlueDbContext>>(ReadDbContextFactory.Key),
            provider.GetRequiredService<ReservationSearchLimits>()));
        services.AddScoped<IAdminReservationSearch, AdminReservationSearch>();
        services.AddSingleton<ExportProgressRegistry>();

        services.AddScoped<IGetWaitingRoomConsoleHandler, GetWaitingRoomConsoleHandler>();
        services.AddScoped<ISaveWaitingRoomHandler, SaveWaitingRoomHandler>();
        services.AddScoped<IOpenSalesNowHandler, OpenSalesNowHandler>();

        services.AddScoped<IListJobRunsHandler, ListJobRunsHandler>();
        services.AddScoped<IListBatchJobsHandler, ListBatchJobsHandler>();
        services.AddScoped<ITriggerJobHandler, TriggerJobHandler>();

        services.AddScoped<IListAuditLogHandler, ListAuditLogHandler>();
        services.AddScoped<IDevMailboxReader, DevMailboxReader>();
        return services;
    }
}
