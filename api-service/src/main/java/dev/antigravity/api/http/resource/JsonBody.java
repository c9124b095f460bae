package dev.antigravity.api.http.resource;

import dev.antigravity.api.config.Json;
import dev.antigravity.api.http.Bodies;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.http.problem.JsonProblems;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body into a record; Jackson failures become field problems centrally.
 * The Content-Type is checked here rather than through Helidon's media support, which accepted
 * {@code +json} types and then found no reader for them (500), failed on malformed parameters
 * (500) and compared media types case-sensitively (415 for {@code APPLICATION/JSON}). Only
 * {@code application/json} is read, as openapi.yaml documents; {@code application/merge-patch+json}
 * and the like name other semantics, so they are 415. The body is parsed from its bytes, so
 * malformed UTF-8 is a 400 instead of being stored as U+FFFD.
 */
final class JsonBody {
    /** RFC 9110 parameter: token "=" ( token / quoted-string ). */
    private static final Pattern PARAMETER = Pattern.compile(
            "\\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*=\\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+|\"([^\"\\\\]|\\\\.)*\")\\s*");

    private JsonBody() {}

    static <T> T read(ServerRequest req, Class<T> type) {
        if (!isJson(req.headers().first(HeaderNames.CONTENT_TYPE).orElse(""))) {
            throw ApiException.unsupportedMediaType(
                    "The request body must be JSON in UTF-8 (Content-Type: application/json).");
        }
        byte[] body = bytes(req);
        if (body.length == 0) {
            throw ApiException.badRequest("The request body is empty; a JSON document is required.");
        }
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw JsonProblems.from(e).orElseGet(() -> ApiException.badRequest("The request body is not valid JSON."));
        }
    }

    /**
     * The body's bytes, exactly Content-Length of them when declared ({@link Bodies#read}). The body is already in
     * memory (RequestBodyFilter), and its length was checked there. Also the webhook's, whose signature is over
     * these exact bytes.
     */
    static byte[] bytes(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            return Bodies.read(in, req.headers().contentLength());
        } catch (IOException e) {
            throw new UncheckedIOException("The request body could not be read", e);
        }
    }

    /** {@code application/json} in any case, with well-formed parameters, UTF-8 if a charset is named. */
    static boolean isJson(String contentType) {
        String[] parts = contentType.split(";", -1);
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i];
            if (parameter.isBlank() && i == parts.length - 1) {
                continue; // a trailing ";" is harmless
            }
            if (!PARAMETER.matcher(parameter).matches()) {
                return false;
            }
            String[] nameValue = parameter.split("=", 2);
            if (nameValue[0].trim().equalsIgnoreCase("charset")
                    && !nameValue[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }
}
