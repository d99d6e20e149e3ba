package io.shepherd.cli.demo;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;

/**
 * Keeps each account's running balance in keyed state and applies legs to it. Every account
 * starts at the same opening balance; each applied leg is emitted with the balance it left, so
 * the sink sees both what was applied and the state it produced. Before each leg it lets the run's
 * {@link FailureInjector} fail it, or (in ack mode) make it vanish.
 */
public final class BalanceFunction extends KeyedProcessFunction<Integer, Leg, AppliedLeg> {
    private final long openingBalance;
    private final String injectorId;
    private transient ValueState<Long> balance;
    private transient FailureInjector failures;

    /** @param injectorId the run's {@link FailureInjector} */
    public BalanceFunction(long openingBalance, String injectorId) {
        this.openingBalance = openingBalance;
        this.injectorId = injectorId;
    }

    @Override
    public void open(FunctionContext context) {
        balance = context.getState(new ValueStateDescriptor<>("balance", Long.class));
        failures = FailureInjector.lookup(injectorId);
    }

    @Override
    public void processElement(Leg leg, Context<Integer> context, Collector<AppliedLeg> out) {
        failures.check(FailureSite.BALANCES, leg.txId());
        if (failures.drops(FailureSite.BALANCES, leg.txId())) {
            // Held and never released: the leg's tree times out and the source emits its transfer again.
            context.anchoring().hold();
            return;
        }
        Long current = balance.value();
        long after = (current == null ? openingBalance : current) + leg.delta();
        balance.update(after);
        out.collect(new AppliedLeg(leg.id(), leg.account(), after));
    }
}
