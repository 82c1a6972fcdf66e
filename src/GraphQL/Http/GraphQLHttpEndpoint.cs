using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Configuration;

namespace NftMarketplace.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): queries by GET or POST, mutations by
/// POST, JSON bodies of a bounded size (or multipart bodies with files), responses in the negotiated media type with
/// the status it prescribes.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<ISchema> executer,
    GraphQLRequestParser parser,
    MultipartRequestReader multipart,
    GraphQLResponseWriter writer,
    IOptions<GraphQLOptions> options)
{
    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        if (AcceptNegotiation.Negotiate(context.Request.Headers.Accept) is not { } mediaType)
        {
            await writer.WriteErrorAsync(
                response,
                ResponseMediaType.Json,
                StatusCodes.Status406NotAcceptable,
                ErrorCode.BadUserInput,
                $"The Accept header allows neither {GraphQLMediaTypes.GraphQLResponseJson} nor {GraphQLMediaTypes.Json}.").ConfigureAwait(false);
            return;
        }

        if (await AccessTokenAuthentication.HasRefusedCredentialsAsync(context).ConfigureAwait(false))
        {
            response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await writer.WriteErrorAsync(
                response, mediaType, StatusCodes.Status401Unauthorized, ErrorCode.Unauthenticated, AccessTokenAuthentication.RefusedMessage)
                .ConfigureAwait(false);
            return;
        }

        GraphQLHttpRequest request;
        UploadedFiles? files;
        try
        {
            (request, files) = await ReadRequestAsync(context.Request).ConfigureAwait(false);
        }
        catch (RequestRefusedException refused)
        {
            await writer.WriteErrorAsync(response, mediaType, refused.StatusCode, refused.Code, refused.Message).ConfigureAwait(false);
            return;
        }

        try
        {
            await ExecuteAsync(context, mediaType, request).ConfigureAwait(false);
        }
        finally
        {
            // Uploaded files live until the response is written; whatever resolvers left of them is deleted then.
            if (files is not null)
            {
                await files.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task ExecuteAsync(HttpContext context, ResponseMediaType mediaType, GraphQLHttpRequest request)
    {
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables ?? Inputs.Empty,
            Extensions = request.Extensions ?? Inputs.Empty,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = context.RequestAborted,
            // The configured rules (limits, introspection, authorization) are appended to these by the engine's configuration.
            ValidationRules = DocumentValidator.CoreRules.Append(
                HttpMethods.IsGet(context.Request.Method) ? HttpOperationTypeRule.ForGet : HttpOperationTypeRule.ForPost),
        }).ConfigureAwait(false);

        var response = context.Response;
        var status = ResponseStatus.For(mediaType, result);
        if (status == StatusCodes.Status405MethodNotAllowed)
        {
            response.Headers[HeaderNames.Allow] = HttpMethods.Post;
        }

        // A resolver's RATE_LIMITED carries its wait, sent the way the gateway's own rate limiter sends it.
        if (RetryAfterHeader.Of(result) is { } wait)
        {
            RetryAfterHeader.Set(response, wait);
        }

        await writer.WriteAsync(response, mediaType, status, result).ConfigureAwait(false);
    }

    private async Task<(GraphQLHttpRequest Request, UploadedFiles? Files)> ReadRequestAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return (parser.FromQueryString(request.Query), null);
        }

        if (RequestContentType.IsMultipartFormData(request.ContentType))
        {
            var received = await multipart.ReadAsync(request).ConfigureAwait(false);
            return (received.Request, received.Files);
        }

        RequestContentType.EnsureJson(request.ContentType);
        var json = await CappedBody.ReadJsonAsync(
            request.BodyReader, request.ContentLength, options.Value.MaxRequestBytes, parser.FromJson, request.HttpContext.RequestAborted)
            .ConfigureAwait(false);
        return (json, null);
    }
}
