package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {
    @ParameterizedTest
    @CsvSource({
        "2024-01-02T03:04:05Z, 2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05.100Z, 2024-01-02T03:04:05.100000Z",
        "2024-01-02T03:04:05.123456789Z, 2024-01-02T03:04:05.123456Z",
        "2024-01-02T03:04:05.000000900Z, 2024-01-02T03:04:05Z",
    })
    void uploadTimeIsInTheInteroperableForm(String instant, String expected) {
        // P700-04, REN-07: no fraction or exactly six digits, literal Z
        assertThat(Timestamps.uploadTime(Instant.parse(instant))).isEqualTo(expected)
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?Z");
    }
}
