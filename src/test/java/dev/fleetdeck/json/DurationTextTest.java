package dev.fleetdeck.json;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationTextTest {

    @Test
    void acceptedForms() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), DurationText.parse("90s"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), DurationText.parse("90"));
        assertEquals(Optional.of(Duration.ofMinutes(5)), DurationText.parse("5m"));
        assertEquals(Optional.of(Duration.ofHours(26)), DurationText.parse("26h"));
        assertEquals(Optional.of(Duration.ofMinutes(90)), DurationText.parse("1h30m"));
        assertEquals(Optional.of(Duration.ofDays(2).plusSeconds(5)), DurationText.parse("2d5s"));
    }

    @Test
    void rejectedForms() {
        for (String bad : new String[]{"", "s", "5x", "1.5h", "30m1h", "-5s", "5 m", "1h1h", "99999999999999999999d"}) {
            assertEquals(Optional.empty(), DurationText.parse(bad), bad);
        }
    }

    @Test
    void formatReadsBack() {
        assertEquals("1h30m", DurationText.format(Duration.ofMinutes(90)));
        assertEquals("1m30s", DurationText.format(Duration.ofSeconds(90)));
        assertEquals("1d2h", DurationText.format(Duration.ofHours(26)));
        assertEquals(Optional.of(Duration.ofHours(26)), DurationText.parse(DurationText.format(Duration.ofHours(26))));
    }
}
