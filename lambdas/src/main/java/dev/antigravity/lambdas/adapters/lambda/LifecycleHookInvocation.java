package dev.antigravity.lambdas.adapters.lambda;

import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleHookResponse;
import dev.antigravity.lambdas.app.lifecycle.AnswerLifecycleHook;
import dev.antigravity.lambdas.app.lifecycle.HookResponses;
import dev.antigravity.lambdas.domain.lifecycle.HookDecision;
import dev.antigravity.lambdas.logging.Log;
import dev.antigravity.lambdas.logging.LogContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One LifecycleHookHandler invocation. Every path ends in a response: an unreadable payload, a misconfigured
 * function or an unexpected error answer FAILED with the reason in hookDetails and the log, because throwing
 * would roll the deployment back just the same, only without saying why. (Transient failures of the checks
 * themselves answer IN_PROGRESS inside the use case; see {@link AnswerLifecycleHook}.)
 */
public final class LifecycleHookInvocation {
    private static final Log LOG = Log.of(LifecycleHookInvocation.class);

    private final AnswerLifecycleHook hook;
    private final EventCodec codec;
    private final String misconfiguration;

    public LifecycleHookInvocation(AnswerLifecycleHook hook, EventCodec codec) {
        this(hook, codec, null);
    }

    private LifecycleHookInvocation(AnswerLifecycleHook hook, EventCodec codec, String misconfiguration) {
        this.hook = hook;
        this.codec = codec;
        this.misconfiguration = misconfiguration;
    }

    /** The wired invocation, or one that answers FAILED with the configuration error when wiring failed. */
    public static LifecycleHookInvocation orMisconfigured(Supplier<LifecycleHookInvocation> wiring) {
        try {
            return wiring.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("lifecycle hook misconfigured; every invocation will answer FAILED", e);
            return new LifecycleHookInvocation(
                    null, new EventCodec(), "lifecycle hook misconfigured: " + e.getMessage());
        }
    }

    public String respond(InputStream input) {
        return codec.encode(answer(input));
    }

    LifecycleHookResponse answer(InputStream input) {
        LifecycleHookPayload payload;
        try {
            payload = codec.decodeLifecycleHook(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.error("unreadable lifecycle hook payload; answering FAILED", e, "handler", "LifecycleHookHandler");
            return HookResponses.failed("unreadable lifecycle hook payload: " + e.getMessage(), null);
        }
        try (LogContext.Scope scope = LogContext.with(
                "handler",
                "LifecycleHookHandler",
                "eventId",
                payload.executionId(),
                "deploymentId",
                deploymentIdOf(payload.resourceArn()),
                "serviceArn",
                payload.serviceArn(),
                "stage",
                payload.stage().map(Enum::name).orElse(null))) {
            if (misconfiguration != null) {
                LOG.error("answering FAILED: " + misconfiguration, null);
                return HookResponses.failed(misconfiguration, payload.lifecycleStage());
            }
            HookDecision decision;
            try {
                decision = hook.answer(payload);
            } catch (RuntimeException | Error e) {
                LOG.error("lifecycle check failed unexpectedly; answering FAILED", e);
                return HookResponses.failed("unexpected error: " + e, payload.lifecycleStage());
            }
            LOG.info(
                    "lifecycle hook answered",
                    "hookStatus",
                    decision.status(),
                    "attempt",
                    decision.attempt(),
                    "callBackDelay",
                    decision.callBackDelaySeconds(),
                    "reason",
                    decision.reason());
            return HookResponses.of(decision, payload.lifecycleStage());
        }
    }

    /** {@code arn:…:service-deployment/cluster/service/ID} → {@code ID}. */
    static String deploymentIdOf(String resourceArn) {
        int slash = resourceArn == null ? -1 : resourceArn.lastIndexOf('/');
        return slash < 0 ? resourceArn : resourceArn.substring(slash + 1);
    }
}
