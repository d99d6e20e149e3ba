package io.shepherd.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FlatMapFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoVerifierTest {
    private static final DemoSpec SPEC = DemoSpec.of(2_000, 40, 2, 99);

    @Test
    void when_every_leg_is_applied_once_then_the_run_verifies() {
        try (LegLedger ledger = open(SPEC)) {
            LedgerFeeds.feed(SPEC, ledger, id -> false, id -> false);

            Verification v = DemoVerifier.verify(SPEC, ledger);

            assertThat(v.legsExpected()).isEqualTo(4_000);
            assertThat(v.legsApplied()).isEqualTo(4_000);
            assertThat(v.lost()).isZero();
            assertThat(v.duplicated()).isZero();
            assertThat(v.balanceMismatches()).isZero();
            assertThat(v.moneyDrift()).isZero();
            assertThat(v.satisfies(Guarantee.EXACTLY_ONCE)).isTrue();
        }
    }

    @Test
    void when_a_leg_is_lost_then_it_is_named_and_exactly_once_fails() {
        long lostLeg = Leg.id(1234, Leg.CREDIT);
        try (LegLedger ledger = open(SPEC)) {
            LedgerFeeds.feed(SPEC, ledger, id -> id == lostLeg, id -> false);

            Verification v = DemoVerifier.verify(SPEC, ledger);

            assertThat(v.lost()).isEqualTo(1);
            assertThat(v.lostLegs()).containsExactly("tx 1234 credit");
            assertThat(v.duplicated()).isZero();
            assertThat(v.legsApplied()).isEqualTo(3_999);
            Transfer transfer = TransferGenerator.transfer(SPEC.seed(), SPEC.accounts(), 1234);
            assertThat(v.moneyDrift()).isEqualTo(-transfer.amount());
            assertThat(v.mismatchedBalances()).containsExactly(mismatch(ledger, transfer.to(), -transfer.amount()));
            assertThat(v.satisfies(Guarantee.EXACTLY_ONCE)).isFalse();
            assertThat(v.satisfies(Guarantee.AT_LEAST_ONCE)).isFalse();
            assertThat(v.satisfies(Guarantee.AT_MOST_ONCE)).isTrue();
        }
    }

    @Test
    void when_a_leg_is_applied_twice_then_it_is_named_and_only_at_least_once_holds() {
        long doubledLeg = Leg.id(17, Leg.DEBIT);
        try (LegLedger ledger = open(SPEC)) {
            LedgerFeeds.feed(SPEC, ledger, id -> false, id -> id == doubledLeg);

            Verification v = DemoVerifier.verify(SPEC, ledger);

            assertThat(v.duplicated()).isEqualTo(1);
            assertThat(v.duplicatedLegs()).containsExactly("tx 17 debit");
            assertThat(v.lost()).isZero();
            assertThat(v.legsApplied()).isEqualTo(4_001);
            Transfer transfer = TransferGenerator.transfer(SPEC.seed(), SPEC.accounts(), 17);
            assertThat(v.moneyDrift()).isEqualTo(-transfer.amount());
            assertThat(v.balanceMismatches()).isEqualTo(1);
            assertThat(v.satisfies(Guarantee.EXACTLY_ONCE)).isFalse();
            assertThat(v.satisfies(Guarantee.AT_LEAST_ONCE)).isTrue();
            assertThat(v.satisfies(Guarantee.AT_MOST_ONCE)).isFalse();
        }
    }

    @Test
    void when_a_whole_transfer_is_doubled_then_money_is_conserved_but_the_balances_are_wrong() {
        try (LegLedger ledger = open(SPEC)) {
            LedgerFeeds.feed(SPEC, ledger, id -> false, id -> id / 2 == 500);

            Verification v = DemoVerifier.verify(SPEC, ledger);

            assertThat(v.duplicated()).isEqualTo(2);
            assertThat(v.duplicatedLegs()).containsExactly("tx 500 debit", "tx 500 credit");
            assertThat(v.moneyDrift()).isZero();
            assertThat(v.balanceMismatches()).isEqualTo(2);
            assertThat(v.satisfies(Guarantee.EXACTLY_ONCE)).isFalse();
        }
    }

    @Test
    void when_the_sink_sees_a_leg_of_no_transfer_then_no_guarantee_holds() {
        try (LegLedger ledger = open(SPEC)) {
            LedgerFeeds.feed(SPEC, ledger, id -> false, id -> false);
            ledger.record(new AppliedLeg(SPEC.legsExpected(), 0, SPEC.openingBalance()));

            Verification v = DemoVerifier.verify(SPEC, ledger);

            assertThat(v.unexpected()).isEqualTo(1);
            assertThat(v.satisfies(Guarantee.EXACTLY_ONCE)).isFalse();
            assertThat(v.satisfies(Guarantee.AT_LEAST_ONCE)).isFalse();
            assertThat(v.satisfies(Guarantee.AT_MOST_ONCE)).isFalse();
        }
    }

    @Test
    void when_many_legs_are_lost_then_all_are_counted_and_the_first_are_named() {
        try (LegLedger ledger = open(SPEC)) {
            LedgerFeeds.feed(SPEC, ledger, id -> id % 100 == 3, id -> false);

            Verification v = DemoVerifier.verify(SPEC, ledger);

            assertThat(v.lost()).isEqualTo(40);
            assertThat(v.lostLegs()).hasSize(Verification.EXAMPLES).startsWith("tx 1 credit", "tx 51 credit");
        }
    }

    /** The engine really runs the demo's pipeline, with one stage that drops a leg and doubles another. */
    @Test
    void when_a_real_run_loses_and_doubles_legs_then_the_verifier_names_them() throws Exception {
        DemoSpec spec = DemoSpec.of(3_000, 25, 2, 5);
        try (LegLedger ledger = open(spec); FailureInjector none = FailureInjector.open(List.of())) {
            StreamEnvironment env = StreamEnvironment.create().setParallelism(spec.parallelism());
            env.fromSource(new TransferSource(spec.seed(), spec.accounts(), spec.transfers(), none.id()), "transfers")
                    .flatMap(new SplitIntoLegs(none.id()))
                    .flatMap(new Tamper(Leg.id(100, Leg.DEBIT), Leg.id(2_500, Leg.CREDIT)))
                    .keyBy(Leg::account)
                    .process(new BalanceFunction(spec.openingBalance(), none.id()))
                    .sink(new AppliedLegsSink(ledger.id(), none.id()));
            env.execute("tampered-bank-transfers");

            Verification v = DemoVerifier.verify(spec, ledger);

            assertThat(v.lostLegs()).containsExactly("tx 100 debit");
            assertThat(v.duplicatedLegs()).containsExactly("tx 2500 credit");
            assertThat(v.legsApplied()).isEqualTo(spec.legsExpected());
            assertThat(v.balanceMismatches()).isEqualTo(2);
            assertThat(v.satisfies(Guarantee.EXACTLY_ONCE)).isFalse();
        }
    }

    /** Drops one leg and emits another twice. */
    private record Tamper(long drop, long twice) implements FlatMapFunction<Leg, Leg> {
        @Override
        public void flatMap(Leg leg, Collector<Leg> out) {
            if (leg.id() != drop) {
                out.collect(leg);
            }
            if (leg.id() == twice) {
                out.collect(leg);
            }
        }
    }

    private static LegLedger open(DemoSpec spec) {
        return LegLedger.open(spec.transfers(), spec.accounts(), spec.openingBalance());
    }

    private static String mismatch(LegLedger ledger, int account, long missing) {
        long actual = ledger.finalBalance(account);
        return "account " + account + ": " + actual + ", expected " + (actual - missing);
    }
}
