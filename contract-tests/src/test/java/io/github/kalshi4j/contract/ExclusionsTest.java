package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The rules of exclusions.yaml: reasons are mandatory, stale entries fail, matching is by kind, subject and value. */
class ExclusionsTest {

    private static final DriftItem UUID_FIELD = new DriftItem("rest", DriftItem.Kind.TYPE_CHANGED,
            "ApplySubaccountTransferRequest.client_transfer_id", "String", "UUID", true);
    private static final DriftItem NEW_FIELD = new DriftItem("rest", DriftItem.Kind.FIELD_ADDED, "Market.new_thing", null,
            "String", false);

    @Test
    void anEntryExplainsTheItemsItMatchesAndLeavesTheRest() {
        Exclusions x = Exclusions.parse("""
                exclusions:
                  - id: uuid
                    comparison: [rest, ws]
                    kind: type-changed
                    before: "*String*"
                    after: "*UUID*"
                    reason: ids are opaque strings
                """, "test.yaml");
        Exclusions.Applied applied = x.apply(List.of(UUID_FIELD, NEW_FIELD));
        assertEquals(List.of(), applied.problems());
        assertEquals("uuid", applied.explainedBy().get(UUID_FIELD));
        assertEquals(List.of(NEW_FIELD), applied.unexplained());
    }

    @Test
    void aMissingOrBlankReasonIsAProblem() {
        Exclusions x = Exclusions.parse("""
                exclusions:
                  - id: no-reason
                    kind: field-added
                  - id: blank-reason
                    kind: type-changed
                    reason: "  "
                """, "test.yaml");
        assertEquals(List.of("test.yaml entry 1 'no-reason' has no reason: every deliberate deviation must say why it is fine",
                "test.yaml entry 2 'blank-reason' has no reason: every deliberate deviation must say why it is fine"),
                x.problems());
    }

    @Test
    void aStaleEntryIsAProblem() {
        Exclusions x = Exclusions.parse("""
                exclusions:
                  - id: gone
                    subject: "Legacy.*"
                    reason: kept for one release
                """, "test.yaml");
        Exclusions.Applied applied = x.apply(List.of(NEW_FIELD));
        assertEquals(1, applied.problems().size());
        assertTrue(applied.problems().get(0).contains("exclusion 'gone' is stale"), applied.problems().get(0));
    }

    @Test
    void unknownKeysKindsDuplicateIdsAndCatchAllEntriesAreProblems() {
        Exclusions x = Exclusions.parse("""
                exclusions:
                  - id: a
                    kind: field-renamed
                    reason: r
                  - id: a
                    subjects: "*"
                    reason: r
                """, "test.yaml");
        List<String> p = x.problems();
        assertTrue(p.contains("test.yaml entry 1 'a': unknown kind 'field-renamed'"), p.toString());
        assertTrue(p.contains("test.yaml entry 1 'a' names neither a kind nor a subject; it would explain everything"),
                p.toString());
        assertTrue(p.contains("test.yaml entry 2 'a': duplicate id"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("test.yaml entry 2 'a': unknown key 'subjects'")), p.toString());
    }

    @Test
    void globsMatchTheWholeText() {
        assertTrue(Exclusions.glob("*.query.*", "GetMarkets.query.status"));
        assertFalse(Exclusions.glob("*.query.*", "GetMarkets.path.ticker"));
        assertTrue(Exclusions.glob("Market.?es_bid", "Market.yes_bid"));
        assertFalse(Exclusions.glob("Market", "Market.yes_bid"));
        assertTrue(Exclusions.glob("List<*>", "List<String>"));
    }
}
