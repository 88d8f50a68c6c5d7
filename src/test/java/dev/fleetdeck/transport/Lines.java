package dev.fleetdeck.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects output lines for assertions. */
final class Lines implements OutputListener {

    final List<OutputLine> all = new CopyOnWriteArrayList<>();

    @Override
    public void onLine(OutputLine line) {
        all.add(line);
    }

    List<String> stdout() {
        return all.stream().filter(l -> l.stream() == OutputLine.Stream.STDOUT).map(OutputLine::text).toList();
    }

    List<String> stderr() {
        return all.stream().filter(l -> l.stream() == OutputLine.Stream.STDERR).map(OutputLine::text).toList();
    }

    boolean has(String text) {
        return all.stream().anyMatch(l -> l.text().equals(text));
    }
}
