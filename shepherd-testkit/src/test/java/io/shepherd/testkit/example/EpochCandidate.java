package io.shepherd.testkit.example;

import io.shepherd.testkit.example.EpochMessage.AskPromise;
import io.shepherd.testkit.example.EpochMessage.Grant;
import io.shepherd.testkit.example.EpochMessage.Outgoing;
import io.shepherd.testkit.example.EpochMessage.Promise;
import io.shepherd.testkit.example.EpochMessage.Propose;
import io.shepherd.testkit.example.EpochMessage.Refuse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The writer's side of the election, as a pure state machine: messages and the time in, messages out,
 * and a deadline by which {@link #onDeadline} must be called.
 *
 * <p>An attempt asks every journal node for its promise, proposes one more than the highest of a
 * majority's answers, and wins when a majority grants it. A refusal or a missed deadline ends the
 * attempt, and the writer backs off for a random while before the next. A winner holds its epoch for a
 * random tenure and then campaigns again, until {@code campaignUntilNs}; after that it stops once it
 * has won, so that the simulation can become quiescent.
 */
final class EpochCandidate {

    /** Where the writer is in its campaign; every change goes through {@link #moveTo}. */
    enum Phase {
        /** Backing off before the next attempt. */
        IDLE,
        /** Has asked every journal node for its promise; waiting for a majority of answers. */
        ASKING,
        /** Has proposed an epoch to every journal node; waiting for a majority of grants. */
        PROPOSING,
        /** Holds an epoch until its tenure ends (or for good, once the campaign is over). */
        WON
    }

    static final long ATTEMPT_TIMEOUT_NS = 30_000_000L;
    static final long BACKOFF_MAX_NS = 40_000_000L;
    static final long TENURE_MAX_NS = 60_000_000L;

    private final int[] journalNodes;
    private final int majority;
    private final Flaw flaw;
    private final SplittableRandom random;
    private final long campaignUntilNs;

    private Phase phase = Phase.IDLE;
    private long deadlineNs;
    private int attempt;
    private long highestPromise;
    private long epoch;
    private final TreeSet<Integer> answered = new TreeSet<>();
    private final TreeSet<Integer> granted = new TreeSet<>();
    private int grantMessages;

    EpochCandidate(int[] journalNodes, Flaw flaw, SplittableRandom random, long campaignUntilNs) {
        this.journalNodes = journalNodes.clone();
        this.majority = journalNodes.length / 2 + 1;
        this.flaw = flaw;
        this.random = random;
        this.campaignUntilNs = campaignUntilNs;
    }

    Phase phase() {
        return phase;
    }

    /** The epoch proposed or won last; 0 before the first proposal. */
    long epoch() {
        return epoch;
    }

    /** When {@link #onDeadline} is due; {@link Long#MAX_VALUE} when the writer waits for nothing. */
    long deadlineNs() {
        return deadlineNs;
    }

    List<Outgoing> start(long nowNs) {
        return beginAttempt(nowNs);
    }

    List<Outgoing> onDeadline(long nowNs) {
        if (phase == Phase.IDLE || phase == Phase.WON) {
            return beginAttempt(nowNs);
        }
        backOff(nowNs);
        return List.of();
    }

    List<Outgoing> onMessage(int from, EpochMessage message, long nowNs) {
        if (message instanceof Promise promise && phase == Phase.ASKING && promise.attempt() == attempt) {
            answered.add(from);
            highestPromise = Math.max(highestPromise, promise.promised());
            return answered.size() >= majority ? propose(highestPromise + 1) : List.of();
        }
        if (message instanceof Grant grant && phase == Phase.PROPOSING && grant.epoch() == epoch) {
            granted.add(from);
            grantMessages++;
            int votes = flaw == Flaw.COUNTS_DUPLICATE_GRANTS ? grantMessages : granted.size();
            if (votes >= majority) {
                moveTo(Phase.WON);
                deadlineNs = nowNs < campaignUntilNs ? nowNs + 1 + random.nextLong(TENURE_MAX_NS) : Long.MAX_VALUE;
            }
            return List.of();
        }
        if (message instanceof Refuse refuse && phase == Phase.PROPOSING && refuse.epoch() == epoch) {
            backOff(nowNs);
        }
        return List.of();
    }

    private List<Outgoing> beginAttempt(long nowNs) {
        moveTo(Phase.ASKING);
        attempt++;
        highestPromise = 0;
        answered.clear();
        deadlineNs = nowNs + ATTEMPT_TIMEOUT_NS;
        return toAll(new AskPromise(attempt));
    }

    private List<Outgoing> propose(long next) {
        moveTo(Phase.PROPOSING);
        epoch = next;
        granted.clear();
        grantMessages = 0;
        return toAll(new Propose(next));
    }

    private void backOff(long nowNs) {
        moveTo(Phase.IDLE);
        deadlineNs = nowNs + 1 + random.nextLong(BACKOFF_MAX_NS);
    }

    private List<Outgoing> toAll(EpochMessage message) {
        List<Outgoing> out = new ArrayList<>(journalNodes.length);
        for (int node : journalNodes) {
            out.add(new Outgoing(node, message));
        }
        return out;
    }

    /** The one place phases change, so that an illegal transition fails loudly instead of corrupting state. */
    private void moveTo(Phase next) {
        boolean legal = switch (next) {
            case ASKING -> phase == Phase.IDLE || phase == Phase.WON;
            case PROPOSING -> phase == Phase.ASKING;
            case WON -> phase == Phase.PROPOSING;
            case IDLE -> phase == Phase.ASKING || phase == Phase.PROPOSING;
        };
        if (!legal) {
            throw new IllegalStateException("illegal transition " + phase + " -> " + next);
        }
        phase = next;
    }
}
