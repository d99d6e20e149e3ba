package io.shepherd.connectors.generator;

import java.io.Serializable;

/**
 * Makes the record at a sequence number from random numbers that depend only on the source's
 * seed and that number. The function must use no other source of randomness or state, and must
 * not keep {@code random} after it returns (it is reused for the next record).
 */
@FunctionalInterface
public interface SeededRecordFunction<T> extends Serializable {
    T apply(long index, IndexRandom random);
}
