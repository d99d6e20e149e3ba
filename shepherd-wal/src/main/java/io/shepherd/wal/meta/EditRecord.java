package io.shepherd.wal.meta;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How an edit is stored as a log record: its transaction id (8 bytes, big-endian), then the codec's bytes.
 * The log's own frame checksum covers both. Transaction ids count up from 1 without gaps.
 */
final class EditRecord {

    static final int TXID_BYTES = 8;

    private EditRecord() {}

    static byte[] encode(long txid, byte[] body) {
        return ByteBuffer.allocate(TXID_BYTES + body.length).putLong(txid).put(body).array();
    }

    static long txid(byte[] record) {
        if (record.length < TXID_BYTES) {
            throw new IllegalArgumentException("edit record of " + record.length + " bytes has no transaction id");
        }
        return ByteBuffer.wrap(record).getLong(0);
    }

    static byte[] body(byte[] record) {
        return Arrays.copyOfRange(record, TXID_BYTES, record.length);
    }
}
