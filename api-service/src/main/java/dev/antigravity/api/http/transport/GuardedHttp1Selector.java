package dev.antigravity.api.http.transport;

import io.helidon.common.Size;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.Bytes;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.util.Set;

/**
 * Serves HTTP/1.1 and HTTP/1.0 with Helidon's own HTTP/1 connection wrapped in a
 * {@link GuardedConnection}. Registered as the listener's first connection selector, so every
 * HTTP/1 connection goes through it; Helidon's discovered selector stays behind it for nothing.
 * Helidon's HTTP/1 settings are its defaults (application.yaml sets none), except that a request
 * body may be held in memory up to {@code limits.body}.
 */
public final class GuardedHttp1Selector implements ServerConnectionSelector {
    private final Http1Config config;
    private final Http1ConnectionSelector http1;

    /** @param maxBody {@code limits.body}: the largest body {@link RequestBodyFilter} holds in memory */
    public GuardedHttp1Selector(long maxBody) {
        this.config = Http1Config.builder()
                .maxBufferedEntitySize(Size.create(maxBody))
                .build();
        this.http1 = Http1ConnectionSelector.builder().config(config).build();
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData request) {
        int lf = request.indexOf(Bytes.LF_BYTE);
        if (lf == -1) {
            // As Helidon does: a request line still arriving is ours (Helidon answers 414 if it is too long).
            return request.available() <= config.maxPrologueLength() ? Support.SUPPORTED : Support.UNSUPPORTED;
        }
        String requestLine = request.readString(lf).stripTrailing();
        return requestLine.endsWith(" HTTP/1.1") || Http10Requests.isHttp10(requestLine)
                ? Support.SUPPORTED
                : Support.UNSUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return new GuardedConnection(ctx, Http10Requests.startsWithHttp10(ctx.dataReader()), http1::connection);
    }
}
