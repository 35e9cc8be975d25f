package org.mtcgate.diameter.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer over the decoder, validator and DAR reader ({@link DiameterInputFuzzTarget}). In a normal build this
 * replays the inputs in {@code DiameterInputFuzzTestInputs/} (real messages and every finding so far) as a
 * regression test; with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}. {@code scripts/fuzz-diameter}
 * runs longer campaigns.
 */
class DiameterInputFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void decodeValidateAndRead(byte[] input) {
        DiameterInputFuzzTarget.fuzzerTestOneInput(input);
    }
}
