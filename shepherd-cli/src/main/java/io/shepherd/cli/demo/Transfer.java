package io.shepherd.cli.demo;

import java.io.Serializable;

/**
 * Money moved from one account to another. Ids run from 0 to the number of transfers minus one.
 *
 * @param txId the transfer's id, unique in a run
 * @param from the account debited
 * @param to the account credited, never {@code from}
 * @param amount how much, at least 1
 */
public record Transfer(long txId, int from, int to, long amount) implements Serializable {}
