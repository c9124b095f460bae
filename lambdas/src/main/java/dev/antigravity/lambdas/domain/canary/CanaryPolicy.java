package dev.antigravity.lambdas.domain.canary;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the lifecycle hook collects before it judges, how long it may keep ECS waiting, and what too little
 * traffic means at that bound.
 *
 * @param window           minutes collected before the first judgement
 * @param bound            the longest the hook keeps collecting when the verdict is MARGINAL or TOO_LITTLE_DATA; at the
 *                         bound MARGINAL fails (as Kayenta's last interval does) and too little traffic is
 *                         {@code onTooLittleTraffic}
 * @param callBackDelay    how long ECS waits between two calls while the hook collects
 * @param metricsLag       how far behind CloudWatch's per-minute ALB metrics may be: the newest minutes are left out
 */
public record CanaryPolicy(
        CanaryCriteria criteria,
        Duration window,
        Duration bound,
        TooLittleTraffic onTooLittleTraffic,
        Duration callBackDelay,
        Duration metricsLag) {
    /** What the hook answers when, at the bound, there was still too little traffic to judge. */
    public enum TooLittleTraffic {
        PASS,
        FAIL
    }

    public CanaryPolicy {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(onTooLittleTraffic, "onTooLittleTraffic");
        if (window.toMinutes() < 1
                || bound.compareTo(window) < 0
                || callBackDelay.isNegative()
                || callBackDelay.toSeconds() > 3600
                || metricsLag.isNegative()) {
            throw new IllegalArgumentException("need a window of a minute or more, a bound no shorter than the window,"
                    + " a call-back delay of 0-3600 s and a non-negative lag");
        }
    }

    /** 10 minutes of evidence, up to 30 waiting for enough, failing on too little traffic; asked every minute. */
    public static CanaryPolicy standard() {
        return new CanaryPolicy(
                CanaryCriteria.standard(),
                Duration.ofMinutes(10),
                Duration.ofMinutes(30),
                TooLittleTraffic.FAIL,
                Duration.ofSeconds(60),
                Duration.ofMinutes(1));
    }
}
