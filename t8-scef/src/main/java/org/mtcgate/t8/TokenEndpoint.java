package org.mtcgate.t8;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code POST /oauth2/token}, the client credentials grant (RFC 6749 4.4) for registered SCS/ASs. The client
 * authenticates twice: by its TLS certificate (which must name this very client id) and by its secret (HTTP Basic,
 * RFC 6749 2.3.1, or {@code client_id}/{@code client_secret} in the body). Errors as RFC 6749 5.2. Checking the secret
 * is a slow hash: the caller runs this off the event loop.
 */
final class TokenEndpoint {
    private final ClientDirectory clients;
    private final ClientSecrets secrets;
    private final AccessTokens tokens;
    private final T8Stats stats;

    TokenEndpoint(ClientDirectory clients, ClientSecrets secrets, AccessTokens tokens, T8Stats stats) {
        this.clients = clients;
        this.secrets = secrets;
        this.tokens = tokens;
        this.stats = stats;
    }

    HttpReply token(T8Client authenticated, X509Certificate certificate, String contentType, String authorization, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return error(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
        }
        Map<String, List<String>> form = new QueryStringDecoder(new String(body, StandardCharsets.US_ASCII), false).parameters();
        for (List<String> values : form.values()) {
            if (values.size() > 1) {
                return error(400, "invalid_request", "a parameter is repeated");
            }
        }
        if (!"client_credentials".equals(one(form, "grant_type"))) {
            return error(400, "unsupported_grant_type", "only client_credentials is offered");
        }
        String id = one(form, "client_id");
        String secret = one(form, "client_secret");
        if (authorization != null) {
            if (secret != null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return error(400, "invalid_request", "give the client's credentials once, with HTTP Basic or in the body");
            }
            String[] pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2);
            } catch (IllegalArgumentException e) {
                return error(400, "invalid_request", "the Basic credentials are not base64");
            }
            if (pair.length != 2) {
                return error(400, "invalid_request", "the Basic credentials are not id:secret");
            }
            id = QueryStringDecoder.decodeComponent(pair[0]);
            secret = QueryStringDecoder.decodeComponent(pair[1]);
        }
        if (id == null || secret == null) {
            return error(401, "invalid_client", "client authentication is required");
        }
        if (!id.equals(authenticated.scsAsId()) || clients.byId(id).isEmpty()) {
            stats.refused(authenticated.scsAsId(), "token-client-not-certificate", "asked for client id " + id);
            return error(401, "invalid_client", "the client id is not the SCS/AS the certificate authenticates");
        }
        if (!secrets.matches(id, secret.toCharArray())) {
            stats.refused(authenticated.scsAsId(), "token-bad-secret", "client authentication failed");
            return error(401, "invalid_client", "client authentication failed");
        }
        Set<Scope> granted = EnumSet.noneOf(Scope.class);
        String asked = one(form, "scope");
        if (asked == null || asked.isBlank()) {
            granted.addAll(authenticated.scopes());
        } else {
            for (String s : asked.trim().split(" +")) {
                Scope scope = Scope.ofToken(s);
                if (scope == null || !authenticated.scopes().contains(scope)) {
                    stats.refused(authenticated.scsAsId(), "token-bad-scope", "asked for scope " + s);
                    return error(400, "invalid_scope", "scope '" + s + "' is not one this client may have");
                }
                granted.add(scope);
            }
        }
        if (granted.isEmpty()) {
            return error(400, "invalid_scope", "the client may have no scope");
        }
        stats.count("token-issued");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", tokens.issue(id, granted, certificate));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", tokens.lifetime().toSeconds());
        answer.put("scope", granted.stream().map(Scope::token).sorted().collect(Collectors.joining(" ")));
        return HttpReply.json(200, answer, Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }

    private static String one(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static HttpReply error(int status, String error, String description) {
        Map<String, String> headers = status == 401
                ? Map.of("WWW-Authenticate", "Basic realm=\"" + Bearer.REALM + "\"", "Cache-Control", "no-store")
                : Map.of("Cache-Control", "no-store");
        return HttpReply.json(status, Map.of("error", error, "error_description", description), headers);
    }
}
