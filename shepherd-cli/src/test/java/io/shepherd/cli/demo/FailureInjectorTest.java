package io.shepherd.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FailureInjectorTest {
    private static final List<FailureMode> ACKING = RecoveryMechanism.ACKING.failureModes();

    @Test
    void when_a_failure_is_due_then_it_fires_once_at_its_site_from_its_transfer_on() {
        try (FailureInjector injector = FailureInjector.open(List.of(new FailurePoint(1, FailureSite.SINK, FailureKind.THROW, 100)))) {
            assertThatCode(() -> injector.check(FailureSite.SINK, 99)).doesNotThrowAnyException();
            assertThatCode(() -> injector.check(FailureSite.SOURCE, 500)).doesNotThrowAnyException();
            assertThatCode(() -> injector.check(FailureSite.BALANCES, 500)).doesNotThrowAnyException();

            assertThatThrownBy(() -> injector.check(FailureSite.SINK, 120))
                    .isInstanceOf(InjectedFailure.class)
                    .hasMessage("injected failure 1 of 1 in applied-legs at tx 120");
            assertThatCode(() -> injector.check(FailureSite.SINK, 120)).doesNotThrowAnyException();
            assertThat(injector.injections())
                    .containsExactly(new FailureInjector.Injection(new FailurePoint(1, FailureSite.SINK, FailureKind.THROW, 100), 120));
        }
    }

    @Test
    void when_the_previous_failure_is_not_recovered_from_yet_then_the_next_one_waits() {
        List<FailurePoint> plan = List.of(
                new FailurePoint(1, FailureSite.BALANCES, FailureKind.THROW, 0), new FailurePoint(2, FailureSite.BALANCES, FailureKind.THROW, 0));
        AtomicInteger recoveries = new AtomicInteger();
        try (FailureInjector injector = FailureInjector.open(plan)) {
            injector.follow(recoveries::get);

            assertThatThrownBy(() -> injector.check(FailureSite.BALANCES, 5)).hasMessageContaining("failure 1 of 2");
            // The failed attempt is still winding down: its records must not fail it a second time.
            assertThatCode(() -> injector.check(FailureSite.BALANCES, 6)).doesNotThrowAnyException();
            recoveries.set(1);
            assertThatThrownBy(() -> injector.check(FailureSite.BALANCES, 3)).hasMessageContaining("failure 2 of 2");
            assertThat(injector.injections()).extracting(FailureInjector.Injection::txId).containsExactly(5L, 3L);
        }
    }

    @Test
    void when_nothing_is_planned_then_nothing_fires() {
        try (FailureInjector injector = FailureInjector.open(List.of())) {
            for (FailureSite site : FailureSite.values()) {
                assertThatCode(() -> injector.check(site, 0)).doesNotThrowAnyException();
            }
            assertThat(injector.planned()).isZero();
            assertThat(injector.injections()).isEmpty();
        }
    }

    @Test
    void when_an_injector_is_closed_then_tasks_cannot_find_it() {
        FailureInjector injector = FailureInjector.open(List.of());
        assertThat(FailureInjector.lookup(injector.id())).isSameAs(injector);
        injector.close();

        assertThatThrownBy(() -> FailureInjector.lookup(injector.id()))
                .hasMessageContaining("no open failure injector '" + injector.id() + "'");
    }

    @Test
    void when_drawn_from_a_seed_then_the_plan_is_numbered_in_input_order_within_its_share_of_the_input() {
        List<FailurePoint> plan = FailurePoint.draw(7, 20, 1_000_000, ACKING);

        assertThat(plan).isEqualTo(FailurePoint.draw(7, 20, 1_000_000, ACKING));
        assertThat(plan).isNotEqualTo(FailurePoint.draw(8, 20, 1_000_000, ACKING));
        assertThat(plan).extracting(FailurePoint::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(plan).extracting(FailurePoint::fromTx).isSorted()
                .allSatisfy(tx -> assertThat(tx).isBetween(0L, 599_999L));
        Set<FailureMode> modes = new HashSet<>();
        plan.forEach(point -> modes.add(new FailureMode(point.site(), point.kind())));
        assertThat(modes).as("20 draws reach every mode").containsExactlyInAnyOrderElementsOf(ACKING);
    }

    @Test
    void when_checkpoints_recover_then_failures_are_exceptions_in_the_source_the_balances_and_the_sink() {
        assertThat(FailurePoint.draw(7, 30, 1_000_000, RecoveryMechanism.CHECKPOINTS.failureModes()))
                .extracting(FailurePoint::site, FailurePoint::kind)
                .containsOnly(tuple(FailureSite.SOURCE, FailureKind.THROW), tuple(FailureSite.BALANCES, FailureKind.THROW),
                        tuple(FailureSite.SINK, FailureKind.THROW));
        assertThatThrownBy(() -> FailurePoint.draw(7, 1, 1_000, RecoveryMechanism.NONE.failureModes()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_a_drop_is_due_then_only_the_drop_check_takes_it_and_only_once() {
        List<FailurePoint> plan = List.of(new FailurePoint(1, FailureSite.BALANCES, FailureKind.DROP, 10));
        try (FailureInjector injector = FailureInjector.open(plan)) {
            assertThat(injector.drops(FailureSite.BALANCES, 9)).isFalse();
            assertThat(injector.drops(FailureSite.SINK, 10)).isFalse();
            assertThatCode(() -> injector.check(FailureSite.BALANCES, 10)).doesNotThrowAnyException();
            assertThat(injector.drops(FailureSite.BALANCES, 11)).isTrue();
            assertThat(injector.drops(FailureSite.BALANCES, 12)).isFalse();
            assertThat(injector.injections()).containsExactly(new FailureInjector.Injection(plan.get(0), 11));
        }
    }

    @Test
    void when_the_input_is_tiny_then_every_failure_is_drawn_at_its_first_transfer() {
        assertThat(FailurePoint.draw(3, 2, 1, ACKING)).extracting(FailurePoint::fromTx).containsExactly(0L, 0L);
        assertThat(FailurePoint.draw(3, 0, 1_000, ACKING)).isEmpty();
    }
}
