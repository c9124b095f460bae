package dev.antigravity.lambdas.app.notify;

import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.ChannelSender;
import dev.antigravity.lambdas.domain.notification.DeliveryFailedException;
import dev.antigravity.lambdas.domain.notification.DeliveryLog;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import dev.antigravity.lambdas.domain.notification.DispatchPlanner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fans one platform event out to its channels, each at most once per event id.
 *
 * <p>Every channel is attempted even when an earlier one fails, so a Slack outage does not keep PagerDuty quiet.
 * A channel is marked delivered only after it took the message; when any channel failed the use case throws
 * {@link NotificationFailedException} after the others are done, so Lambda retries the event (and finally parks it
 * in the on-failure destination) and the retry posts only to the channels still owed.
 */
public final class NotifyPlatformEvent {
    private final DispatchPlanner planner;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final DeliveryLog deliveryLog;

    public NotifyPlatformEvent(DispatchPlanner planner, List<ChannelSender> senders, DeliveryLog deliveryLog) {
        this.planner = planner;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.deliveryLog = deliveryLog;
    }

    /**
     * @param leaseUntil when this invocation must have ended (Lambda's deadline): a claim this invocation cannot
     *                   release because it died stays locked until then, and no longer
     */
    public Outcome notify(PlatformEvent event, Instant leaseUntil) {
        DispatchPlanner.Plan plan = planner.plan(event);
        List<String> delivered = new ArrayList<>();
        List<String> skipped = new ArrayList<>(plan.skipped());
        List<DeliveryFailedException> failures = new ArrayList<>();
        for (Dispatch dispatch : plan.dispatches()) {
            Channel channel = dispatch.channel();
            ChannelSender sender = senders.get(channel);
            if (sender == null) {
                skipped.add(channel + ": not configured");
                continue;
            }
            DeliveryLog.Claim claim = deliveryLog.claim(event.eventId(), channel, leaseUntil);
            switch (claim.state()) {
                case ALREADY_DELIVERED -> skipped.add(channel + ": already delivered (duplicate event)");
                case HELD_ELSEWHERE ->
                    failures.add(new DeliveryFailedException(
                            channel,
                            false,
                            "another invocation is delivering this event right now; retry later",
                            null));
                case CLAIMED -> {
                    try {
                        sender.send(dispatch);
                    } catch (DeliveryFailedException e) {
                        deliveryLog.release(event.eventId(), channel, claim.token());
                        failures.add(e);
                        continue;
                    }
                    deliveryLog.markDelivered(event.eventId(), channel, claim.token());
                    delivered.add(channel.name());
                }
            }
        }
        Outcome outcome = new Outcome(
                List.copyOf(delivered),
                List.copyOf(skipped),
                failures.stream().map(Throwable::getMessage).toList());
        if (!failures.isEmpty()) {
            throw new NotificationFailedException(outcome, failures);
        }
        return outcome;
    }

    /** What happened per channel, for the log line. */
    public record Outcome(List<String> delivered, List<String> skipped, List<String> failed) {}
}
