package dev.antigravity.lambdas.app;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.control.ControlRequest;
import dev.antigravity.lambdas.domain.port.FreezeSwitch;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a person asks from Slack or the CLI, through the very use cases the automation uses: a rollback is
 * {@link RollBack#start} with a human cause (idempotent: a second click finds ROLLING_BACK and does nothing), a
 * promotion is {@link PromoteNow}, a freeze sets the freeze switch {@link AcceptImage} reads, a resume lifts the
 * suspension {@link RollBack} set and the freeze. Permissions are checked by the caller (who knows the identity).
 */
public final class OperatorControls {
    public static final String HANDLER = "OperatorControls";

    private final ManagedServices services;
    private final LedgerPort ledger;
    private final RollBack rollBack;
    private final PromoteNow promoteNow;
    private final FreezeSwitch freeze;

    public OperatorControls(
            ManagedServices services,
            LedgerPort ledger,
            RollBack rollBack,
            PromoteNow promoteNow,
            FreezeSwitch freeze) {
        this.services = services;
        this.ledger = ledger;
        this.rollBack = rollBack;
        this.promoteNow = promoteNow;
        this.freeze = freeze;
    }

    public Outcome act(ControlRequest request) {
        String service = request.service().key();
        Optional<ManagedService> managed = services.find(request.service());
        if (managed.isEmpty()) {
            return Outcome.of(
                            HANDLER, request.causeId(), Outcome.Result.REJECTED, service + " is not a managed service")
                    .about(service, request.deploymentId(), null);
        }
        return switch (request.action()) {
            case ROLLBACK ->
                deployment(request)
                        .map(d -> rollBack.start(
                                HANDLER, request.causeId(), d, DeploymentEvent.MANUAL_ROLLBACK, request.why(), null))
                        .orElseGet(() -> nothingInFlight(request));
            case PROMOTE ->
                deployment(request)
                        .map(d -> promoteNow.promote(HANDLER, request.causeId(), managed.get(), d, request.why()))
                        .orElseGet(() -> nothingInFlight(request));
            case FREEZE -> {
                boolean already = freeze.frozen().isPresent();
                if (!already) {
                    freeze.freeze();
                }
                yield Outcome.of(
                                HANDLER,
                                request.causeId(),
                                already ? Outcome.Result.IGNORED : Outcome.Result.APPLIED,
                                already ? "deployments were already frozen" : "deployments frozen: " + request.why())
                        .about(service, null, null)
                        .withActions(already ? List.of() : List.of("freeze switch on"));
            }
            case RESUME -> resume(request);
        };
    }

    private Outcome resume(ControlRequest request) {
        List<String> actions = new ArrayList<>();
        if (ledger.resume(request.service())) {
            actions.add("automation suspension lifted");
        }
        if (freeze.lift()) {
            actions.add("freeze switch off");
        }
        return Outcome.of(
                        HANDLER,
                        request.causeId(),
                        actions.isEmpty() ? Outcome.Result.IGNORED : Outcome.Result.APPLIED,
                        actions.isEmpty()
                                ? "automation was neither suspended nor frozen"
                                : String.join(", ", actions) + ": " + request.why())
                .about(request.service().key(), null, null)
                .withActions(actions);
    }

    /** The deployment the request names, else the one in flight (the service's head, read consistently). */
    private Optional<Deployment> deployment(ControlRequest request) {
        if (request.deploymentId() != null) {
            return ledger.find(request.service(), request.deploymentId());
        }
        return ledger.head(request.service())
                .flatMap(ServiceHead::revision)
                .flatMap(revision -> ledger.find(request.service(), Deployment.idOf(revision)))
                .filter(d -> d.state().isGuarded() || d.state() == DeploymentState.ROLLING_BACK);
    }

    private static Outcome nothingInFlight(ControlRequest request) {
        return Outcome.of(
                        HANDLER,
                        request.causeId(),
                        Outcome.Result.IGNORED,
                        request.deploymentId() == null
                                ? "no deployment in flight for " + request.service()
                                : "no deployment " + request.deploymentId() + " of " + request.service())
                .about(request.service().key(), request.deploymentId(), null);
    }
}
