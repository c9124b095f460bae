package dev.antigravity.lambdas.adapters.aws;

import dev.antigravity.lambdas.domain.port.FreezeSwitch;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The freeze switch is an SSM parameter: value "true" (any case) freezes; absent or anything else does not. */
public final class SsmFreezeSwitch implements FreezeSwitch {
    private final SsmClient ssm;
    private final String parameterName;

    public SsmFreezeSwitch(SsmClient ssm, String parameterName) {
        if (parameterName == null || parameterName.isBlank()) {
            throw new IllegalArgumentException("no freeze parameter name");
        }
        this.ssm = ssm;
        this.parameterName = parameterName;
    }

    @Override
    public Optional<String> frozen() {
        try {
            String value =
                    ssm.getParameter(r -> r.name(parameterName)).parameter().value();
            return "true".equalsIgnoreCase(value == null ? "" : value.trim())
                    ? Optional.of("deployments frozen by SSM parameter " + parameterName)
                    : Optional.empty();
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void freeze() {
        write("true");
    }

    @Override
    public boolean lift() {
        boolean wasFrozen = frozen().isPresent();
        if (wasFrozen) {
            write("false");
        }
        return wasFrozen;
    }

    private void write(String value) {
        ssm.putParameter(r ->
                r.name(parameterName).value(value).type(ParameterType.STRING).overwrite(true));
    }
}
