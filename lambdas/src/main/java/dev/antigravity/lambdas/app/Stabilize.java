package dev.antigravity.lambdas.app;

import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduled sweep, service by service: promote what baked ({@link PromoteBaked}), bring every record still in
 * flight in line with ECS ({@link ResumeStranded}) and deploy late what ECR has that no event brought
 * ({@link ReconcileRegistry}). A failure with one service — misconfigured, throttled, refused — is reported in the
 * outcome and never keeps the others from being promoted or rolled back.
 */
public final class Stabilize {
    public static final String HANDLER = "StabilizerHandler";

    private final ManagedServices services;
    private final LedgerPort ledger;
    private final PromoteBaked promote;
    private final ResumeStranded stranded;
    private final ReconcileRegistry registry;

    public Stabilize(
            ManagedServices services,
            LedgerPort ledger,
            PromoteBaked promote,
            ResumeStranded stranded,
            ReconcileRegistry registry) {
        this.services = services;
        this.ledger = ledger;
        this.promote = promote;
        this.stranded = stranded;
        this.registry = registry;
    }

    /** @param runId the schedule event's id (names this sweep in outcomes and platform events) */
    public Outcome run(String runId) {
        List<Outcome> parts = new ArrayList<>();
        for (ManagedService service : services.all()) {
            try {
                parts.addAll(sweep(service, runId));
            } catch (ConfigurationException e) {
                parts.add(Outcome.of(HANDLER, runId, Outcome.Result.REJECTED, "misconfiguration: " + e.getMessage())
                        .about(service.ref().key(), null, null));
            } catch (RuntimeException e) {
                // Throttled, refused, or a lock held elsewhere: the next tick retries this service.
                parts.add(Outcome.of(
                                HANDLER,
                                runId,
                                Outcome.Result.REJECTED,
                                "sweep failed, retried next tick: "
                                        + e.getClass().getSimpleName() + ": " + e.getMessage())
                        .about(service.ref().key(), null, null));
            }
        }
        if (parts.isEmpty()) {
            return Outcome.of(HANDLER, runId, Outcome.Result.IGNORED, "nothing to promote, resume or reconcile");
        }
        return Outcome.combine(HANDLER, runId, parts);
    }

    private List<Outcome> sweep(ManagedService service, String runId) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Deployment> history = ledger.history(service.ref(), History.LIMIT);
        outcomes.addAll(promote.sweep(service, history, HANDLER, runId));
        outcomes.addAll(stranded.sweep(service, history, HANDLER, runId));
        registry.reconcile(service, history).ifPresent(outcomes::add);
        return outcomes;
    }
}
