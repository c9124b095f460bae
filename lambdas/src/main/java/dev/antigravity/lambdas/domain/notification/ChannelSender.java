package dev.antigravity.lambdas.domain.notification;

/** Port: delivers one dispatch to its channel, or throws {@link DeliveryFailedException} once retries are spent. */
public interface ChannelSender {
    Channel channel();

    void send(Dispatch dispatch);
}
