package io.shepherd.cli.demo;

/** The exception a demo run throws on purpose inside one of its tasks, to show the job recover. */
public final class InjectedFailure extends RuntimeException {
    InjectedFailure(FailurePoint point, int planned, long txId) {
        super("injected failure " + point.number() + " of " + planned + " in " + point.site().operator()
                + " at tx " + txId, null, false, false);
    }
}
