package io.github.kalshi4j.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExcerptsTest {

    @Test
    void emptyOrBlankBody_hasNoExcerpt() {
        assertNull(Excerpts.of(null, 10));
        assertNull(Excerpts.of(new byte[0], 10));
        assertNull(Excerpts.of(" \n ".getBytes(StandardCharsets.UTF_8), 10));
    }

    @Test
    void longBody_isCutToLimit_withoutSplittingSurrogatePairs() {
        assertEquals("abc", Excerpts.of("abcdef".getBytes(StandardCharsets.UTF_8), 3));
        assertEquals("a", Excerpts.truncate("a\uD83D\uDE00", 2));
    }

    @Test
    void oneLine_collapsesWhitespaceAndMarksCut() {
        assertEquals("a b c", Excerpts.oneLine(" a\n b\t\tc ", 50));
        assertEquals("abc...", Excerpts.oneLine("abcdef", 3));
    }
}
