package dev.antigravity.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.FormEncoder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-written PaymentIntent form against stripe-java's own encoder of the same parameters
 * (the library is the reference: what it would have sent, Stripe accepts); stripe-mock accepting
 * it is {@code StripePaymentGatewayTest.createsAndRefundsWithStripeMock}.
 */
class PaymentIntentFormTest {

    @Test
    void isWhatTheLibrarySendsForTheSameParameters() {
        assertThat(PaymentIntentForm.of(7, 1250, "usd")).isEqualTo(libraryForm(7, 1250, "usd"));
        assertThat(PaymentIntentForm.of(Long.MAX_VALUE, 1, "eur")).isEqualTo(libraryForm(Long.MAX_VALUE, 1, "eur"));
    }

    @Test
    void aCurrencyWithReservedCharactersDecodesToTheSameParameters() {
        // The library writes brackets in values unescaped, this form escapes them: the same once decoded.
        for (String currency : List.of("u&s=d", "u[s]d", "ü s+d%", "x&amount=1")) {
            assertThat(decoded(PaymentIntentForm.of(3, 99, currency)))
                    .as(currency)
                    .isEqualTo(decoded(libraryForm(3, 99, currency)))
                    .containsEntry("currency", currency)
                    .containsEntry("amount", "99");
        }
    }

    private static String libraryForm(long orderId, long amountCents, String currency) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("amount", amountCents);
        params.put("currency", currency);
        params.put("metadata", Map.of("order_id", Long.toString(orderId)));
        params.put("automatic_payment_methods", Map.of("enabled", true));
        return FormEncoder.createQueryString(params);
    }

    /** The pairs as a form decoder sees them, in order; a repeated name would show as a second entry lost. */
    private static Map<String, String> decoded(String form) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Arrays.stream(form.split("&")).forEach(pair -> {
            String[] kv = pair.split("=", 2);
            String previous = pairs.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            assertThat(previous).as("parameter " + kv[0] + " twice in " + form).isNull();
        });
        return pairs;
    }
}
