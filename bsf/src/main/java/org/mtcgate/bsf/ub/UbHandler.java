package org.mtcgate.bsf.ub;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
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
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.bsf.Bootstrapping;
import org.mtcgate.bsf.FloodGuard;
import org.mtcgate.gba.Auts;
import org.mtcgate.gba.Impi;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Ub, the BSF's HTTP side of bootstrapping (TS 24.109 4.4 with RFC 3310 HTTP Digest AKA):
 * <ol>
 * <li>GET with {@code Authorization: Digest username="<IMPI>"} and no nonce: 401 with
 * {@code WWW-Authenticate: Digest realm, nonce=base64(RAND || AUTN), algorithm=AKAv1-MD5, qop="auth-int"};</li>
 * <li>GET answering that nonce with the Digest response computed with RES as password: 200 with the
 * {@link BootstrappingInfo} (B-TID, key lifetime) and {@code Authentication-Info} whose rspauth proves the BSF
 * knows XRES too; a wrong response: 403;</li>
 * <li>an answer with {@code auts=}: the HSS re-synchronises and a new 401 follows (RFC 3310 3.4).</li>
 * </ol>
 * An answer to a nonce this BSF does not hold (used, timed out, never sent) gets a fresh challenge. Anything that
 * is no Ub request gets 400 (405 for a method other than GET) with the reason in the body. A source or IMPI over
 * its flood limit gets 429, a BSF at its bound 503, both with Retry-After ({@link org.mtcgate.bsf.FloodGuard}).
 * Never logs RES or keys.
 */
@ChannelHandler.Sharable
public final class UbHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LogManager.getLogger(UbHandler.class);
    /** RFC 2617 3.2.3; Netty names no constant for it. */
    static final String AUTHENTICATION_INFO = "Authentication-Info";

    private final Bootstrapping bootstrapping;
    private final String realm;
    private final UbCounters counters;
    private final UbObserver observer;

    /** @param realm the Digest realm of the challenges, which the UE's answer must repeat (the BSF's server name) */
    public UbHandler(Bootstrapping bootstrapping, String realm, UbCounters counters) {
        this(bootstrapping, realm, counters, UbObserver.NONE);
    }

    /** @param observer told of limit refusals (once per episode) and failed authentications */
    public UbHandler(Bootstrapping bootstrapping, String realm, UbCounters counters, UbObserver observer) {
        this.bootstrapping = bootstrapping;
        this.realm = realm;
        this.counters = counters;
        this.observer = observer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        counters.requests.increment();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String source = source(ctx);
        Optional<FloodGuard.Refusal> over = bootstrapping.admitRequest(source);
        if (over.isPresent()) {
            throttled(ctx, source, null, over.get(), keepAlive);
            return;
        }
        if (request.decoderResult().isFailure()) {
            bad(ctx, HttpResponseStatus.BAD_REQUEST, "not an HTTP request: " + request.decoderResult().cause().getMessage(), false);
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "Ub bootstrapping is a GET (TS 24.109 4.4)");
            r.headers().set(HttpHeaderNames.ALLOW, "GET");
            counters.badRequests.increment();
            send(ctx, r, keepAlive);
            return;
        }
        try {
            handle(ctx, source, request.uri(), request.content().readableBytes() == 0 ? new byte[0] : bytes(request), keepAlive,
                    request.headers().getAll(HttpHeaderNames.AUTHORIZATION));
        } catch (UbRequestException e) {
            LOG.debug("Ub request from {} refused: {}", ctx.channel().remoteAddress(), e.getMessage());
            bad(ctx, HttpResponseStatus.BAD_REQUEST, e.getMessage(), keepAlive);
        }
    }

    private void handle(ChannelHandlerContext ctx, String source, String uri, byte[] body, boolean keepAlive, List<String> authorization) {
        if (authorization.size() != 1) {
            throw new UbRequestException(authorization.isEmpty()
                    ? "Authorization: Digest username=\"<IMPI>\" is required (TS 24.109 4.4)"
                    : "more than one Authorization header");
        }
        DigestParameters p = DigestParameters.parseChallengeOrCredentials(authorization.get(0));
        Impi impi;
        try {
            impi = new Impi(p.require("username"));
        } catch (IllegalArgumentException e) {
            throw new UbRequestException("username is no IMPI: " + e.getMessage());
        }
        String nonce = p.get("nonce").orElse("");
        if (nonce.isEmpty()) {
            reply(ctx, source, impi, bootstrapping.challenge(impi), keepAlive, null);
            return;
        }
        if (!realm.equals(p.require("realm"))) {
            throw new UbRequestException("realm is not this BSF's (" + realm + ")");
        }
        AkaNonce challenge = AkaNonce.decode(nonce);
        if (p.get("auts").isPresent()) {
            counters.resyncs.increment();
            reply(ctx, source, impi, bootstrapping.resynchronise(impi, challenge.rand(), auts(p.require("auts"))), keepAlive, null);
            return;
        }
        String algorithm = p.get("algorithm").orElse(DigestAka.ALGORITHM);
        if (!DigestAka.ALGORITHM.equalsIgnoreCase(algorithm)) {
            throw new UbRequestException("algorithm must be " + DigestAka.ALGORITHM + ", not " + algorithm);
        }
        String qop = p.require("qop");
        if (!DigestAka.QOP_AUTH_INT.equals(qop)) {
            throw new UbRequestException("qop must be " + DigestAka.QOP_AUTH_INT + " as challenged, not " + qop);
        }
        if (!uri.equals(p.require("uri"))) {
            throw new UbRequestException("uri does not name the request's URI (RFC 2617 3.2.2.5)");
        }
        String nc = p.require("nc");
        if (!nc.matches("[0-9a-fA-F]{8}")) {
            throw new UbRequestException("nc is not 8 hex digits");
        }
        String response = p.require("response");
        if (!response.matches("[0-9a-fA-F]{32}")) {
            throw new UbRequestException("response is not 32 hex digits");
        }
        DigestAka.Input in = new DigestAka.Input(impi.value(), realm, nonce, "GET", uri, qop, nc, p.require("cnonce"));
        reply(ctx, source, impi, bootstrapping.answer(impi, challenge.rand(),
                xres -> DigestAka.matches(DigestAka.response(in, xres.octets(), body), response)), keepAlive, in);
    }

    private void reply(ChannelHandlerContext ctx, String source, Impi impi, CompletionStage<Bootstrapping.Outcome> outcome, boolean keepAlive,
                       DigestAka.Input answered) {
        outcome.whenComplete((o, failure) -> {
            if (failure != null) {
                counters.failures.increment();
                LOG.warn("Ub for {}: no vector: {}", impi, String.valueOf(failure));
                send(ctx, text(HttpResponseStatus.SERVICE_UNAVAILABLE, "no authentication vector could be had"), keepAlive);
            } else if (o instanceof Bootstrapping.Challenge c) {
                counters.challenges.increment();
                send(ctx, challenge(c), keepAlive);
            } else if (o instanceof Bootstrapping.Bootstrapped b) {
                counters.bootstrapped.increment();
                LOG.info("Ub: {} bootstrapped, B-TID {} until {}", impi, b.context().btid(), b.context().expiresAt());
                send(ctx, bootstrapped(b, answered), keepAlive);
            } else if (o instanceof Bootstrapping.NoChallenge) {
                // a nonce this BSF does not hold: start again (RFC 2617 3.2.1 answers a stale nonce with a new one)
                reply(ctx, source, impi, bootstrapping.challenge(impi), keepAlive, null);
            } else if (o instanceof Bootstrapping.Throttled t) {
                throttled(ctx, source, impi, t.refusal(), keepAlive);
            } else {
                counters.refused.increment();
                LOG.info("Ub: {} refused: {}", impi, o);
                String reason = o instanceof Bootstrapping.UnknownSubscriber ? "not authorised" : ((Bootstrapping.Refused) o).reason();
                observer.refused(source, impi.value(), "ub-auth-failed", o instanceof Bootstrapping.UnknownSubscriber
                        ? "unknown IMPI" : reason);
                send(ctx, text(HttpResponseStatus.FORBIDDEN, reason), keepAlive);
            }
        });
    }

    /** 429 for a client over its own limit, 503 for a BSF at its bound; audited once per episode. */
    private void throttled(ChannelHandlerContext ctx, String source, Impi impi, FloodGuard.Refusal r, boolean keepAlive) {
        if (r.busy()) {
            counters.busy.increment();
        } else {
            counters.limited.increment();
        }
        if (r.first()) {
            LOG.warn("Ub: {} from {} refused ({}): {}", impi == null ? "a request" : impi, source, r.rule(), r.reason());
            observer.refused(source, impi == null ? null : impi.value(), r.rule(), r.reason());
        }
        FullHttpResponse out = text(r.busy() ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.TOO_MANY_REQUESTS,
                r.reason());
        out.headers().set(HttpHeaderNames.RETRY_AFTER, r.retryAfterSeconds());
        send(ctx, out, keepAlive);
    }

    private static String source(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
    }

    private FullHttpResponse challenge(Bootstrapping.Challenge c) {
        FullHttpResponse r = text(HttpResponseStatus.UNAUTHORIZED, "");
        r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Digest realm=\"" + realm + "\", nonce=\""
                + new AkaNonce(c.rand(), c.autn()).encoded() + "\", algorithm=" + DigestAka.ALGORITHM
                + ", qop=\"" + DigestAka.QOP_AUTH_INT + "\"");
        return r;
    }

    private FullHttpResponse bootstrapped(Bootstrapping.Bootstrapped b, DigestAka.Input in) {
        byte[] body = new BootstrappingInfo(b.context().btid(), b.context().expiresAt()).encode();
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, BootstrappingInfo.MEDIA_TYPE)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(AUTHENTICATION_INFO, "qop=" + in.qop() + ", rspauth=\""
                        + DigestAka.rspauth(in, b.res().octets(), body) + "\", cnonce=\"" + in.cnonce() + "\", nc=" + in.nc());
        return r;
    }

    private void bad(ChannelHandlerContext ctx, HttpResponseStatus status, String reason, boolean keepAlive) {
        counters.badRequests.increment();
        send(ctx, text(status, reason), keepAlive);
    }

    private static Auts auts(String base64) {
        byte[] octets;
        try {
            octets = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new UbRequestException("auts is not base64");
        }
        if (octets.length != Auts.LENGTH) {
            throw new UbRequestException("auts is not 14 octets: " + octets.length);
        }
        return new Auts(octets);
    }

    private static byte[] bytes(FullHttpRequest request) {
        byte[] out = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), out);
        return out;
    }

    private static FullHttpResponse text(HttpResponseStatus status, String body) {
        byte[] b = body.isEmpty() ? new byte[0] : (body + "\n").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(b));
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, b.length);
        if (b.length > 0) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        }
        return r;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
        HttpUtil.setKeepAlive(r, keepAlive);
        var f = ctx.writeAndFlush(r);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Ub connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
