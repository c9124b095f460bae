package dev.antigravity.api.tools;

import com.nimbusds.jose.JWSAlgorithm;
import dev.antigravity.api.http.auth.LocalTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a bearer token for a server running with {@code auth.mode=local}:
 * {@code scripts/mint-token --sub alice --role admin [--ttl PT8H] [--alg ES256]}.
 */
public final class MintToken {
    private static final String USAGE = """
            usage: mint-token --sub SUBJECT --role admin|customer [--ttl PT1H] [--alg RS256|ES256]
                              [--iss antigravity-local] [--aud antigravity-api]
            Prints a JWT signed with the local development key (accepted only with AUTH_MODE=local).""";

    private MintToken() {}

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")
                || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        try {
            System.out.println(LocalTokens.mint(parse(args)));
        } catch (IllegalArgumentException e) {
            System.err.println("mint-token: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    static LocalTokens.Request parse(String[] args) {
        String subject = null;
        List<String> roles = new ArrayList<>();
        Duration ttl = Duration.ofHours(1);
        JWSAlgorithm alg = JWSAlgorithm.RS256;
        String issuer = null;
        String audience = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--sub" -> subject = value;
                case "--role" -> roles.add(value.toLowerCase(Locale.ROOT));
                case "--ttl" -> ttl = Duration.parse(value);
                case "--alg" -> alg = JWSAlgorithm.parse(value.toUpperCase(Locale.ROOT));
                case "--iss" -> issuer = value;
                case "--aud" -> audience = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("--sub is required");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("--role is required");
        }
        if (!alg.equals(JWSAlgorithm.RS256) && !alg.equals(JWSAlgorithm.ES256)) {
            throw new IllegalArgumentException("--alg must be RS256 or ES256");
        }
        Instant now = Instant.now();
        LocalTokens.Request request = LocalTokens.Request.of(subject, dev.antigravity.api.http.auth.Role.CUSTOMER)
                .withRoles(roles)
                .withAlgorithm(alg)
                .validBetween(now, now.plus(ttl));
        if (issuer != null) {
            request = request.withIssuer(issuer);
        }
        return audience == null ? request : request.withAudience(audience);
    }
}
