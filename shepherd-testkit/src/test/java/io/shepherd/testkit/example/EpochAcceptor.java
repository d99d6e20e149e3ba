package io.shepherd.testkit.example;

import io.shepherd.testkit.example.EpochMessage.AskPromise;
import io.shepherd.testkit.example.EpochMessage.Grant;
import io.shepherd.testkit.example.EpochMessage.Outgoing;
import io.shepherd.testkit.example.EpochMessage.Promise;
import io.shepherd.testkit.example.EpochMessage.Propose;
import io.shepherd.testkit.example.EpochMessage.Refuse;
import java.util.List;
import java.util.Map;

/**
 * The journal node's side of the election, as a pure state machine: a message in, replies out.
 *
 * <p>Its one piece of state is the highest epoch it has promised. The promise is written to
 * {@code disk} before the grant is returned, so that a restarted node never grants an epoch it had
 * already promised to someone else; the {@link Flaw#FORGETS_PROMISE_ON_RESTART} variant skips that.
 */
final class EpochAcceptor {

    private final int id;
    private final Map<Integer, Long> disk;
    private final Flaw flaw;
    private long promised;

    EpochAcceptor(int id, Map<Integer, Long> disk, Flaw flaw) {
        this.id = id;
        this.disk = disk;
        this.flaw = flaw;
        this.promised = disk.getOrDefault(id, 0L);
    }

    long promised() {
        return promised;
    }

    List<Outgoing> onMessage(int from, EpochMessage message) {
        if (message instanceof AskPromise ask) {
            return List.of(new Outgoing(from, new Promise(ask.attempt(), promised)));
        }
        if (message instanceof Propose propose) {
            long epoch = propose.epoch();
            boolean grantable = flaw == Flaw.GRANTS_EQUAL_EPOCH ? epoch >= promised : epoch > promised;
            if (!grantable) {
                return List.of(new Outgoing(from, new Refuse(epoch, promised)));
            }
            promised = epoch;
            if (flaw != Flaw.FORGETS_PROMISE_ON_RESTART) {
                disk.put(id, epoch);
            }
            return List.of(new Outgoing(from, new Grant(epoch)));
        }
        return List.of();
    }
}
