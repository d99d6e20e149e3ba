package io.shepherd.runtime.ack;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.runtime.ack.RandomTrees.Message;
import io.shepherd.testkit.SeededRuns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The xor ledger's one promise (DESIGN.md part 3): for any tree, delivered in any order, a root completes
 * exactly when the last message about it arrives (every edge acked and the init seen), never before. Ids
 * are random, so the odds of a false zero are about 2^-64 per message and play no part here.
 */
class LedgerPropertyTest {

    private static final long TIMEOUT_NS = 1_000_000;

    @Test
    void when_the_messages_of_random_trees_arrive_in_random_order_then_each_root_completes_with_its_last_message() {
        SeededRuns.of("ledger completes exactly with the last edge", 500, 50_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<Message> messages = RandomTrees.generate(random, 1 + random.nextInt(3), 40);
            Collections.shuffle(messages, new Random(random.nextLong()));
            Map<Long, Integer> left = countPerRoot(messages);

            AckerLedger ledger = new AckerLedger(AckConfig.DEFAULT.withTreeTimeoutNs(TIMEOUT_NS), 2, 0);
            VerdictBatch out = new VerdictBatch(4);
            for (Message message : messages) {
                message.applyTo(ledger, 0, out);
                int remaining = left.merge(message.root(), -1, Integer::sum);
                List<Verdict> verdicts = Verdict.drain(out);
                if (remaining == 0) {
                    assertThat(verdicts).as("the last message of root %x arrived: %s", message.root(), messages)
                            .containsExactly(Verdict.completed(message.root(), RandomTrees.SOURCE));
                } else {
                    assertThat(verdicts).as("root %x still waits for %d messages: %s", message.root(), remaining,
                            messages).isEmpty();
                }
            }
            assertThat(ledger.size()).isZero();
        });
    }

    @Test
    void when_one_message_of_a_tree_is_lost_then_that_root_never_completes_and_is_closed_by_the_timeout() {
        SeededRuns.of("ledger with one lost message", 300, 30_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<Message> messages = RandomTrees.generate(random, 1 + random.nextInt(3), 40);
            Collections.shuffle(messages, new Random(random.nextLong()));
            Message lost = messages.remove(random.nextInt(messages.size()));

            AckerLedger ledger = new AckerLedger(AckConfig.DEFAULT.withTreeTimeoutNs(TIMEOUT_NS), 2, 0);
            VerdictBatch out = new VerdictBatch(4);
            List<Verdict> verdicts = new ArrayList<>();
            for (Message message : messages) {
                message.applyTo(ledger, 0, out);
                verdicts.addAll(Verdict.drain(out));
            }
            assertThat(verdicts).as("lost %s of %s", lost, messages)
                    .noneMatch(verdict -> verdict.root() == lost.root());
            long otherRoots = countPerRoot(messages).keySet().stream().filter(root -> root != lost.root()).count();
            assertThat(verdicts).as("every other root completes").hasSize((int) otherRoots);

            ledger.expire(2 * TIMEOUT_NS, out);
            List<Verdict> expired = Verdict.drain(out);
            if (lost.kind() == AckKind.INIT) {
                assertThat(expired).as("without an init there is no owner to tell").isEmpty();
            } else {
                assertThat(expired).singleElement().satisfies(verdict -> {
                    assertThat(verdict.kind()).isEqualTo(VerdictKind.TIMED_OUT);
                    assertThat(verdict.root()).isEqualTo(lost.root());
                });
            }
            assertThat(ledger.size()).isZero();
        });
    }

    private static Map<Long, Integer> countPerRoot(List<Message> messages) {
        return messages.stream().collect(Collectors.toMap(Message::root, message -> 1, Integer::sum, HashMap::new));
    }
}
