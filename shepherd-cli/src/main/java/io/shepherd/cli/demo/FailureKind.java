package io.shepherd.cli.demo;

/** How an injected failure strikes a record. */
public enum FailureKind implements Labeled {
    /** The operator throws on the record. */
    THROW("exception"),
    /**
     * The record vanishes in flight: the operator takes it and neither processes nor acknowledges it. Only ack
     * mode notices such a loss (its tree times out); barrier checkpoints do not track single records.
     */
    DROP("dropped record");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
