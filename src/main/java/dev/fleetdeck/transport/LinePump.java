package dev.fleetdeck.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Turns a byte stream into {@link OutputLine}s as they arrive. Lines end at LF (a trailing CR is dropped);
 * a line longer than {@link #MAX_LINE} bytes is cut into pieces so a binary blob without newlines cannot
 * exhaust memory. Invalid UTF-8 becomes U+FFFD.
 */
public final class LinePump {

    public static final int MAX_LINE = 64 * 1024;

    private LinePump() {
    }

    /**
     * Reads until end of stream.
     *
     * @param control sees every line first; a line it accepts (returns true for) is swallowed
     * @throws IOException when the stream fails, e.g. because the connection died
     */
    public static void pump(InputStream in, OutputLine.Stream stream, OutputListener listener,
                            Predicate<String> control) throws IOException {
        byte[] buf = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int n;
        while ((n = in.read(buf)) != -1) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    emit(line, stream, listener, control);
                } else {
                    line.write(b);
                    if (line.size() >= MAX_LINE) emit(line, stream, listener, control);
                }
            }
        }
        if (line.size() > 0) emit(line, stream, listener, control);
    }

    private static void emit(ByteArrayOutputStream line, OutputLine.Stream stream, OutputListener listener,
                             Predicate<String> control) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        if (control.test(text)) return;
        listener.onLine(new OutputLine(stream, text, Instant.now()));
    }
}
