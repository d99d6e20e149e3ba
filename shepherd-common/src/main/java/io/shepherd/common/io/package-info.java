/**
 * File I/O behind a narrow interface: {@link io.shepherd.common.io.Disk} and
 * {@link io.shepherd.common.io.DiskFile}. Durable components do all their I/O through it so that
 * tests can inject torn writes, lost unforced data, failed forces, full disks and bit flips
 * ({@code io.shepherd.testkit.disk}). The contract of what is durable after which call is written in
 * {@link io.shepherd.common.io.Disk}.
 */
package io.shepherd.common.io;
