package dev.antigravity.lambdas.wiring.hooks;

import dagger.BindsInstance;
import dagger.Component;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.adapters.dynamodb.DynamoDbLedger;
import java.util.Map;
import javax.inject.Singleton;

/** The CLI's view of the ledger (history, resume). */
@Singleton
@Component(modules = {HooksModule.class, EcsModule.class})
public interface LedgerComponent {
    DynamoDbLedger ledger();

    HooksConfig config();

    EventCodec codec();

    @Component.Factory
    interface Factory {
        LedgerComponent create(@BindsInstance Map<String, String> environment);
    }
}
