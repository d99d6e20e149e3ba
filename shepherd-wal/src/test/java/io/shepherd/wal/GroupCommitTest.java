package io.shepherd.wal;

import static io.shepherd.wal.WalFixtures.DIR;
import static io.shepherd.wal.WalFixtures.options;
import static io.shepherd.wal.WalFixtures.simulatedDisk;
import static io.shepherd.wal.WalFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.testkit.disk.DiskObserver;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static final Path SEGMENT = DIR.resolve("00000000000000000000.wal");

    private final SimulatedDisk disk = simulatedDisk(2);

    /**
     * Holds the first force of the segment until released, so that appends pile up behind it. The hold is
     * bounded: a test that fails before releasing it must still be able to close its log.
     */
    private static class StalledForce implements DiskObserver {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void beforeForce(Path file) {
            if (file.equals(SEGMENT) && started.getCount() > 0) {
                started.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void when_appends_arrive_during_a_force_then_the_next_single_force_covers_them_all() throws Exception {
        StalledForce stall = new StalledForce();
        disk.setObserver(stall);
        try (Wal wal = Wal.open(options(disk).segmentBytes(1 << 20).build())) {
            int headerForce = disk.forceCount(SEGMENT);
            CompletableFuture<Long> first = wal.append(utf8("first"));
            assertThat(stall.started.await(30, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Long>> waiting = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                waiting.add(wal.append(utf8("queued " + i)));
            }
            assertThat(first).isNotDone();
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            stall.release.countDown();
            first.join();
            waiting.forEach(CompletableFuture::join);
            assertThat(disk.forceCount(SEGMENT) - headerForce).isEqualTo(2);
        }
    }

    @Test
    void when_the_log_is_idle_then_append_and_await_writes_and_forces_in_the_calling_thread() throws IOException {
        List<Thread> forcingThreads = new CopyOnWriteArrayList<>();
        disk.setObserver(new DiskObserver() {
            @Override
            public void beforeForce(Path file) {
                if (file.equals(SEGMENT)) {
                    forcingThreads.add(Thread.currentThread());
                }
            }
        });
        try (Wal wal = Wal.open(options(disk).segmentBytes(1 << 20).build())) {
            forcingThreads.clear();
            assertThat(wal.appendAndAwait(utf8("a"))).isZero();
            assertThat(wal.appendAndAwait(utf8("b"))).isEqualTo(21);
            for (int i = 0; i < 18; i++) {
                wal.appendAndAwait(utf8("c"));
            }
            assertThat(disk.hasUnforcedChanges(SEGMENT)).isFalse();
            // Writing in place is opportunistic: when the writer thread holds the log for a moment, the
            // appender hands its record over instead. Every record still gets its own force, and records
            // are forced by the appender itself.
            assertThat(forcingThreads).hasSize(20).contains(Thread.currentThread());
        }
    }

    @Test
    void when_records_are_queued_then_append_and_await_queues_behind_them_and_keeps_their_order() throws Exception {
        StalledForce stall = new StalledForce();
        disk.setObserver(stall);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Wal wal = Wal.open(options(disk).segmentBytes(1 << 20).build())) {
            CompletableFuture<Long> first = wal.append(utf8("first"));
            assertThat(stall.started.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Long> second = wal.append(utf8("second"));
            java.util.concurrent.Future<Long> awaited = pool.submit(() -> wal.appendAndAwait(utf8("third")));
            stall.release.countDown();
            assertThat(awaited.get(30, TimeUnit.SECONDS)).isGreaterThan(second.join()).isGreaterThan(first.join());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void when_appends_awaiting_acknowledgement_exceed_the_byte_budget_then_appenders_block_until_a_force_completes()
            throws Exception {
        StalledForce stall = new StalledForce();
        disk.setObserver(stall);
        int frame = RecordFrame.frameBytes(10);
        WalOptions options = options(disk).segmentBytes(1 << 20).maxRecordBytes(100).maxQueuedBytes(100).build();
        try (Wal wal = Wal.open(options)) {
            CompletableFuture<Long> first = wal.append(new byte[10]);
            assertThat(stall.started.await(30, TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.atomic.AtomicInteger returned = new java.util.concurrent.atomic.AtomicInteger();
            List<CompletableFuture<Long>> appended = new CopyOnWriteArrayList<>();
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 6; i++) {
                    appended.add(wal.append(new byte[10]));
                    returned.incrementAndGet();
                }
            });
            producer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (producer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(producer.getState()).isEqualTo(Thread.State.WAITING);
            assertThat(returned.get()).as("appends that fit the %d-byte budget next to the first, at %d bytes each",
                    100, frame).isEqualTo(100 / frame - 1);
            stall.release.countDown();
            producer.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(returned.get()).isEqualTo(6);
            first.join();
            appended.forEach(CompletableFuture::join);
        }
    }

    @Test
    void when_a_batch_would_exceed_the_byte_limit_then_it_is_split_across_writes_that_the_next_force_covers()
            throws Exception {
        int frame = RecordFrame.frameBytes(10);
        List<Integer> recordWrites = new CopyOnWriteArrayList<>();
        StalledForce stall = new StalledForce() {
            @Override
            public void beforeWrite(Path file, long position, int length) {
                if (file.equals(SEGMENT) && length % frame == 0 && length > 0) {
                    recordWrites.add(length);
                }
            }
        };
        disk.setObserver(stall);
        try (Wal wal = Wal.open(options(disk).segmentBytes(1 << 20).preallocateBytes(0)
                .groupCommit(3 * frame, Duration.ZERO).build())) {
            int headerForce = disk.forceCount(SEGMENT);
            CompletableFuture<Long> first = wal.append(new byte[10]);
            assertThat(stall.started.await(30, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Long>> waiting = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                waiting.add(wal.append(new byte[10]));
            }
            // The writer goes on writing while the force is stalled: every record is written before it ends.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (recordWrites.stream().mapToInt(Integer::intValue).sum() < 31 * frame && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(recordWrites).as("no write larger than the batch limit").allMatch(bytes -> bytes <= 3 * frame)
                    .hasSizeGreaterThanOrEqualTo(1 + 10);
            assertThat(waiting).as("nothing acknowledged before its force").noneMatch(CompletableFuture::isDone);
            stall.release.countDown();
            first.join();
            waiting.forEach(CompletableFuture::join);
            assertThat(disk.forceCount(SEGMENT) - headerForce).as("the stalled force, then one for all the rest")
                    .isEqualTo(2);
        }
    }

    @Test
    void when_many_threads_append_under_sync_then_no_record_is_acknowledged_before_its_bytes_are_forced()
            throws Exception {
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        int threads = 4;
        int perThread = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Wal wal = Wal.open(options(disk).segmentBytes(1 << 20).build())) {
            List<CompletableFuture<Void>> checks = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                checks.add(CompletableFuture.runAsync(() -> {
                    awaitQuietly(go);
                    List<CompletableFuture<Void>> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        byte[] payload = utf8("t" + thread + "-" + i);
                        if (i % 3 == 0) {
                            checkDurable(wal.appendAndAwait(payload), payload, violations);
                        } else {
                            mine.add(wal.append(payload).thenAccept(p -> checkDurable(p, payload, violations)));
                        }
                    }
                    mine.forEach(CompletableFuture::join);
                }, pool));
            }
            go.countDown();
            checks.forEach(CompletableFuture::join);
            assertThat(violations).isEmpty();
            assertThat(disk.forceCount(SEGMENT)).as("forces were shared").isLessThan(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void when_the_force_thread_fails_with_batches_written_behind_it_then_all_of_them_fail_and_the_earlier_record_stays()
            throws Exception {
        try (Wal wal = Wal.open(options(disk).segmentBytes(1 << 20).build())) {
            wal.append(utf8("durable")).join();
            StalledForce stall = new StalledForce();
            disk.setObserver(stall);
            CompletableFuture<Long> forcing = wal.append(utf8("being forced"));
            assertThat(stall.started.await(30, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Long>> behind = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                behind.add(wal.append(utf8("behind " + i)));
            }
            disk.failForces(SEGMENT::equals, 1);
            stall.release.countDown();
            assertThat(forcing).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                    .havingCause().isInstanceOf(WalIoException.class);
            for (CompletableFuture<Long> future : behind) {
                assertThat(future).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                        .havingCause().isInstanceOfAny(WalIoException.class, WalFailedException.class);
            }
            int forcesAtFailure = disk.forceCount(SEGMENT);
            assertThat(wal.append(utf8("refused"))).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                    .havingCause().isInstanceOf(WalFailedException.class);
            assertThat(WalFixtures.texts(WalFixtures.readAll(wal))).containsExactly("durable");
            wal.close();
            assertThat(disk.forceCount(SEGMENT)).as("nothing forced after the failure").isEqualTo(forcesAtFailure);
        }
        disk.crash();
        try (Wal reopened = Wal.open(options(disk).segmentBytes(1 << 20).build())) {
            assertThat(WalFixtures.texts(WalFixtures.readAll(reopened))).containsExactly("durable");
        }
    }

    @Test
    void when_threads_mix_queued_and_in_place_appends_across_segment_rolls_then_acknowledgements_follow_log_order()
            throws Exception {
        int threads = 4;
        int perThread = 200;
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Long>> all = new CopyOnWriteArrayList<>();
        // Futures still pending when an in-place append at position p returned: all must get positions after p.
        ConcurrentLinkedQueue<Object[]> pendingAt = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Wal wal = Wal.open(options(disk).segmentBytes(8 * 1024).build())) {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(CompletableFuture.runAsync(() -> {
                    awaitQuietly(go);
                    CompletableFuture<Long> previous = CompletableFuture.completedFuture(-1L);
                    for (int i = 0; i < perThread; i++) {
                        if (i % 3 == 0) {
                            long position = wal.appendAndAwait(new byte[100]);
                            if (!previous.isDone()) {
                                violations.add("position " + position + " acknowledged before this thread's earlier append");
                            }
                            pendingAt.add(new Object[] {position, all.stream().filter(f -> !f.isDone()).toList()});
                        } else {
                            CompletableFuture<Long> earlier = previous;
                            CompletableFuture<Long> next = wal.append(new byte[100]);
                            all.add(next);
                            next.thenAccept(position -> {
                                if (!earlier.isDone()) {
                                    violations.add("position " + position + " acknowledged before its predecessor");
                                }
                            });
                            previous = next;
                        }
                    }
                    previous.join();
                }, pool));
            }
            go.countDown();
            runs.forEach(CompletableFuture::join);
            all.forEach(CompletableFuture::join);
        } finally {
            pool.shutdownNow();
        }
        for (Object[] snapshot : pendingAt) {
            long position = (Long) snapshot[0];
            @SuppressWarnings("unchecked")
            List<CompletableFuture<Long>> pending = (List<CompletableFuture<Long>>) snapshot[1];
            pending.stream().map(CompletableFuture::join).filter(p -> p < position)
                    .forEach(p -> violations.add("position " + p + " was still pending when " + position + " returned"));
        }
        assertThat(violations).isEmpty();
        assertThat(WalFixtures.segments(disk)).as("the log rolled").hasSizeGreaterThan(2);
    }

    private void checkDurable(long position, byte[] payload, ConcurrentLinkedQueue<String> violations) {
        try {
            byte[] durable = disk.durableContent(SEGMENT);
            long end = SegmentFiles.offsetOf(position, 0) + RecordFrame.frameBytes(payload.length);
            if (durable.length < end) {
                violations.add("record at " + position + " acknowledged with only " + durable.length + " bytes durable");
            }
        } catch (IOException e) {
            violations.add(e.toString());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void when_a_batch_wait_is_set_then_a_lone_record_waits_for_the_clock_and_a_full_batch_does_not() throws Exception {
        ManualClock clock = new ManualClock();
        int frame = RecordFrame.frameBytes(10);
        WalOptions options = options(disk).segmentBytes(1 << 20).clock(clock)
                .groupCommit(2 * frame, Duration.ofSeconds(5)).build();
        try (Wal wal = Wal.open(options)) {
            CompletableFuture<Long> lone = wal.append(new byte[10]);
            assertThat(lone).isNotDone();
            clock.advanceMillis(5_000);
            assertThat(lone.get(30, TimeUnit.SECONDS)).isZero();

            CompletableFuture<Long> a = wal.append(new byte[10]);
            CompletableFuture<Long> b = wal.append(new byte[10]);
            assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(2L * frame);
            assertThat(a).isDone();
        }
    }

    @Test
    void when_the_policy_is_interval_then_appends_complete_at_the_periodic_force_and_not_before() throws Exception {
        ManualClock clock = new ManualClock();
        CountDownLatch written = new CountDownLatch(1);
        disk.setObserver(new DiskObserver() {
            @Override
            public void beforeWrite(Path file, long position, int length) {
                if (file.equals(SEGMENT) && position >= SegmentHeader.BYTES) {
                    written.countDown();
                }
            }
        });
        WalOptions options = options(disk).segmentBytes(1 << 20).clock(clock).syncPolicy(SyncPolicy.interval(200)).build();
        try (Wal wal = Wal.open(options)) {
            int headerForce = disk.forceCount(SEGMENT);
            CompletableFuture<Long> append = wal.append(utf8("x"));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(append).isNotDone();
            assertThat(disk.forceCount(SEGMENT)).isEqualTo(headerForce);
            clock.advanceMillis(200);
            assertThat(append.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(disk.forceCount(SEGMENT)).isEqualTo(headerForce + 1);
            assertThat(disk.hasUnforcedChanges(SEGMENT)).isFalse();
        }
    }

    @Test
    void when_the_policy_is_never_then_appends_complete_without_a_force_until_sync_is_asked_for() throws IOException {
        try (Wal wal = Wal.open(options(disk).segmentBytes(1 << 20).syncPolicy(SyncPolicy.NONE).build())) {
            int headerForce = disk.forceCount(SEGMENT);
            wal.append(utf8("x")).join();
            wal.append(utf8("y")).join();
            assertThat(disk.forceCount(SEGMENT)).isEqualTo(headerForce);
            assertThat(disk.hasUnforcedChanges(SEGMENT)).isTrue();
            wal.sync();
            assertThat(disk.forceCount(SEGMENT)).isEqualTo(headerForce + 1);
            assertThat(disk.hasUnforcedChanges(SEGMENT)).isFalse();
        }
    }
}
