package dev.fleetdeck.todo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where each line starts and ends in the file's bytes, split the way CommonMark splits lines ({@code \n},
 * {@code \r\n} or a lone {@code \r}), so a parser line index maps straight to a byte position. Ends exclude
 * the line terminator.
 */
final class SourceLines {

    private final byte[] bytes;
    private final int[] starts;
    private final int[] ends;
    private final int count;

    private SourceLines(byte[] bytes, int[] starts, int[] ends, int count) {
        this.bytes = bytes;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
    }

    /** Lines of {@code bytes} from {@code from} on (past a BOM, which the parser never sees). */
    static SourceLines of(byte[] bytes, int from) {
        int[] starts = new int[16];
        int[] ends = new int[16];
        int n = 0;
        int start = from;
        for (int i = from; i <= bytes.length; i++) {
            boolean eof = i == bytes.length;
            if (!eof && bytes[i] != '\n' && bytes[i] != '\r') continue;
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = start;
            ends[n++] = i;
            if (eof) break;
            if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') i++;
            start = i + 1;
        }
        return new SourceLines(bytes, starts, ends, n);
    }

    int count() {
        return count;
    }

    int start(int line) {
        return starts[line];
    }

    int end(int line) {
        return ends[line];
    }

    /** The line's bytes one char per byte, so regex indexes are byte indexes. */
    String latin1(int line) {
        return new String(bytes, starts[line], ends[line] - starts[line], StandardCharsets.ISO_8859_1);
    }

    String utf8(int line, int fromByte) {
        return new String(bytes, fromByte, ends[line] - fromByte, StandardCharsets.UTF_8);
    }
}
