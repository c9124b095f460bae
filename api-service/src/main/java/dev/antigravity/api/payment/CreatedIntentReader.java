package dev.antigravity.api.payment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.antigravity.api.service.PaymentGateway.ProviderIntent;
import dev.antigravity.api.service.PaymentProviderException;
import java.io.IOException;

/**
 * Reads the two fields of a created PaymentIntent this service keeps, {@code id} and
 * {@code client_secret}, from Stripe's answer with Jackson's streaming parser, and stops as soon
 * as both are found. Binding the whole object (some sixty fields and nested objects, every name
 * looked up in a bean deserializer and checked for duplicates by the service's strict mapper) was
 * 15 % of the PaymentIntent creation's CPU samples on every order; here the fields before the two
 * are skipped token by token, nested objects without looking inside, and the rest is not read.
 */
final class CreatedIntentReader {
    /**
     * A plain factory, not the service's strict mapper: this is the provider's answer, not a
     * client's input, and duplicate detection would cost a set insertion per field name.
     */
    private static final JsonFactory JSON = new JsonFactory();

    private CreatedIntentReader() {}

    /** The PaymentIntent's id and client secret; a {@link PaymentProviderException} if either is missing. */
    static ProviderIntent read(String body) {
        String id = null;
        String clientSecret = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new PaymentProviderException(
                        "Stripe answered the PaymentIntent creation with JSON that is not an object", null);
            }
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "id" -> id = text(parser, value);
                    case "client_secret" -> clientSecret = text(parser, value);
                    default -> parser.skipChildren(); // a nested object or array: its own "id"s are not the intent's
                }
                if (id != null && clientSecret != null) {
                    return new ProviderIntent(id, clientSecret);
                }
            }
        } catch (JsonProcessingException e) {
            throw new PaymentProviderException(
                    "Stripe answered the PaymentIntent creation with unreadable JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PaymentProviderException(
                    "Stripe's answer to the PaymentIntent creation could not be read: " + e.getMessage(), e);
        }
        throw new PaymentProviderException(
                "Stripe answered the PaymentIntent creation without an id or client secret", null);
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }
}
