package org.mtcgate.t8;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One HTTP request on T8, in the order of TS 33.187 5.5: the TLS client certificate must authenticate a registered
 * SCS/AS (else 403); {@code /oauth2/token} then checks the client's secret; the API checks the bearer token (401),
 * that the path's {@code scsAsId} is the authenticated SCS/AS (403) and that the token grants the operation's scope
 * (403), and only then reaches {@link DeviceTriggeringApi}.
 */
final class T8HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final String TRANSACTIONS = "/transactions";

    private final ClientDirectory clients;
    private final AccessTokens tokens;
    private final TokenEndpoint tokenEndpoint;
    private final DeviceTriggeringApi api;
    private final byte[] openApi;
    private final Executor slowWork;
    private final T8Stats stats;
    /** The last answer of this connection written; touched on its event loop only. */
    private CompletionStage<Void> previous = CompletableFuture.completedFuture(null);

    T8HttpHandler(ClientDirectory clients, AccessTokens tokens, TokenEndpoint tokenEndpoint, DeviceTriggeringApi api,
                  byte[] openApi, Executor slowWork, T8Stats stats) {
        this.clients = clients;
        this.tokens = tokens;
        this.tokenEndpoint = tokenEndpoint;
        this.api = api;
        this.openApi = openApi;
        this.slowWork = slowWork;
        this.stats = stats;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            reply(ctx, HttpReply.problem(ProblemDetails.of(400, "Bad Request", "INVALID_MSG_FORMAT", "the HTTP request is malformed")),
                    false);
            return;
        }
        X509Certificate certificate = peerCertificate(ctx);
        Optional<T8Client> client = certificate == null ? Optional.empty() : clients.authenticate(certificate);
        if (client.isEmpty()) {
            stats.refused(certificate == null ? String.valueOf(ctx.channel().remoteAddress())
                    : certificate.getSubjectX500Principal().getName(), "certificate-not-registered",
                    "the client certificate authenticates no registered SCS/AS");
            reply(ctx, HttpReply.problem(ProblemDetails.of(403, "Forbidden", "REQUEST_NOT_AUTHORIZED",
                    "the client certificate authenticates no registered SCS/AS")), keepAlive);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        String path = new io.netty.handler.codec.http.QueryStringDecoder(request.uri()).path();
        HttpMethod method = request.method();
        CompletionStage<HttpReply> answer;
        if (path.equals("/oauth2/token")) {
            answer = method.equals(HttpMethod.POST) ? token(client.get(), certificate, request, body) : done(notAllowed("POST"));
        } else if (path.equals("/oauth2/jwks")) {
            answer = done(method.equals(HttpMethod.GET) ? HttpReply.json(200, tokens.publicJwks()) : notAllowed("GET"));
        } else if (path.equals(DeviceTriggeringApi.BASE + "/openapi.yaml")) {
            answer = done(method.equals(HttpMethod.GET) ? new HttpReply(200, Map.of(), openApi, "application/yaml") : notAllowed("GET"));
        } else if (path.startsWith(DeviceTriggeringApi.BASE + "/")) {
            answer = api(client.get(), certificate, method, path.substring(DeviceTriggeringApi.BASE.length() + 1), request, body);
        } else {
            answer = done(HttpReply.problem(ProblemDetails.of(404, "Not Found", "RESOURCE_URI_STRUCTURE_NOT_FOUND", "no resource " + path)));
        }
        // HTTP/1.1 answers leave in the order the requests came (a client may pipeline): each waits for the one before.
        CompletionStage<HttpReply> safe = answer.exceptionally(failure -> HttpReply.problem(ProblemDetails.of(500,
                "Internal Server Error", "SYSTEM_FAILURE", "the request failed inside the SCEF")));
        previous = previous.thenCombine(safe, (done, reply) -> reply)
                .thenAcceptAsync(reply -> reply(ctx, reply, keepAlive), ctx.executor());
    }

    /** The token endpoint on its own thread (the secret hash is slow); 503 when that thread is too far behind. */
    private CompletionStage<HttpReply> token(T8Client client, X509Certificate certificate, FullHttpRequest request, byte[] body) {
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        try {
            return CompletableFuture.supplyAsync(() -> tokenEndpoint.token(client, certificate, type, authorization, body), slowWork);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            stats.count("token-busy");
            return done(HttpReply.problem(ProblemDetails.of(503, "Service Unavailable", null, "too many token requests at once"),
                    Map.of("Retry-After", "1")));
        }
    }

    /** TLS handshake failures (no or untrusted certificate, a suite outside the profile) and broken connections. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() instanceof javax.net.ssl.SSLException) {
            stats.refused(String.valueOf(ctx.channel().remoteAddress()), "tls-refused", cause.getCause().getMessage());
        } else {
            stats.count("connection-error");
        }
        ctx.close();
    }

    private CompletionStage<HttpReply> api(T8Client client, X509Certificate certificate, HttpMethod method, String rest,
                                           FullHttpRequest request, byte[] body) {
        // rest: {scsAsId}/transactions[/{transactionId}]
        int slash = rest.indexOf('/');
        String scsAsId = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "" : rest.substring(slash);
        String transactionId = null;
        if (tail.startsWith(TRANSACTIONS + "/") && tail.length() > TRANSACTIONS.length() + 1
                && tail.indexOf('/', TRANSACTIONS.length() + 1) < 0) {
            transactionId = tail.substring(TRANSACTIONS.length() + 1);
        } else if (!tail.equals(TRANSACTIONS)) {
            return done(HttpReply.problem(ProblemDetails.of(404, "Not Found", "RESOURCE_URI_STRUCTURE_NOT_FOUND", "no resource " + rest)));
        }
        Scope needed;
        if (method.equals(HttpMethod.GET)) {
            needed = Scope.READ;
        } else if (method.equals(HttpMethod.POST) && transactionId == null) {
            needed = Scope.CREATE;
        } else if (method.equals(HttpMethod.PUT) && transactionId != null) {
            needed = Scope.REPLACE;
        } else if (method.equals(HttpMethod.DELETE) && transactionId != null) {
            needed = Scope.RECALL;
        } else {
            return done(notAllowed(transactionId == null ? "GET, POST" : "GET, PUT, DELETE"));
        }
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null) {
            stats.refused(client.scsAsId(), "no-token", "no Authorization header");
            return done(Bearer.missing());
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            stats.refused(client.scsAsId(), "no-token", "the Authorization header is not a bearer token");
            return done(Bearer.invalidRequest("the Authorization header is not a bearer token"));
        }
        TokenCheck check = tokens.check(authorization.substring(7).trim(), certificate);
        if (!check.isValid() || !client.scsAsId().equals(check.scsAsId())) {
            stats.refused(client.scsAsId(), "invalid-token", check.isValid() ? "issued to " + check.scsAsId() : check.refusal());
            return done(Bearer.invalidToken(check.isValid() ? "the token was issued to another SCS/AS" : check.refusal()));
        }
        if (!scsAsId.equals(client.scsAsId())) {
            stats.refused(client.scsAsId(), "other-scs-as", "the path names " + scsAsId);
            return done(HttpReply.problem(ProblemDetails.of(403, "Forbidden", "REQUEST_NOT_AUTHORIZED",
                    "the path names SCS/AS '" + scsAsId + "', the certificate and token authenticate another")));
        }
        if (!check.scopes().contains(needed)) {
            stats.refused(client.scsAsId(), "insufficient-scope", "needs " + needed.token());
            return done(Bearer.insufficientScope(needed));
        }
        if ((needed == Scope.CREATE || needed == Scope.REPLACE) && !isJson(request)) {
            return done(HttpReply.problem(ProblemDetails.of(415, "Unsupported Media Type", null, "the body must be application/json")));
        }
        return switch (needed) {
            case CREATE -> api.create(scsAsId, body);
            case READ -> transactionId == null ? api.readAll(scsAsId) : api.read(scsAsId, transactionId);
            case REPLACE -> api.replace(scsAsId, transactionId, body);
            case RECALL -> api.recall(scsAsId, transactionId);
        };
    }

    private static boolean isJson(FullHttpRequest request) {
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).split(";")[0].trim().equals("application/json");
    }

    private static X509Certificate peerCertificate(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        try {
            return ssl == null ? null : (X509Certificate) ssl.engine().getSession().getPeerCertificates()[0];
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static HttpReply notAllowed(String allow) {
        return HttpReply.problem(ProblemDetails.of(405, "Method Not Allowed", null, "allowed: " + allow), Map.of("Allow", allow));
    }

    static void reply(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive) {
        FullHttpResponse response = response(reply, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The reply as an HTTP/1.1 response; without keep-alive it says "Connection: close". */
    static FullHttpResponse response(HttpReply reply, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()),
                reply.body() == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.body()));
        reply.headers().forEach((k, v) -> response.headers().set(k, v));
        if (reply.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    private static CompletionStage<HttpReply> done(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
