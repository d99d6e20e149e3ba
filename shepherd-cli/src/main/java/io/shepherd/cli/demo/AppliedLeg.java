package io.shepherd.cli.demo;

import java.io.Serializable;

/**
 * A leg after its account's balance was changed, as the sink records it.
 *
 * @param legId the leg's {@link Leg#id() id}
 * @param account the account changed
 * @param balanceAfter that account's balance right after this leg
 */
public record AppliedLeg(long legId, int account, long balanceAfter) implements Serializable {
    /** The transfer the leg belongs to. */
    public long txId() {
        return legId >> 1;
    }
}
