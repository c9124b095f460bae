package dev.antigravity.lambdas.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs handler invocations on worker threads with exactly one thread runnable at a time: the driver (the thread
 * that built it) hands the baton to one invocation, which runs until it yields at a port call or ends, and hands
 * the baton back. So the interleaving is whatever the driver chose, and a seed replays it exactly. Workers are
 * virtual threads, reused from one schedule to the next (a hand-off between them costs a few microseconds).
 */
final class Interleaver implements AutoCloseable {
    private static final Object DRIVER = new Object();

    /** What the invocation did with the baton. */
    record Step(Invocation invocation, boolean finished, Throwable failure) {}

    private final Thread driver = Thread.currentThread();
    private final List<Worker> idle = new ArrayList<>();
    private final List<Worker> all = new ArrayList<>();
    private volatile Object turn = DRIVER;
    private volatile boolean closed;
    private Invocation current;
    private Step last;

    private final class Worker implements Runnable {
        private final Thread thread;
        private Invocation task;

        Worker() {
            this.thread =
                    Thread.ofVirtual().name("simulated-lambda-" + all.size()).unstarted(this);
        }

        @Override
        public void run() {
            awaitTurn(this);
            while (!closed) {
                Invocation invocation = task;
                Throwable failure = null;
                try {
                    invocation.body.run();
                } catch (Throwable t) {
                    failure = t;
                }
                task = null;
                last = new Step(invocation, true, failure);
                idle.add(this);
                handTo(DRIVER, driver, this);
            }
        }
    }

    /** The invocation holding the baton, or null while the driver acts (the world, people, ECS itself). */
    Invocation current() {
        return current;
    }

    /** Starts {@code invocation} on a free worker and runs it until it yields or ends. */
    Step start(Invocation invocation) {
        Worker worker;
        if (idle.isEmpty()) {
            worker = new Worker();
            all.add(worker);
            worker.task = invocation;
            invocation.worker = worker;
            current = invocation;
            turn = worker;
            worker.thread.start();
            awaitTurn(DRIVER);
        } else {
            worker = idle.removeLast();
            worker.task = invocation;
            invocation.worker = worker;
            current = invocation;
            handTo(worker, worker.thread, DRIVER);
        }
        current = null;
        return last;
    }

    /** Lets a yielded invocation run again until it yields or ends. */
    Step resume(Invocation invocation) {
        Worker worker = (Worker) invocation.worker;
        current = invocation;
        handTo(worker, worker.thread, DRIVER);
        current = null;
        return last;
    }

    /** Called on the invocation's own thread at a port call: hands the baton to the driver and waits for it back. */
    void yieldToDriver() {
        Worker self = (Worker) current.worker;
        last = new Step(current, false, null);
        handTo(DRIVER, driver, self);
    }

    private void handTo(Object next, Thread nextThread, Object self) {
        turn = next;
        LockSupport.unpark(nextThread);
        awaitTurn(self);
    }

    private void awaitTurn(Object self) {
        while (turn != self) {
            LockSupport.park(this);
        }
    }

    /** Ends the workers; call once no invocation is in flight. */
    @Override
    public void close() {
        closed = true;
        for (Worker worker : all) {
            turn = worker;
            LockSupport.unpark(worker.thread);
            try {
                worker.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
