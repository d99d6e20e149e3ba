package io.shepherd.cli.demo;

/**
 * The delivery guarantee a demo run promises, and so what its verification demands (see the
 * design's "Delivery guarantees"): exactly-once allows neither loss nor doubles and needs every
 * balance right; at-least-once allows doubles; at-most-once allows losses.
 */
public enum Guarantee implements Labeled {
    AT_MOST_ONCE("at-most-once"),
    AT_LEAST_ONCE("at-least-once"),
    EXACTLY_ONCE("exactly-once");

    private final String label;

    Guarantee(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether output that keeps this guarantee also keeps {@code promised}: exactly-once keeps them all. */
    public boolean keeps(Guarantee promised) {
        return this == EXACTLY_ONCE || this == promised;
    }
}
