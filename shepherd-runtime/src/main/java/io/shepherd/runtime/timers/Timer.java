package io.shepherd.runtime.timers;

/** A timer of one key at one timestamp; equal timers are one timer. */
public record Timer(long timestamp, Object key) {}
