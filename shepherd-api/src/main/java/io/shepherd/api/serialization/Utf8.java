package io.shepherd.api.serialization;

import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes strings as UTF-8, with a fast path for ASCII.
 *
 * <p>Every Java string round-trips exactly, including a lone (unpaired) surrogate: where the
 * standard encoder would replace it with {@code '?'}, we encode it as its three-byte form, as
 * "generalized UTF-8" (WTF-8) does. A valid surrogate pair becomes one four-byte sequence.
 * Decoding checks every sequence and rejects malformed input with its position, rather than
 * substituting U+FFFD and silently changing state.
 */
final class Utf8 {
    /** The smallest code point each sequence length may carry; anything less is an overlong form. */
    private static final int[] MIN_CODE_POINT = {0, 0, 0x80, 0x800, 0x10000};

    private Utf8() {}

    /** The encoded length in bytes; a {@code long} because three bytes per char can exceed an int. */
    static long encodedLength(String s) {
        int chars = s.length();
        long bytes = chars;
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // two chars, four bytes
                i++;
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /**
     * Writes {@code s} into {@code dst} at {@code pos}; the caller has made room for
     * {@code encodedBytes}, as computed by {@link #encodedLength}. Returns the position after it.
     */
    static int encode(String s, int encodedBytes, byte[] dst, int pos) {
        int chars = s.length();
        if (encodedBytes == chars) {
            copyAscii(s, dst, pos);
            return pos + chars;
        }
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                dst[pos++] = (byte) c;
            } else if (c < 0x800) {
                dst[pos++] = (byte) (0xC0 | (c >>> 6));
                dst[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                dst[pos++] = (byte) (0xF0 | (cp >>> 18));
                dst[pos++] = (byte) (0x80 | ((cp >>> 12) & 0x3F));
                dst[pos++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
                dst[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                dst[pos++] = (byte) (0xE0 | (c >>> 12));
                dst[pos++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
                dst[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }

    /**
     * Every char is ASCII here. The deprecated {@code getBytes} copies the low byte of each char,
     * which is exactly right for ASCII and, for a compact (Latin-1) string, is one array copy.
     */
    @SuppressWarnings("deprecation")
    private static void copyAscii(String s, byte[] dst, int pos) {
        s.getBytes(0, s.length(), dst, pos);
    }

    /**
     * Decodes {@code len} bytes at {@code off}. {@code reportedOffset} is what {@code off} is
     * called in error messages (the position within the caller's input).
     */
    static String decode(byte[] src, int off, int len, int reportedOffset) {
        if (isAscii(src, off, len)) {
            // Latin-1 decoding of ASCII bytes is a plain copy into a compact string.
            return new String(src, off, len, StandardCharsets.ISO_8859_1);
        }
        return decodeGeneral(src, off, len, reportedOffset);
    }

    private static boolean isAscii(byte[] src, int off, int len) {
        int i = off;
        int end = off + len;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            if (((long) LittleEndian.LONG.get(src, i) & 0x8080_8080_8080_8080L) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (src[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String decodeGeneral(byte[] src, int off, int len, int reportedOffset) {
        char[] chars = new char[len]; // never more chars than bytes
        int count = 0;
        int i = off;
        int end = off + len;
        while (i < end) {
            int b0 = src[i];
            if (b0 >= 0) {
                chars[count++] = (char) b0;
                i++;
                continue;
            }
            int cp;
            int size;
            if ((b0 & 0xE0) == 0xC0) {
                size = 2;
                cp = b0 & 0x1F;
            } else if ((b0 & 0xF0) == 0xE0) {
                size = 3;
                cp = b0 & 0x0F;
            } else if ((b0 & 0xF8) == 0xF0) {
                size = 4;
                cp = b0 & 0x07;
            } else {
                throw malformed("invalid leading byte 0x" + Integer.toHexString(b0 & 0xFF), i, off, reportedOffset);
            }
            if (i + size > end) {
                throw malformed("a " + size + "-byte sequence runs past the end of the string", i, off, reportedOffset);
            }
            for (int k = 1; k < size; k++) {
                int b = src[i + k];
                if ((b & 0xC0) != 0x80) {
                    throw malformed("byte 0x" + Integer.toHexString(b & 0xFF) + " is not a continuation byte",
                            i + k, off, reportedOffset);
                }
                cp = (cp << 6) | (b & 0x3F);
            }
            if (cp < MIN_CODE_POINT[size] || cp > Character.MAX_CODE_POINT) {
                throw malformed("code point 0x" + Integer.toHexString(cp) + " in a " + size + "-byte sequence",
                        i, off, reportedOffset);
            }
            if (size == 4) {
                chars[count++] = Character.highSurrogate(cp);
                chars[count++] = Character.lowSurrogate(cp);
            } else {
                chars[count++] = (char) cp;
            }
            i += size;
        }
        return new String(chars, 0, count);
    }

    private static SerializationException malformed(String what, int at, int off, int reportedOffset) {
        return new SerializationException("malformed UTF-8 at position " + (reportedOffset + (at - off)) + ": " + what);
    }
}
