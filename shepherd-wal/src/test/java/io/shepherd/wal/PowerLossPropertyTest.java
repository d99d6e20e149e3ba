package io.shepherd.wal;

import static io.shepherd.wal.WalFixtures.options;
import static io.shepherd.wal.WalFixtures.payload;
import static io.shepherd.wal.WalFixtures.readAll;
import static io.shepherd.wal.WalFixtures.simulatedDisk;
import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random appends, syncs and truncations on the simulated disk, with the power cut at a random operation
 * (inside a force, a segment roll, a truncation...) and a random subset of unforced writes lost. After
 * every crash the recovered log must be a contiguous run of what was written, hold every record that was
 * acknowledged as durable (and not truncated since), and never bring back a completed suffix truncation.
 *
 * <p>Appends are issued one at a time, so the sequence of disk operations, and with it the crash point,
 * is a function of the seed.
 */
class PowerLossPropertyTest {

    private record Rec(long position, byte[] payload) {}

    /** What the log may and must hold. */
    private static final class Model {
        /** Everything that may be in the log, in order. */
        List<Rec> candidates = new ArrayList<>();
        /** Records before this index may have been dropped by a prefix truncation. */
        int firstRequired;
        /** Records before this index (and from firstRequired on) must survive. */
        int durableUpTo;
        /** A completed prefix truncation is durable: the log never again starts before this. */
        long startAtLeast;

        int indexOf(long position) {
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).position() >= position) {
                    return i;
                }
            }
            return candidates.size();
        }
    }

    @Test
    void when_the_power_fails_at_any_operation_then_the_log_keeps_every_durable_record_and_nothing_foreign() {
        SeededRuns.of("wal power loss", 150, 5_000).forEach(this::crashRepeatedly);
    }

    private void crashRepeatedly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SimulatedDisk disk = simulatedDisk(seed);
        long segmentBytes = 4096 + random.nextInt(4096);
        Model model = new Model();
        int serial = 0;
        for (int round = 0; round < 4; round++) {
            SyncPolicy policy = random.nextInt(4) == 0 ? SyncPolicy.NONE : SyncPolicy.SYNC;
            Wal wal = Wal.open(options(disk).segmentBytes(segmentBytes).syncPolicy(policy).build());
            List<LogRecord> recovered = readAll(wal);
            checkRecovered(recovered, model, seed, round);
            model.candidates = new ArrayList<>();
            recovered.forEach(r -> model.candidates.add(new Rec(r.position(), r.payload())));
            model.firstRequired = 0;
            model.durableUpTo = recovered.size();
            model.startAtLeast = wal.startPosition();

            if (random.nextInt(5) != 0) {
                disk.haltAfter(random.nextInt(80));
            }
            int operations = random.nextInt(60);
            try {
                for (int op = 0; op < operations; op++) {
                    serial++;
                    step(wal, policy, random, model, serial);
                }
            } catch (RuntimeException expectedAfterHalt) {
                assertThat(disk.isHalted()).as("only the power cut may fail an operation: %s", expectedAfterHalt)
                        .isTrue();
            }
            disk.crash();
            try {
                wal.close();
            } catch (RuntimeException deadHandles) {
                // the crash invalidated the log's files; nothing it does now reaches the disk
            }
        }
    }

    private static void step(Wal wal, SyncPolicy policy, SplittableRandom random, Model model, int serial) {
        int dice = random.nextInt(100);
        if (dice < 80) {
            byte[] p = payload(random, serial, 2000);
            Rec rec = new Rec(wal.endPosition(), p);
            model.candidates.add(rec); // before the append: a failed append may still have reached the disk
            long position = random.nextBoolean() ? wal.append(p).join() : wal.appendAndAwait(p);
            assertThat(position).isEqualTo(rec.position());
            if (policy == SyncPolicy.SYNC) {
                model.durableUpTo = model.candidates.size();
            }
        } else if (dice < 87) {
            wal.sync();
            model.durableUpTo = model.candidates.size();
        } else if (dice < 94) {
            int from = model.indexOf(wal.startPosition());
            int target = from + random.nextInt(model.candidates.size() - from + 1);
            long position = target < model.candidates.size() ? model.candidates.get(target).position() : wal.endPosition();
            model.firstRequired = Math.max(model.firstRequired, target); // in flight, it may already drop up to here
            wal.truncatePrefix(position);
            model.durableUpTo = model.candidates.size();
            model.startAtLeast = wal.startPosition();
        } else {
            int from = model.indexOf(wal.startPosition());
            int target = from + random.nextInt(model.candidates.size() - from + 1);
            long position = target < model.candidates.size() ? model.candidates.get(target).position() : wal.endPosition();
            model.durableUpTo = Math.min(model.durableUpTo, target); // in flight, it may already have cut
            wal.truncateSuffix(position);
            model.candidates = new ArrayList<>(model.candidates.subList(0, target));
            model.durableUpTo = target;
        }
    }

    private static void checkRecovered(List<LogRecord> recovered, Model model, long seed, int round) {
        String context = "seed " + seed + " round " + round;
        if (recovered.isEmpty()) {
            assertThat(model.durableUpTo).as(context + ": nothing recovered, so nothing may have been durable")
                    .isLessThanOrEqualTo(model.firstRequired);
            return;
        }
        assertThat(recovered.get(0).position()).as(context + ": dropped segments stay dropped")
                .isGreaterThanOrEqualTo(model.startAtLeast);
        int start = model.indexOf(recovered.get(0).position());
        assertThat(start).as(context + ": first recovered record is one that was written").isLessThan(model.candidates.size());
        for (int i = 0; i < recovered.size(); i++) {
            assertThat(start + i).as(context + ": no record beyond what was written").isLessThan(model.candidates.size());
            Rec expected = model.candidates.get(start + i);
            assertThat(recovered.get(i).position()).as(context + ": position of record " + i).isEqualTo(expected.position());
            assertThat(recovered.get(i).payload()).as(context + ": payload at " + expected.position()).isEqualTo(expected.payload());
        }
        assertThat(start).as(context + ": no record was lost from the front").isLessThanOrEqualTo(model.firstRequired);
        assertThat(start + recovered.size()).as(context + ": every durable record survived")
                .isGreaterThanOrEqualTo(model.durableUpTo);
    }
}
