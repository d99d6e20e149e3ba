package io.shepherd.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransferSourceTest {
    private final FailureInjector noFailures = FailureInjector.open(List.of());

    @AfterEach
    void closeInjector() {
        noFailures.close();
    }

    @Test
    void when_generated_twice_with_one_seed_then_the_transfers_are_equal() {
        for (long txId = 0; txId < 10_000; txId++) {
            assertThat(TransferGenerator.transfer(42, 1000, txId)).isEqualTo(TransferGenerator.transfer(42, 1000, txId));
        }
    }

    @Test
    void when_seeds_differ_then_the_transfers_differ() {
        int same = 0;
        for (long txId = 0; txId < 1_000; txId++) {
            if (TransferGenerator.transfer(1, 1000, txId).equals(TransferGenerator.transfer(2, 1000, txId))) {
                same++;
            }
        }
        assertThat(same).isLessThan(5);
    }

    @Test
    void when_generated_then_accounts_differ_are_in_range_and_amounts_are_positive() {
        for (int accounts : new int[] {2, 3, 10, 10_000}) {
            Set<Integer> fromSeen = new HashSet<>();
            Set<Integer> toSeen = new HashSet<>();
            for (long txId = 0; txId < 20_000; txId++) {
                Transfer t = TransferGenerator.transfer(7, accounts, txId);
                assertThat(t.txId()).isEqualTo(txId);
                assertThat(t.from()).isBetween(0, accounts - 1).isNotEqualTo(t.to());
                assertThat(t.to()).isBetween(0, accounts - 1);
                assertThat(t.amount()).isBetween(1L, TransferGenerator.MAX_AMOUNT);
                fromSeen.add(t.from());
                toSeen.add(t.to());
            }
            if (accounts <= 10) {
                assertThat(fromSeen).as("every account debited").hasSize(accounts);
                assertThat(toSeen).as("every account credited").hasSize(accounts);
            }
        }
    }

    @Test
    void when_read_by_three_subtasks_then_each_transfer_is_read_exactly_once() throws Exception {
        TransferSource source = new TransferSource(3, 100, 1_001, noFailures.id());
        List<Long> read = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            SourceReader<Transfer> reader = source.createReader(new SourceContext(subtask, 3));
            drain(reader, Integer.MAX_VALUE).forEach(t -> read.add(t.txId()));
        }
        assertThat(read).hasSize(1_001).doesNotHaveDuplicates();
        assertThat(read).allSatisfy(txId -> assertThat(txId).isBetween(0L, 1_000L));
    }

    @Test
    void when_a_reader_is_restored_from_its_snapshot_then_it_replays_from_there() throws Exception {
        TransferSource source = new TransferSource(3, 100, 500, noFailures.id());
        SourceContext context = new SourceContext(1, 2);
        SourceReader<Transfer> first = source.createReader(context);
        List<Transfer> beforeSnapshot = drain(first, 40);
        first.snapshotState(1);
        List<Transfer> lostWithTheCrash = drain(first, 25);

        SourceReader<Transfer> restored = source.createReader(context);
        List<Transfer> afterRestore = drain(restored, Integer.MAX_VALUE);

        assertThat(beforeSnapshot).last().extracting(Transfer::txId).isEqualTo(79L);
        assertThat(afterRestore).startsWith(lostWithTheCrash.toArray(Transfer[]::new));
        assertThat(beforeSnapshot.size() + afterRestore.size()).isEqualTo(250);
    }

    @Test
    void when_there_is_one_account_then_the_source_refuses() {
        assertThatThrownBy(() -> new TransferSource(1, 1, 10, noFailures.id())).hasMessageContaining("two accounts");
    }

    private static List<Transfer> drain(SourceReader<Transfer> reader, int max) throws Exception {
        List<Transfer> out = new ArrayList<>();
        SourceOutput<Transfer> output = new SourceOutput<>() {
            @Override
            public void collect(Transfer record) {
                out.add(record);
            }

            @Override
            public void collect(Transfer record, long timestamp) {
                out.add(record);
            }
        };
        InputStatus status = InputStatus.MORE_AVAILABLE;
        while (out.size() < max && status != InputStatus.END_OF_INPUT) {
            status = reader.pollNext(output);
        }
        return out;
    }
}
