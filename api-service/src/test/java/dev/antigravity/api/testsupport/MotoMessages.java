package dev.antigravity.api.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What moto_server really sent: its {@code /moto-api/data.json} lists every SES message and SNS SMS
 * it accepted. moto is shared, so callers filter by a recipient unique to their test.
 */
public final class MotoMessages {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An email moto's SES accepted. */
    public record Email(String from, List<String> to, String subject, String body) {}

    /** An SMS moto's SNS accepted. */
    public record Sms(String phoneNumber, String message) {}

    /** Everything moto accepted until now. One read of data.json: it lists all of moto's models, slow on a busy moto. */
    public record Sent(List<Email> emails, List<Sms> sms) {

        public List<Email> emailsTo(String recipient) {
            return emails.stream()
                    .filter(email -> email.to().contains(recipient))
                    .toList();
        }

        public List<Sms> smsTo(String phoneNumber) {
            return sms.stream()
                    .filter(message -> message.phoneNumber().equals(phoneNumber))
                    .toList();
        }
    }

    private MotoMessages() {}

    public static Sent sent() {
        JsonNode data = data();
        List<Email> emails = new ArrayList<>();
        for (JsonNode message : data.path("ses").path("Message")) {
            List<String> to = new ArrayList<>();
            message.path("destinations").path("ToAddresses").forEach(address -> to.add(address.asText()));
            emails.add(new Email(
                    message.path("source").asText(),
                    to,
                    message.path("subject").asText(),
                    message.path("body").asText()));
        }
        List<Sms> sms = new ArrayList<>();
        for (JsonNode message : data.path("sns").path("SMS")) {
            sms.add(new Sms(
                    message.path("phone_number").asText(),
                    message.path("message").asText()));
        }
        return new Sent(emails, sms);
    }

    /**
     * moto builds data.json by checking each model attribute, then serialising them all: another
     * test writing to moto in between (shared moto) can make that answer 500 once; asked again.
     */
    private static JsonNode data() {
        URI uri = MotoServer.endpoint().resolve("/moto-api/data.json");
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofMinutes(3))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
                if (attempt == 3 || response.statusCode() < 500) {
                    throw new IllegalStateException(uri + " answered " + response.statusCode());
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + uri, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
