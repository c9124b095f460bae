package dev.antigravity.lambdas.adapters.aws;

import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.port.FreezeSwitch;
import java.util.Optional;

/** No FREEZE_PARAMETER: never frozen, and a request to freeze says so instead of pretending it worked. */
public final class UnconfiguredFreezeSwitch implements FreezeSwitch {
    @Override
    public Optional<String> frozen() {
        return Optional.empty();
    }

    @Override
    public void freeze() {
        throw new ConfigurationException("FREEZE_PARAMETER is not set: there is no freeze switch to turn on");
    }

    @Override
    public boolean lift() {
        return false;
    }
}
