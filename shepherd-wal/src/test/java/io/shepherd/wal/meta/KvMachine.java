package io.shepherd.wal.meta;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Map;
import java.util.TreeMap;

/** A small deterministic state machine for tests: string keys to long values. */
final class KvMachine implements StateMachine<KvMachine.Edit> {

    /** {@code put k v}, {@code add k d} (rejected if k is absent), {@code del k}. */
    record Edit(String op, String key, long value) {

        static Edit put(String key, long value) {
            return new Edit("put", key, value);
        }

        static Edit add(String key, long delta) {
            return new Edit("add", key, delta);
        }

        static Edit del(String key) {
            return new Edit("del", key, 0);
        }
    }

    static final EditCodec<Edit> CODEC = new EditCodec<>() {
        @Override
        public byte[] encode(Edit edit) {
            return (edit.op() + " " + edit.key() + " " + edit.value()).getBytes(UTF_8);
        }

        @Override
        public Edit decode(byte[] bytes) {
            String[] f = new String(bytes, UTF_8).split(" ");
            return new Edit(f[0], f[1], Long.parseLong(f[2]));
        }
    };

    private final TreeMap<String, Long> state = new TreeMap<>();

    @Override
    public void apply(Edit edit) {
        switch (edit.op()) {
            case "put" -> state.put(edit.key(), edit.value());
            case "add" -> {
                Long current = state.get(edit.key());
                if (current == null) {
                    throw new IllegalArgumentException("no key " + edit.key() + " to add to");
                }
                state.put(edit.key(), current + edit.value());
            }
            case "del" -> state.remove(edit.key());
            default -> throw new IllegalArgumentException("unknown op " + edit.op());
        }
    }

    @Override
    public byte[] writeImage() {
        StringBuilder s = new StringBuilder();
        state.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        return s.toString().getBytes(UTF_8);
    }

    @Override
    public void loadImage(byte[] image) {
        state.clear();
        for (String line : new String(image, UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                int eq = line.indexOf('=');
                state.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
            }
        }
    }

    Map<String, Long> snapshot() {
        return new TreeMap<>(state);
    }
}
