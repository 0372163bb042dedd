package io.github.kalshi4j.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A connection for a collaborator under test: open or not, numbered, and keeping every frame sent on it. */
final class RecordingWire implements Wire {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> sent = new ArrayList<>();
    boolean open = true;
    long generation = 1;

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public void send(String text) {
        if (!open) {
            throw new IllegalStateException("sent on a closed wire: " + text);
        }
        sent.add(text);
    }

    /** The connection is lost: closed, and a new generation. */
    void lose() {
        open = false;
        generation++;
    }

    /** The {@code n}-th frame sent (0 first), as a tree. */
    JsonNode frame(int n) {
        try {
            return JSON.readTree(sent.get(n));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last frame sent, as a tree. */
    JsonNode last() {
        return frame(sent.size() - 1);
    }

    /** The frames sent whose {@code cmd} is {@code cmd}. */
    List<JsonNode> commands(String cmd) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            JsonNode f = frame(i);
            if (cmd.equals(f.path("cmd").asText())) {
                out.add(f);
            }
        }
        return out;
    }
}
