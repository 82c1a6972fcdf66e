using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Configuration;

namespace NftMarketplace.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): queries by GET or POST, mutations by
/// POST, JSON bodies of a bounded size, responses in the negotiated media type with the status it prescribes.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<ISchema> executer,
    GraphQLRequestParser parser,
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

        GraphQLHttpRequest request;
        try
        {
            request = await ReadRequestAsync(context.Request).ConfigureAwait(false);
        }
        catch (RequestRefusedException refused)
        {
            await writer.WriteErrorAsync(response, mediaType, refused.StatusCode, refused.Code, refused.Message).ConfigureAwait(false);
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables ?? Inputs.Empty,
            Extensions = request.Extensions ?? Inputs.Empty,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = context.RequestAborted,
            // The configured rules (limits, introspection) are appended to these by the engine's configuration.
            ValidationRules = DocumentValidator.CoreRules.Append(
                HttpMethods.IsGet(context.Request.Method) ? HttpOperationTypeRule.ForGet : HttpOperationTypeRule.ForPost),
        }).ConfigureAwait(false);

        var status = ResponseStatus.For(mediaType, result);
        if (status == StatusCodes.Status405MethodNotAllowed)
        {
            response.Headers[HeaderNames.Allow] = HttpMethods.Post;
        }

        await writer.WriteAsync(response, mediaType, status, result).ConfigureAwait(false);
    }

    private Task<GraphQLHttpRequest> ReadRequestAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return Task.FromResult(parser.FromQueryString(request.Query));
        }

        RequestContentType.EnsureJson(request.ContentType);
        return CappedBody.ReadJsonAsync(
            request.BodyReader, request.ContentLength, options.Value.MaxRequestBytes, parser.FromJson, request.HttpContext.RequestAborted);
    }
}
