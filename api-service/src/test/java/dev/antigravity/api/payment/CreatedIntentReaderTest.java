package dev.antigravity.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.api.service.PaymentGateway.ProviderIntent;
import dev.antigravity.api.service.PaymentProviderException;
import org.junit.jupiter.api.Test;

/** What the streaming read of a created PaymentIntent takes from Stripe's answer, and what it refuses. */
class CreatedIntentReaderTest {

    @Test
    void readsTheTopLevelIdAndSecretInEitherOrderPastNestedObjects() {
        assertThat(CreatedIntentReader.read("""
                        {"amount": 1250, "automatic_payment_methods": {"enabled": true},
                         "client_secret": "pi_9_secret_x", "currency": "usd",
                         "payment_method_configuration_details": {"id": "pmc_1", "parent": null},
                         "payment_method_types": ["card", {"id": "not_this"}], "metadata": {},
                         "id": "pi_9", "object": "payment_intent"}""")).isEqualTo(new ProviderIntent("pi_9", "pi_9_secret_x"));
        assertThat(CreatedIntentReader.read("""
                        {"id": "pi_8", "object": "payment_intent", "next_action": {"id": "na"},
                         "client_secret": "pi_8_secret_y"}""")).isEqualTo(new ProviderIntent("pi_8", "pi_8_secret_y"));
    }

    @Test
    void anIdOnlyInsideANestedObjectIsNoId() {
        assertThatThrownBy(() -> CreatedIntentReader.read("""
                        {"client_secret": "s", "transfer_data": {"destination": {"id": "acct_1"}},
                         "payment_method_configuration_details": {"id": "pmc_1"}}"""))
                .isInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("without an id or client secret");
    }

    @Test
    void aMissingNullOrNonTextFieldIsAClearFailure() {
        for (String body : new String[] {
            "{\"object\":\"list\"}",
            "{\"id\":\"pi_1\"}",
            "{\"id\":\"pi_1\",\"client_secret\":null}",
            "{\"id\":42,\"client_secret\":\"s\"}",
            "{\"id\":{\"nested\":\"pi_1\"},\"client_secret\":\"s\"}",
            "{}"
        }) {
            assertThatThrownBy(() -> CreatedIntentReader.read(body))
                    .as(body)
                    .isInstanceOf(PaymentProviderException.class)
                    .hasMessageContaining("without an id or client secret");
        }
    }

    @Test
    void anAnswerThatIsNoJsonObjectIsAClearFailure() {
        assertThatThrownBy(() -> CreatedIntentReader.read("[{\"id\":\"pi_1\",\"client_secret\":\"s\"}]"))
                .isInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("not an object");
        assertThatThrownBy(() -> CreatedIntentReader.read("<html>Bad gateway</html>"))
                .isInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("unreadable JSON");
        assertThatThrownBy(() -> CreatedIntentReader.read("{\"id\": \"pi_1\", \"cli"))
                .isInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("unreadable JSON");
        assertThatThrownBy(() -> CreatedIntentReader.read(""))
                .isInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("not an object");
    }

    @Test
    void nothingAfterBothFieldsIsRead() {
        // Both fields found: the rest of the answer is left unread, as the library's own decoding
        // of a typed PaymentIntent would not have kept anything else this service uses either.
        assertThat(CreatedIntentReader.read("{\"id\":\"pi_7\",\"client_secret\":\"pi_7_secret\",\"status\":"))
                .isEqualTo(new ProviderIntent("pi_7", "pi_7_secret"));
    }
}
