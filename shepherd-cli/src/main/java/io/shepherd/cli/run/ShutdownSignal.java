package io.shepherd.cli.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action when the process is told to stop (Ctrl-C's SIGINT, SIGTERM) while a command is
 * running, in a shutdown hook. The hook then waits for the command to finish its output (up to
 * {@value #FINISH_WAIT_SECONDS} s) before it lets the process exit. Once the command is done and
 * has closed this, a stop no longer runs the action.
 */
final class ShutdownSignal implements AutoCloseable {
    private static final long FINISH_WAIT_SECONDS = 30;

    private final CountDownLatch commandDone = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownSignal(Runnable action) {
        this.hook = new Thread(() -> {
            action.run();
            try {
                commandDone.await(FINISH_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shepherd-stop");
    }

    static ShutdownSignal onStop(Runnable action) {
        ShutdownSignal signal = new ShutdownSignal(action);
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    @Override
    public void close() {
        commandDone.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running (or ran): it was waiting for exactly this.
        }
    }
}
