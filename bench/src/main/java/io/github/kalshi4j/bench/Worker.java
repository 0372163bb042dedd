package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process the runner started: a line-protocol worker (JSON command in, JSON result out) or the exchange.
 * Its standard error goes to a log file. Closing it closes its standard input (workers and the exchange exit on
 * EOF), waits, and only then destroys this one process.
 */
final class Worker implements AutoCloseable {

    private final String name;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final Path log;

    private Worker(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static Worker start(String name, List<String> command, Path dir, Path log) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new Worker(name, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** The next JSON object line of standard output (other lines are copied to the log's reader, i.e. skipped). */
    JsonNode readJson() {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("{")) {
                    return Json.MAPPER.readTree(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " failed; see " + log, e);
        }
        throw new IllegalStateException(name + " exited (" + exitText() + "); see " + log);
    }

    /** The next plain line of standard output, or null at EOF. */
    String readLine() {
        try {
            return out.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command and returns its result; a result carrying "error" throws. */
    JsonNode call(ObjectNode command) {
        try {
            in.write(Json.MAPPER.writeValueAsString(command) + "\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " is gone (" + exitText() + "); see " + log, e);
        }
        JsonNode r = readJson();
        if (r.has("error")) {
            throw new IllegalStateException(name + ": " + r.get("error").asText());
        }
        return r;
    }

    private String exitText() {
        return process.isAlive() ? "running" : "exit " + process.exitValue();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
