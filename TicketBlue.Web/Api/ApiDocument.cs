using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketBlue.Web.Api;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: only the <c>/api</c> endpoints, with the bearer
/// scheme declared and required exactly on the operations that need a signed-in caller, so client
/// generators and the benchmark see what the server enforces.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";
    public const string BearerSchemeName = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TicketBlue API";
            document.Info.Version = Name;
            document.Info.Description = "Seat availability and seat holds (좌석 선점) for programs. Errors are RFC 9457 problems whose `code` extension is stable; `detail` is Korean.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An access token from POST /api/v1/auth/token, sent as `Authorization: Bearer {accessToken}`. Opaque (not a JWT); valid for one hour.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerSchemeName, context.Document)] = [],
                });
            }

            return Task.CompletedTask;
        });
    }
}
