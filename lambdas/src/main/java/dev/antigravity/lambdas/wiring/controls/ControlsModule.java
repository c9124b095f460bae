package dev.antigravity.lambdas.wiring.controls;

import dagger.Module;
import dagger.Provides;
import dev.antigravity.lambdas.app.OperatorControls;
import dev.antigravity.lambdas.app.PromoteNow;
import dev.antigravity.lambdas.app.ReadStatus;
import dev.antigravity.lambdas.app.RollBack;
import dev.antigravity.lambdas.app.ServiceLock;
import dev.antigravity.lambdas.app.VerifyDeployment;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.FreezeSwitch;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import dev.antigravity.lambdas.wiring.hooks.HooksConfig;
import java.time.Clock;
import javax.inject.Singleton;

/** The operator controls (Slack buttons, CLI commands) over the hooks' own use cases, and the status they act on. */
@Module
public final class ControlsModule {
    private ControlsModule() {}

    @Provides
    @Singleton
    static OperatorControls controls(
            HooksConfig config,
            LedgerPort ledger,
            RollBack rollBack,
            EcsPort ecs,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            ServiceLock lock,
            FreezeSwitch freeze,
            VerifyDeployment verify,
            Clock clock) {
        return new OperatorControls(
                config.services(),
                ledger,
                rollBack,
                new PromoteNow(ecs, ledger, rollBack, verify, publisher, events, lock, clock),
                freeze);
    }

    @Provides
    @Singleton
    static ReadStatus status(LedgerPort ledger, EcsPort ecs, AlarmPort alarms, FreezeSwitch freeze, Clock clock) {
        return new ReadStatus(ledger, ecs, alarms, freeze, clock);
    }
}
