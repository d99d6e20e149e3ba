package io.shepherd.cli.demo;

/** One way a demo run may fail: where, and how. */
public record FailureMode(FailureSite site, FailureKind kind) {
    static FailureMode thrownIn(FailureSite site) {
        return new FailureMode(site, FailureKind.THROW);
    }

    static FailureMode droppedIn(FailureSite site) {
        return new FailureMode(site, FailureKind.DROP);
    }
}
