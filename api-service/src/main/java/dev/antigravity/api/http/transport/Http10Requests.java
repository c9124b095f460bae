package dev.antigravity.api.http.transport;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.Bytes;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.ConnectionContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * HTTP/1.0 for Helidon, whose HTTP/1 connection only parses HTTP/1.1 (505 otherwise). Load balancers
 * and simple probes still send {@code GET /health HTTP/1.0}. A connection whose first request is
 * HTTP/1.0 serves exactly that request: its head is handed to Helidon as HTTP/1.1 with
 * {@code Connection: close} (HTTP/1.0 has no persistent connections by default, and we offer none)
 * and a {@code Host} when it had none (HTTP/1.0 does not require one, HTTP/1.1 does). Responding
 * with HTTP/1.1 is what RFC 9110 section 6.2 asks of a server. The body, if any, is not touched.
 */
final class Http10Requests {
    private static final int MAX_HEAD = 4096 + 16384; // Helidon's default request line + header limits

    private Http10Requests() {}

    static boolean isHttp10(String requestLine) {
        return requestLine.endsWith(" HTTP/1.0");
    }

    /** Whether the connection's first request line, already received, is HTTP/1.0 (nothing is consumed). */
    static boolean startsWithHttp10(DataReader reader) {
        BufferData start = reader.getBuffer(reader.available());
        int lf = start.indexOf(Bytes.LF_BYTE);
        return lf != -1 && isHttp10(start.readString(lf).stripTrailing());
    }

    /** The connection as Helidon's HTTP/1.1 parser should read it. */
    static ConnectionContext adapt(ConnectionContext ctx) {
        DataReader original = ctx.dataReader();
        DataReader rewritten = DataReader.create(new Supplier<>() {
            private boolean headDone;

            @Override
            public byte[] get() {
                if (!headDone) {
                    headDone = true;
                    return rewriteHead(original);
                }
                original.ensureAvailable();
                return original.readBytes(original.available());
            }
        });
        return new ContextWithReader(ctx, rewritten);
    }

    /** Reads the request head and returns it as HTTP/1.1; a head too long to be valid goes through unchanged. */
    private static byte[] rewriteHead(DataReader reader) {
        List<String> lines = new ArrayList<>();
        int read = 0;
        while (true) {
            int eol = reader.findNewLine(MAX_HEAD - read);
            if (eol == MAX_HEAD - read) {
                // Helidon rejects it anyway; give back what was taken, as it was.
                return (String.join("\r\n", lines) + (lines.isEmpty() ? "" : "\r\n"))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            String line = reader.readAsciiString(eol);
            reader.skip(2);
            read += eol + 2;
            if (line.isEmpty()) {
                break;
            }
            lines.add(line);
        }
        StringBuilder head = new StringBuilder();
        String requestLine = lines.getFirst();
        head.append(requestLine, 0, requestLine.length() - "1.0".length()).append("1.1\r\n");
        boolean hasHost = false;
        for (String header : lines.subList(1, lines.size())) {
            String name =
                    header.substring(0, Math.max(0, header.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            hasHost |= name.equals("host");
            if (!name.equals("connection")) {
                head.append(header).append("\r\n");
            }
        }
        if (!hasHost) {
            head.append("Host: localhost\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
