package io.github.kalshi4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Sorts a spec's servers into Kalshi's two environments for the generated endpoint constants: a server whose URL or
 * description names the demo environment is a demo server, every other one a production server. The first of each
 * is the recommended one; the rest are listed as "also supported". Without a production or a demo server the build
 * fails: the SDK's defaults must come from the spec, never from a guess.
 */
final class Servers {

    private Servers() {
    }

    /**
     * Classifies a list of {@code {url, description}} servers.
     *
     * @return {@code {production: {url, description}, productionAlso: [...], demo: {...}, demoAlso: [...]}}
     */
    static ObjectNode classify(JsonNode servers) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode productionAlso = JsonNodeFactory.instance.arrayNode();
        ArrayNode demoAlso = JsonNodeFactory.instance.arrayNode();
        for (JsonNode server : servers) {
            String url = server.path("url").asText("");
            if (url.isEmpty()) {
                throw new SpecException("a server without a url: " + server);
            }
            String description = server.path("description").asText("");
            boolean demo = (url + " " + description).toLowerCase(Locale.ROOT).contains("demo");
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            entry.put("url", stripSlash(url));
            entry.put("description", WsSurface.Javadoc.escape(description.isBlank() ? url : description));
            String key = demo ? "demo" : "production";
            if (out.has(key)) {
                (demo ? demoAlso : productionAlso).add(entry);
            } else {
                out.set(key, entry);
            }
        }
        for (String key : new String[] {"production", "demo"}) {
            if (!out.has(key)) {
                throw new SpecException("the spec lists no " + key + " server (servers: " + servers + "); kalshi4j takes"
                        + " its default endpoints from the spec: add the server with a correction overlay");
            }
        }
        out.set("productionAlso", productionAlso);
        out.set("demoAlso", demoAlso);
        return out;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
