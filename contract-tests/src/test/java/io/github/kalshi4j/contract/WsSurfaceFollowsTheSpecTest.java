package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.kalshi4j.codegen.PrepareSpecs;
import io.github.kalshi4j.codegen.SpecLock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The WebSocket surface follows the AsyncAPI spec with no hand-written Java: each test pins another document in a
 * scratch copy of the project ({@link ScratchBuild}), builds the SDK from it there, and checks what came out. The
 * project and the local Maven repository are not touched. Each build takes about a minute.
 */
class WsSurfaceFollowsTheSpecTest {

    static final String MAVEN = System.getProperty("kalshi4j.mvn", "mvn -B");

    @Test
    void aChannelAddedToTheSpecCompilesWithNoJavaEdit_isATypedKnownChannel_andDeliversOverARealSocket() throws Exception {
        ObjectMapper yaml = PrepareSpecs.yamlMapper();
        SpecLock lock = SpecLock.read(Repo.ROOT);
        ObjectNode spec = (ObjectNode) yaml.readTree(lock.materialize("asyncapi"));
        ObjectNode channel = spec.withObject("/channels").putObject("zz_probe_values");
        channel.put("address", "zz_probe_values");
        channel.put("title", "Probe values");
        channel.put("description", "A channel kalshi4j's test adds to the pinned spec.");
        channel.putObject("messages").putObject("probeValue").put("$ref", "#/components/messages/probeValue");
        ObjectNode message = spec.withObject("/components/messages").putObject("probeValue");
        message.put("name", "probe_value");
        message.put("summary", "A probe value");
        message.put("contentType", "application/json");
        message.putObject("payload").put("$ref", "#/components/schemas/probeValuePayload");
        spec.withObject("/components/schemas").set("probeValuePayload", yaml.readTree("""
                type: object
                required: [type, sid, seq, msg]
                properties:
                  type: {type: string, const: probe_value}
                  sid: {$ref: '#/components/schemas/subscriptionId'}
                  seq: {$ref: '#/components/schemas/sequenceNumber'}
                  msg:
                    type: object
                    required: [market_ticker, value_dollars]
                    properties:
                      market_ticker: {$ref: '#/components/schemas/marketTicker'}
                      value_dollars: {type: string, description: A probe value in dollars}
                """));
        byte[] bytes = new ObjectMapper(new YAMLFactory()).writeValueAsBytes(spec);

        Path log = Repo.ROOT.resolve("contract-tests/target/ws-new-channel-scratch.log");
        try (ScratchBuild scratch = ScratchBuild.copyOf(Repo.ROOT)) {
            scratch.pin("asyncapi", bytes, "2.0.0-probe");
            String probe = new String(getClass().getResourceAsStream("/scratch/ScratchNewChannelProbeTest.java")
                    .readAllBytes(), StandardCharsets.UTF_8);
            scratch.write("overlay/src/test/java/io/github/kalshi4j/ws/ScratchNewChannelProbeTest.java", probe);
            int status = scratch.maven(MAVEN, List.of("-q", "test", "-Dquick", "-pl", "overlay", "-am",
                    "-Dtest=ScratchNewChannelProbeTest", "-Dsurefire.failIfNoSpecifiedTests=false"), log, 15);
            ScratchProbes.assertProbePassed(status, log, "the added channel", scratch.root().resolve(
                    "overlay/target/surefire-reports/TEST-io.github.kalshi4j.ws.ScratchNewChannelProbeTest.xml"));
        }
    }
}
