using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
            document.Info.Description = "Seat availability, seat holds (좌석 선점), orders, payment confirmation and cancellations for programs. Errors are RFC 9457 problems whose `code` extension is stable; `detail` is Korean.";
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
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // Our problems always carry these extensions; say so, so clients can rely on them.
            if (context.JsonTypeInfo.Type == typeof(ProblemDetails))
            {
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                schema.Properties[ApiProblems.CodeKey] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable error code, e.g. seat.unavailable; `type` ends with it." };
                schema.Properties[ApiProblems.TraceIdKey] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, for support." };
                schema.Properties[ApiProblems.LostSeatsKey] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Description = "On 409 from a hold, an order or a payment confirmation: the seats someone else took first ({id, label}).",
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["id"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                            ["label"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                };
            }

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

            if (metadata.OfType<Idempotency.IdempotencyKeyMetadata>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = Idempotency.IdempotencyFilter.HeaderName,
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "A unique key per intended operation (1-200 visible ASCII characters, e.g. a UUID). Retrying with the same key and payload replays the first answer; another payload is refused (422 `idempotency.key_reused`); a retry while the first runs gets 409 `idempotency.in_progress`. Kept 15 days.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Idempotency.IdempotentRequests.MaxKeyLength },
                });
            }

            return Task.CompletedTask;
        });
    }
}
