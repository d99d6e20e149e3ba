package io.shepherd.runtime.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** How many copies of a function were opened and closed. */
public final class LifeCycleCounts {
    public final AtomicInteger opened = new AtomicInteger();
    public final AtomicInteger closed = new AtomicInteger();

    @Override
    public String toString() {
        return "opened " + opened + ", closed " + closed;
    }
}
