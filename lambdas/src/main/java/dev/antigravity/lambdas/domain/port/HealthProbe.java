package dev.antigravity.lambdas.domain.port;

import java.net.URI;

/** An HTTP probe of a service's /health endpoint (bounded retries and timeouts live in the adapter). */
public interface HealthProbe {

    ProbeResult probe(URI url, String expectedVersion);

    /** @param version what /health reported (null when it did not say) */
    record ProbeResult(boolean healthy, String version, String detail) {}
}
