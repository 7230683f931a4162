package io.mastersync.load;

import java.util.Arrays;

/**
 * A growable byte buffer that the COPY encoders write into directly (subclasses write to {@link #bytes} at
 * {@link #length} after {@link #ensure}); reusable after {@link #clear()}. Not thread-safe.
 */
abstract class CopyBytes {

    protected byte[] bytes = new byte[1 << 16];
    protected int length;

    final byte[] bytes() {
        return bytes;
    }

    final int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    final void put(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    final void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    /** Makes room for {@code more} bytes after {@link #length}. */
    final void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
