using System.Net;
using System.Net.WebSockets;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.GraphQL.Configuration;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>What every <see cref="GraphQLWsConnection"/> shares: the engine, the message formats, the settings.</summary>
internal sealed class GraphQLWsConnectionFactory(
    IDocumentExecuter<ISchema> executer,
    ClientMessageParser parser,
    ServerMessages messages,
    ConnectionInitAuthenticator authenticator,
    OperationRateLimit rateLimit,
    IServiceScopeFactory scopes,
    IOptions<GraphQLWebSocketOptions> options,
    IOptions<GraphQLOptions> graphQLOptions,
    TimeProvider time,
    ILogger<GraphQLWsConnection> logger)
{
    public IDocumentExecuter<ISchema> Executer => executer;

    public ClientMessageParser Parser => parser;

    public ServerMessages Messages => messages;

    public ConnectionInitAuthenticator Authenticator => authenticator;

    public OperationRateLimit RateLimit => rateLimit;

    public IServiceScopeFactory Scopes => scopes;

    public GraphQLWebSocketOptions Options => options.Value;

    /// <summary>The largest message a client may send: the same bound as an HTTP request body.</summary>
    public int MaxMessageBytes => graphQLOptions.Value.MaxRequestBytes;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    /// <summary>
    /// A connection over an accepted socket whose subprotocol is <see cref="GraphQLWs.SubProtocol"/>, from
    /// <paramref name="remoteAddress"/> (whose budget its anonymous operations spend).
    /// </summary>
    public GraphQLWsConnection Create(WebSocket socket, IPAddress? remoteAddress) => new(socket, this, remoteAddress);
}
