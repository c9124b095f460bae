package dev.antigravity.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.OptionalLong;

/** Reading an HTTP body, ours or an answer to one of our calls. */
public final class Bodies {
    private Bodies() {}

    /**
     * The body's bytes. With a declared length (Content-Length) exactly that many are read into an array of that
     * size: {@link InputStream#readAllBytes} reads in 16 KiB chunks, and a Helidon entity stream allocates a buffer
     * of each size asked of it, for bodies that are mostly a few hundred bytes to a few KiB. A body shorter than
     * declared (the peer closed early) is returned as far as it came; the caller's parser then rejects it. The
     * stream is then read to its end, as {@code readAllBytes} would: Helidon's client hands its kept connection
     * back only once the answer's stream has ended, and a body running past its declared length is refused.
     */
    public static byte[] read(InputStream in, OptionalLong declared) throws IOException {
        if (declared.isEmpty() || declared.getAsLong() > Integer.MAX_VALUE) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) declared.getAsLong()];
        int read = in.readNBytes(body, 0, body.length);
        if (read == body.length && in.read() != -1) {
            throw new IOException("The body is longer than its declared " + body.length + " bytes");
        }
        return read == body.length ? body : Arrays.copyOf(body, read);
    }
}
