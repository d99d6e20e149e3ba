package io.shepherd.runtime.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.state.StateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.runtime.checkpoint.CheckpointStorageException;
import io.shepherd.runtime.checkpoint.CheckpointType;
import io.shepherd.runtime.execution.SavepointCheck;
import io.shepherd.runtime.execution.SavepointReport;
import io.shepherd.runtime.execution.SavepointReport.Fit;
import io.shepherd.runtime.execution.SavepointReport.OperatorState;
import io.shepherd.runtime.execution.SavepointReport.Scope;
import io.shepherd.runtime.execution.SavepointReport.StoredState;
import io.shepherd.runtime.partition.KeyGroups;
import io.shepherd.runtime.state.StateSignature;
import io.shepherd.runtime.testing.TransactionalCollectSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dry run of a restore: what it reports when the state fits, and each error when it does not. */
class SavepointCheckTest {
    private static final long RECORDS = 3_000;
    private static final int MAX_PARALLELISM = 128;

    @TempDir
    static Path temp;

    /** Taken at parallelism 2 from the job with a stateless pass-through map without a uid. */
    private static Path savepoint;

    @BeforeAll
    static void takeSavepoint() throws Exception {
        savepoint = new CountJob(RECORDS, temp.resolve("taken"), new TransactionalCollectSink<>()).parallelism(2)
                .withPassThrough().holdAt(RECORDS / 2).stopWithSavepointAfter(RECORDS / 4);
    }

    private static CountJob job() {
        return new CountJob(RECORDS, temp.resolve("unused"), new TransactionalCollectSink<>()).withPassThrough();
    }

    @Test
    void when_the_parallelism_changes_then_keys_go_by_key_group_and_list_elements_round_robin() {
        SavepointReport report = SavepointCheck.check(job().parallelism(3).plan(), savepoint);

        assertThat(report.fits()).as(report.describe()).isTrue();
        assertThat(report.type()).isEqualTo(CheckpointType.SAVEPOINT);
        OperatorState count = report.operator("count");
        assertThat(count.operator()).isEqualTo("'count'");
        assertThat(count.oldParallelism()).isEqualTo(2);
        assertThat(count.newParallelism()).isEqualTo(3);
        assertThat(count.redistribution()).contains("parallelism 2 -> 3")
                .contains("keyed state and timers go to the subtask that owns their key group");
        assertThat(count.states()).containsExactly(new StoredState("count", Scope.KEYED,
                new StateSignature(StateDescriptor.Kind.VALUE, Long.class.getName(), null), keysPerSubtask(3),
                Fit.MATCHES));

        StoredState positions = report.operator("numbers").states().get(0);
        assertThat(positions.scope()).isEqualTo(Scope.OPERATOR_LIST);
        assertThat(positions.perSubtask()).as("the source's %d split positions dealt round robin", CountJob.SPLITS)
                .containsExactly(2, 1, 1);
        assertThat(positions.fit()).isEqualTo(Fit.UNCHECKED);
        assertThat(report.startingEmpty()).isEmpty();
        assertThat(report.describe()).contains("'count' (uid count): parallelism 2 -> 3")
                .contains("keyed state 'count' (VALUE state of java.lang.Long): 13 keys, per subtask ")
                .contains("the operator asks for it as stored")
                .endsWith("the state fits the job\n");
    }

    @Test
    void when_the_parallelism_stays_then_each_subtask_gets_its_own_state_back() {
        SavepointReport report = SavepointCheck.check(job().parallelism(2).plan(), savepoint);

        assertThat(report.fits()).as(report.describe()).isTrue();
        assertThat(report.operator("count").redistribution()).contains("unchanged");
        assertThat(report.operator("count").states().get(0).perSubtask()).isEqualTo(keysPerSubtask(2));
    }

    @Test
    void when_an_operator_uid_is_unknown_then_the_report_says_its_state_would_be_lost_and_what_starts_empty() {
        SavepointReport report = SavepointCheck.check(job().counterUid("counter").plan(), savepoint);

        assertThat(report.fits()).isFalse();
        assertThat(report.errors()).singleElement().asString()
                .contains("holds state of operator uid 'count'").contains(".uid(\"count\")");
        assertThat(report.operator("count").inJob()).isFalse();
        assertThat(report.startingEmpty()).containsExactly("'count' (uid counter)");
        assertThat(report.describe()).contains("uid 'count': not in the job; its state would be lost")
                .contains("starting empty, nothing stored for them: 'count' (uid counter)")
                .endsWith("the state does not fit the job: 1 error\n");
    }

    @Test
    void when_a_state_changed_its_type_then_the_report_names_both_types() {
        SavepointReport report = SavepointCheck.check(job().counter(new CountAsText()).plan(), savepoint);

        assertThat(report.fits()).isFalse();
        assertThat(report.errors()).singleElement().asString().contains(
                "asks for state 'count' as VALUE state of java.lang.String, but the state restored under that name is "
                        + "VALUE state of java.lang.Long");
        assertThat(report.operator("count").states().get(0).fit()).isEqualTo(Fit.UNCHECKED);
    }

    @Test
    void when_an_operator_asks_for_its_state_only_while_processing_then_the_state_is_reported_as_not_asked_at_open() {
        SavepointReport report = SavepointCheck.check(job().counter(new LazyCount()).plan(), savepoint);

        assertThat(report.fits()).as(report.describe()).isTrue();
        assertThat(report.operator("count").states().get(0).fit()).isEqualTo(Fit.NOT_ASKED_AT_OPEN);
    }

    @Test
    void when_a_stateless_operator_without_uid_is_gone_then_its_empty_state_is_no_error() {
        CountJob withoutPassThrough = new CountJob(RECORDS, temp.resolve("unused"), new TransactionalCollectSink<>());

        SavepointReport report = SavepointCheck.check(withoutPassThrough.plan(), savepoint);

        assertThat(report.fits()).as(report.describe()).isTrue();
        List<OperatorState> gone = report.operators().stream().filter(operator -> !operator.inJob()).toList();
        assertThat(gone).singleElement().satisfies(operator -> {
            assertThat(operator.uid()).startsWith("auto-").endsWith("-pass");
            assertThat(operator.isEmpty()).isTrue();
        });
        assertThat(report.describe()).contains("not in the job; it holds no state, so nothing is lost");
    }

    @Test
    void when_the_max_parallelism_changed_at_an_unchanged_parallelism_then_a_key_in_the_wrong_subtask_is_named() {
        SavepointReport report = SavepointCheck.check(job().parallelism(2).maxParallelism(7).plan(), savepoint);

        assertThat(report.fits()).isFalse();
        assertThat(report.errors()).singleElement().asString()
                .startsWith("operator 'count' (uid count) cannot take its state: ").contains("key ");
    }

    @Test
    void when_the_max_parallelism_changed_with_the_parallelism_then_the_keys_follow_the_new_one() {
        SavepointReport report = SavepointCheck.check(job().parallelism(3).maxParallelism(7).plan(), savepoint);

        assertThat(report.fits()).as(report.describe()).isTrue();
        assertThat(report.operator("count").states().get(0).size()).isEqualTo(CountJob.KEYS);
    }

    @Test
    void when_there_is_no_savepoint_at_the_path_then_the_error_names_it() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        assertThatThrownBy(() -> SavepointCheck.check(job().plan(), empty))
                .isInstanceOf(CheckpointStorageException.class).hasMessageContaining(empty.toString())
                .hasMessageContaining("no metadata file");
    }

    /** The running count holds every key; each new subtask gets the keys whose key group it owns. */
    private static List<Integer> keysPerSubtask(int parallelism) {
        List<Integer> keys = new ArrayList<>(Collections.nCopies(parallelism, 0));
        for (long key = 0; key < CountJob.KEYS; key++) {
            int subtask = KeyGroups.subtaskOfKey(key, MAX_PARALLELISM, parallelism);
            keys.set(subtask, keys.get(subtask) + 1);
        }
        return keys;
    }

    /** Asks for its state when the first record comes, not when it opens. */
    private static final class LazyCount extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> {
        private transient FunctionContext context;
        private transient ValueState<Long> count;

        @Override
        public void open(FunctionContext context) {
            this.context = context;
        }

        @Override
        public void processElement(Long value, Context<Long> keyContext, Collector<Tuple2<Long, Long>> out) {
            if (count == null) {
                count = context.getState(new ValueStateDescriptor<>("count", Long.class));
            }
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            out.collect(Tuple2.of(keyContext.currentKey(), next));
        }
    }
}
