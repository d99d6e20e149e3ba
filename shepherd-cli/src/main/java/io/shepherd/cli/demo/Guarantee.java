package io.shepherd.cli.demo;

/**
 * The delivery guarantee a demo run promises, and so what its verification demands (see the
 * design's "Delivery guarantees"): exactly-once allows neither loss nor doubles and needs every
 * balance right; at-least-once allows doubles; at-most-once allows losses.
 */
public enum Guarantee {
    AT_MOST_ONCE("at-most-once"),
    AT_LEAST_ONCE("at-least-once"),
    EXACTLY_ONCE("exactly-once");

    private final String label;

    Guarantee(String label) {
        this.label = label;
    }

    /** The name used on the command line and in the JSON report. */
    public String label() {
        return label;
    }
}
