package org.mtcgate.lab.naf;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
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
import org.mtcgate.bsf.ub.DigestAka;
import org.mtcgate.bsf.ub.DigestParameters;
import org.mtcgate.bsf.ub.UbRequestException;
import org.mtcgate.gba.bootstrap.Btid;
import org.mtcgate.gba.bootstrap.NafId;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Ua of the lab NAF (TS 33.222 5.3 style, over TS 24.109's HTTP Digest): HTTP Digest (RFC 2617, RFC 7616) with the
 * B-TID as username and base64(Ks_NAF) as password, realm {@code 3GPP-bootstrapping@<NAF FQDN>}, algorithm MD5,
 * qop auth-int. The NAF gets Ks_NAF for the B-TID over Zn ({@link NafKeys}) and then checks the response; a
 * verified request gets 200 with a small resource and {@code Authentication-Info} whose rspauth proves the NAF
 * holds the key too. Refusals say why in the body: a request without credentials, with an unknown, timed-out or
 * replayed nonce/nc, a B-TID the BSF does not know (Zn 5403) or a response that does not verify get 401 with a
 * fresh challenge; a NAF the BSF does not authorise (Zn 5402) gets 403; no answer from the BSF 503; a request
 * that is no Digest request 400.
 */
@ChannelHandler.Sharable
public final class NafHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** The realm's prefix for GBA_ME keys (TS 24.109; as a NAF, a UE client and a capture write it, PROFILE.md). */
    public static final String REALM_PREFIX = "3GPP-bootstrapping@";
    public static final String ALGORITHM = "MD5";

    private final NafId naf;
    private final String realm;
    private final NafNonces nonces;
    private final NafKeys keys;
    private final NafEvents events;
    private final LongAdder authenticated = new LongAdder();
    private final LongAdder refused = new LongAdder();

    NafHandler(NafId naf, NafNonces nonces, NafKeys keys, NafEvents events) {
        this.naf = naf;
        this.realm = REALM_PREFIX + naf.fqdn();
        this.nonces = nonces;
        this.keys = keys;
        this.events = events;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            refuse(ctx, null, HttpResponseStatus.BAD_REQUEST, "bad-request", "not an HTTP request", false);
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "this NAF serves GET");
            r.headers().set(HttpHeaderNames.ALLOW, "GET");
            refused.increment();
            send(ctx, r, keepAlive);
            return;
        }
        List<String> authorization = request.headers().getAll(HttpHeaderNames.AUTHORIZATION);
        if (authorization.isEmpty()) {
            challenge(ctx, null, "no-credentials", "authenticate with HTTP Digest: username = the B-TID, password = "
                    + "base64(Ks_NAF) (TS 33.222)", false, keepAlive);
            return;
        }
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        try {
            if (authorization.size() != 1) {
                throw new UbRequestException("more than one Authorization header");
            }
            verify(ctx, request.uri(), body, DigestParameters.parseChallengeOrCredentials(authorization.get(0)), keepAlive);
        } catch (UbRequestException e) {
            refuse(ctx, null, HttpResponseStatus.BAD_REQUEST, "bad-request", e.getMessage(), keepAlive);
        }
    }

    private void verify(ChannelHandlerContext ctx, String uri, byte[] body, DigestParameters p, boolean keepAlive) {
        Btid btid;
        try {
            btid = new Btid(p.require("username"));
        } catch (IllegalArgumentException e) {
            throw new UbRequestException("username is no B-TID: " + e.getMessage());
        }
        String b = btid.value();
        if (!realm.equals(p.require("realm"))) {
            challenge(ctx, b, "wrong-realm", "realm must be " + realm, false, keepAlive);
            return;
        }
        String algorithm = p.get("algorithm").orElse(ALGORITHM);
        if (!ALGORITHM.equalsIgnoreCase(algorithm)) {
            throw new UbRequestException("algorithm must be " + ALGORITHM + ", not " + algorithm);
        }
        String qop = p.require("qop");
        if (!DigestAka.QOP_AUTH_INT.equals(qop)) {
            throw new UbRequestException("qop must be " + DigestAka.QOP_AUTH_INT + " as challenged, not " + qop);
        }
        if (!uri.equals(p.require("uri"))) {
            throw new UbRequestException("uri does not name the request's URI (RFC 2617 3.2.2.5)");
        }
        String ncText = p.require("nc");
        if (!ncText.matches("[0-9a-fA-F]{8}")) {
            throw new UbRequestException("nc is not 8 hex digits");
        }
        String response = p.require("response");
        if (!response.matches("[0-9a-fA-F]{32}")) {
            throw new UbRequestException("response is not 32 hex digits");
        }
        String nonce = p.require("nonce");
        long nc = Long.parseLong(ncText, 16);
        switch (nonces.check(nonce, nc)) {
            case UNKNOWN -> {
                challenge(ctx, b, "nonce-unknown", "the nonce is not one this NAF issued", false, keepAlive);
                return;
            }
            case EXPIRED -> {
                challenge(ctx, b, "nonce-expired", "the nonce timed out", true, keepAlive);
                return;
            }
            case REPLAYED -> {
                challenge(ctx, b, "replay", "nc " + ncText + " was already used with this nonce: a replay", false, keepAlive);
                return;
            }
            default -> {
            }
        }
        DigestAka.Input in = new DigestAka.Input(b, realm, nonce, "GET", uri, qop, ncText, p.require("cnonce"));
        keys.keyFor(btid).whenComplete((r, failure) -> {
            if (failure != null || r instanceof ZnClient.Failed) {
                refuse(ctx, b, HttpResponseStatus.SERVICE_UNAVAILABLE, "zn-failed", "no key from the BSF: "
                        + (failure != null ? failure.getMessage() : ((ZnClient.Failed) r).reason()), keepAlive);
            } else if (r instanceof ZnClient.UnknownBtid) {
                challenge(ctx, b, "btid-unknown", "the BSF holds no valid bootstrapping for B-TID " + b
                        + " (Zn 5403): bootstrap again", false, keepAlive);
            } else if (r instanceof ZnClient.NotAuthorised) {
                refuse(ctx, b, HttpResponseStatus.FORBIDDEN, "naf-not-authorised", "the BSF does not authorise this NAF for "
                        + naf.fqdn() + " (Zn 5402): it is not configured at the BSF", keepAlive);
            } else {
                granted(ctx, in, body, response, (ZnClient.Granted) r, keepAlive);
            }
        });
    }

    private void granted(ChannelHandlerContext ctx, DigestAka.Input in, byte[] body, String response, ZnClient.Granted g,
                         boolean keepAlive) {
        byte[] password = password(g);
        if (!DigestAka.matches(DigestAka.response(in, password, body), response)) {
            challenge(ctx, in.username(), "response-mismatch", "the response does not verify with Ks_NAF of B-TID "
                    + in.username() + " (a wrong key, or the request was altered)", false, keepAlive);
            return;
        }
        if (!nonces.used(in.nonce(), Long.parseLong(in.nc(), 16))) {
            challenge(ctx, in.username(), "replay", "nc " + in.nc() + " was already used with this nonce: a replay", false,
                    keepAlive);
            return;
        }
        byte[] out = ("authenticated as IMPI " + g.impi().value() + " with B-TID " + in.username() + " at NAF " + naf.fqdn()
                + "; Ks_NAF valid until " + g.expiresAt() + "\n").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(out));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, out.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("Authentication-Info", "qop=" + in.qop() + ", rspauth=\"" + DigestAka.rspauth(in, password, out)
                        + "\", cnonce=\"" + in.cnonce() + "\", nc=" + in.nc());
        // told once the answer is on its way, so that whoever stops the NAF on this event does not cut it off
        send(ctx, r, keepAlive).addListener(written -> {
            authenticated.increment();
            events.event(in.username(), "authenticated", g.impi().value());
        });
    }

    /** TS 33.222: the Digest password is Ks_NAF in base64. */
    private static byte[] password(ZnClient.Granted g) {
        return Base64.getEncoder().encode(g.key().octets());
    }

    private void challenge(ChannelHandlerContext ctx, String btid, String rule, String reason, boolean stale, boolean keepAlive) {
        refused.increment();
        events.event(btid, rule, reason);
        FullHttpResponse r = text(HttpResponseStatus.UNAUTHORIZED, reason);
        r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Digest realm=\"" + realm + "\", nonce=\"" + nonces.issue()
                + "\", algorithm=" + ALGORITHM + ", qop=\"" + DigestAka.QOP_AUTH_INT + "\"" + (stale ? ", stale=true" : ""));
        send(ctx, r, keepAlive);
    }

    private void refuse(ChannelHandlerContext ctx, String btid, HttpResponseStatus status, String rule, String reason,
                        boolean keepAlive) {
        refused.increment();
        events.event(btid, rule, reason);
        send(ctx, text(status, reason), keepAlive);
    }

    private static FullHttpResponse text(HttpResponseStatus status, String body) {
        byte[] b = (body + "\n").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(b));
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, b.length).set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return r;
    }

    private static ChannelFuture send(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
        HttpUtil.setKeepAlive(r, keepAlive);
        ChannelFuture f = ctx.writeAndFlush(r);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
        return f;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** Requests authenticated (200). */
    public long authenticatedCount() {
        return authenticated.sum();
    }

    /** Requests refused, whatever the reason. */
    public long refusedCount() {
        return refused.sum();
    }
}
