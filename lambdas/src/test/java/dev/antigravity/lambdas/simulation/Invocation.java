package dev.antigravity.lambdas.simulation;

/**
 * One Lambda invocation in flight: a handler running one delivery (or one stabilizer tick) on a worker thread.
 *
 * @param id names it in the trace and in the UpdateService log
 */
final class Invocation {
    final String id;
    final EventBus.Delivery delivery;
    final Runnable body;
    /** ECS's count of outside changes (human, Terraform, ECS itself) when this invocation last read DescribeServices. */
    long outsideChangesAtLastDescribe = -1;
    /** Killed at a port call (a Lambda timeout or crash): every later port call fails too, finally blocks included. */
    boolean killed;

    int portCalls;
    /** The worker thread running it (the interleaver's token). */
    Object worker;

    /** When Lambda started it: past the function's timeout it is killed. */
    final java.time.Instant startedAt;

    Invocation(String id, EventBus.Delivery delivery, Runnable body, java.time.Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
        this.delivery = delivery;
        this.body = body;
    }

    @Override
    public String toString() {
        return id;
    }
}
