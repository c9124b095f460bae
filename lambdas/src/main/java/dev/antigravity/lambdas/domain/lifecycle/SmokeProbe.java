package dev.antigravity.lambdas.domain.lifecycle;

import java.net.URI;

/** Port: one GET of a smoke-test URL, no retries (the hook's IN_PROGRESS cycle is the retry). */
public interface SmokeProbe {
    /** @throws TransientCheckException when no HTTP answer came (refused, timed out) */
    Response get(URI url);

    /** @param version the {@code version} field of a JSON body, or null when there is none */
    record Response(int status, String version) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
