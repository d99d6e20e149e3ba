package io.shepherd.wal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.SplittableRandom;

/**
 * The records the kill -9 harness writes: {@code <round>:<thread>:<seq>:<filler>}, where the filler's
 * length and content follow from the three numbers, so that the checker can tell an intact record from
 * a damaged or foreign one without any shared state with the dead child.
 */
record CrashPayload(int round, int thread, long seq) {

    static byte[] encode(int round, int thread, long seq) {
        return (round + ":" + thread + ":" + seq + ":" + filler(round, thread, seq)).getBytes(UTF_8);
    }

    /** Parses and checks a payload; throws {@link IllegalArgumentException} if it is not one this harness wrote. */
    static CrashPayload decode(byte[] payload) {
        String text = new String(payload, UTF_8);
        String[] parts = text.split(":", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a harness record: " + abbreviate(text));
        }
        CrashPayload p = new CrashPayload(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        if (!parts[3].equals(filler(p.round, p.thread, p.seq))) {
            throw new IllegalArgumentException("damaged filler in record " + p);
        }
        return p;
    }

    private static String filler(int round, int thread, long seq) {
        SplittableRandom random = new SplittableRandom(round * 1_000_003L + thread * 7_919L + seq);
        int length = random.nextInt(8) == 0 ? random.nextInt(4000) : random.nextInt(200);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
