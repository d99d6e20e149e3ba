package io.shepherd.runtime.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {

    @Test
    void when_keys_are_mapped_then_groups_are_in_range_and_stable() {
        for (int maxParallelism : new int[] {1, 7, 128, 32_768}) {
            for (long key = -1_000; key < 1_000; key++) {
                int group = KeyGroups.keyGroupOf(key, maxParallelism);
                assertThat(group).isBetween(0, maxParallelism - 1);
                // Equal keys that are different objects land in the same group: only hashCode counts.
                assertThat(KeyGroups.keyGroupOf(Long.valueOf(key), maxParallelism)).isEqualTo(group);
            }
        }
        assertThat(KeyGroups.keyGroupOf("word", 128)).isEqualTo(KeyGroups.keyGroupOf(new String("word"), 128));
    }

    @Test
    void when_small_integer_keys_are_grouped_then_they_spread_over_most_groups() {
        Set<Integer> groups = new HashSet<>();
        for (int key = 0; key < 1_000; key++) {
            groups.add(KeyGroups.keyGroupOf(key, 128));
        }
        // 1000 keys into 128 groups leave a group empty with probability ~ 128 * e^-7.8: effectively never.
        assertThat(groups).hasSize(128);
    }

    @Test
    void when_groups_are_assigned_then_each_subtask_owns_one_contiguous_nonempty_range() {
        for (int maxParallelism : new int[] {4, 5, 128, 1000}) {
            for (int parallelism = 1; parallelism <= Math.min(maxParallelism, 9); parallelism++) {
                int previous = 0;
                int[] owned = new int[parallelism];
                for (int group = 0; group < maxParallelism; group++) {
                    int subtask = KeyGroups.subtaskOf(group, maxParallelism, parallelism);
                    assertThat(subtask).as("group %d", group).isBetween(previous, parallelism - 1);
                    previous = subtask;
                    owned[subtask]++;
                }
                for (int subtask = 0; subtask < parallelism; subtask++) {
                    assertThat(owned[subtask])
                            .as("groups of subtask %d of %d (max %d)", subtask, parallelism, maxParallelism)
                            .isBetween(maxParallelism / parallelism, maxParallelism / parallelism + 1);
                }
            }
        }
    }

    @Test
    void when_a_key_is_routed_then_its_subtask_is_the_owner_of_its_group() {
        for (long key = 0; key < 500; key++) {
            int group = KeyGroups.keyGroupOf(key, 128);
            assertThat(KeyGroups.subtaskOfKey(key, 128, 3)).isEqualTo(KeyGroups.subtaskOf(group, 128, 3));
        }
    }
}
