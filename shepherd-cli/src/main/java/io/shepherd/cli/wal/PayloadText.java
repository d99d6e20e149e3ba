package io.shepherd.cli.wal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Shows a payload on one line: UTF-8 text with control characters escaped, or escaped bytes if not UTF-8. */
final class PayloadText {

    private PayloadText() {}

    static String escape(byte[] payload) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
            return escapeText(text);
        } catch (CharacterCodingException notUtf8) {
            return escapeBytes(payload);
        }
    }

    private static String escapeText(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\t' -> s.append("\\t");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        s.append(String.format("\\x%02x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    private static String escapeBytes(byte[] payload) {
        StringBuilder s = new StringBuilder(payload.length * 2);
        for (byte b : payload) {
            int v = b & 0xff;
            if (v == '\\') {
                s.append("\\\\");
            } else if (v >= 0x20 && v < 0x7f) {
                s.append((char) v);
            } else {
                s.append(String.format("\\x%02x", v));
            }
        }
        return s.toString();
    }
}
