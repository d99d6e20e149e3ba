package io.shepherd.cli.demo;

/** Where in the demo's pipeline a failure can be injected: one place in each kind of task. */
public enum FailureSite {
    /** The source reader, before it emits a transfer. */
    SOURCE(BankTransfers.SOURCE),
    /** The function that splits a transfer into legs, in the source's task, before it splits one. */
    SPLIT(BankTransfers.SPLIT),
    /** The keyed balance function, before it applies a leg to its account's state. */
    BALANCES(BankTransfers.BALANCES),
    /** The sink writer, before it writes an applied leg. */
    SINK(BankTransfers.SINK);

    private final String operator;

    FailureSite(String operator) {
        this.operator = operator;
    }

    /** The name of the operator the failure is thrown in. */
    public String operator() {
        return operator;
    }
}
