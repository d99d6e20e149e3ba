package io.shepherd.runtime.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.testkit.SeededRuns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RootTableTest {

    @Test
    void when_roots_come_and_go_at_random_then_the_table_agrees_with_a_hash_map() {
        SeededRuns.of("root table against a hash map", 200, 5_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            RootTable table = new RootTable(1 + random.nextInt(8));
            Map<Long, Integer> model = new HashMap<>();
            List<Long> live = new ArrayList<>();
            // Few distinct high bits make long probe runs that wrap, which is where backward shift goes wrong.
            long highBits = random.nextBoolean() ? 0 : random.nextLong();
            for (int step = 0; step < 2_000; step++) {
                if (live.isEmpty() || random.nextInt(100) < 55) {
                    long root = (highBits ^ random.nextLong(1, 1L << 20)) | 1;
                    if (model.containsKey(root)) {
                        continue;
                    }
                    int handle = table.add(root);
                    assertThat(model.containsValue(handle)).as("handle %d handed out twice", handle).isFalse();
                    model.put(root, handle);
                    live.add(root);
                } else {
                    long root = live.remove(random.nextInt(live.size()));
                    table.remove(model.remove(root));
                }
                long probe = live.isEmpty() || random.nextBoolean()
                        ? random.nextLong() | 1 : live.get(random.nextInt(live.size()));
                assertThat(table.find(probe)).isEqualTo(model.getOrDefault(probe, RootTable.NONE));
            }
            assertThat(table.size()).isEqualTo(model.size());
            for (Map.Entry<Long, Integer> entry : model.entrySet()) {
                assertThat(table.find(entry.getKey())).isEqualTo(entry.getValue());
                assertThat(table.rootOf(entry.getValue())).isEqualTo(entry.getKey());
            }
        });
    }

    @Test
    void when_a_handle_is_rebound_then_it_keeps_its_number_under_the_new_root() {
        RootTable table = new RootTable(4);
        int handle = table.add(17);
        table.unbind(handle);
        table.bind(handle, 23);

        assertThat(table.find(17)).isEqualTo(RootTable.NONE);
        assertThat(table.find(23)).isEqualTo(handle);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void when_the_handles_run_out_then_the_table_doubles_and_keeps_every_root() {
        RootTable table = new RootTable(2);
        Set<Integer> handles = new HashSet<>();
        for (long root = 1; root <= 100; root++) {
            handles.add(table.add(root));
        }
        assertThat(table.capacity()).isGreaterThanOrEqualTo(100);
        assertThat(handles).hasSize(100).allMatch(handle -> handle >= 0 && handle < table.capacity());
        for (long root = 1; root <= 100; root++) {
            assertThat(table.rootOf(table.find(root))).isEqualTo(root);
        }
    }

    @Test
    void when_root_zero_is_bound_then_it_is_refused_and_never_found() {
        RootTable table = new RootTable(4);
        assertThat(table.find(0)).isEqualTo(RootTable.NONE);
        assertThatThrownBy(() -> table.add(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }
}
