package io.github.kalshi4j.it.reliability;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiClientBuilder;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.errors.KalshiAuthException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keys a user could hand the client by mistake, or a disk could damage: each one is refused when the client is
 * built, with a {@link KalshiAuthException} whose message carries no key material.
 */
@Tag(Reliability.TAG)
class BadKeyTableTest {

    @TempDir
    Path dir;

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static KeyPair generate(String algorithm, int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (bits > 0) {
            g.initialize(bits);
        }
        return g.generateKeyPair();
    }

    @Test
    void everyCorruptedTruncatedOrWrongTypeKey_isAKalshiAuthException_withoutKeyMaterial() throws Exception {
        KeyPair rsa = generate("RSA", 2048);
        byte[] der = rsa.getPrivate().getEncoded();
        String good = pem("PRIVATE KEY", der);
        String body = Base64.getEncoder().encodeToString(der);

        String ec = pem("PRIVATE KEY", generate("EC", 256).getPrivate().getEncoded());
        String ed25519 = pem("PRIVATE KEY", generate("Ed25519", 0).getPrivate().getEncoded());
        String dsa = pem("PRIVATE KEY", generate("DSA", 2048).getPrivate().getEncoded());
        String small = pem("PRIVATE KEY", generate("RSA", 1024).getPrivate().getEncoded());
        Path empty = write("empty.pem", "");
        Map<String, Consumer<KalshiClientBuilder>> table = new LinkedHashMap<>();
        table.put("empty text", b -> b.credentials("key-id", ""));
        table.put("null text", b -> b.credentials("key-id", null));
        table.put("blank text", b -> b.credentials("key-id", " \n\t "));
        table.put("not PEM", b -> b.credentials("key-id", "this is not a key"));
        table.put("BEGIN line only", b -> b.credentials("key-id", "-----BEGIN PRIVATE KEY-----\n"));
        table.put("cut in half", b -> b.credentials("key-id", good.substring(0, good.length() / 2)));
        table.put("body cut short, END kept", b -> b.credentials("key-id",
                "-----BEGIN PRIVATE KEY-----\n" + body.substring(0, body.length() - 40) + "\n-----END PRIVATE KEY-----\n"));
        table.put("body of one line", b -> b.credentials("key-id",
                "-----BEGIN PRIVATE KEY-----\n" + body.substring(0, 64) + "\n-----END PRIVATE KEY-----\n"));
        table.put("characters outside base64", b -> b.credentials("key-id",
                good.replace(body.substring(100, 104), "!@#$")));
        table.put("public key", b -> b.credentials("key-id", pem("PUBLIC KEY", rsa.getPublic().getEncoded())));
        table.put("private key under a PUBLIC KEY label", b -> b.credentials("key-id", pem("PUBLIC KEY", der)));
        table.put("EC key", b -> b.credentials("key-id", ec));
        table.put("Ed25519 key", b -> b.credentials("key-id", ed25519));
        table.put("DSA key", b -> b.credentials("key-id", dsa));
        table.put("1024-bit RSA", b -> b.credentials("key-id", small));
        table.put("encrypted PKCS#8", b -> b.credentials("key-id", pem("ENCRYPTED PRIVATE KEY", der)));
        table.put("OpenSSH key", b -> b.credentials("key-id", pem("OPENSSH PRIVATE KEY", der)));
        table.put("binary DER as text", b -> b.credentials("key-id", new String(der, StandardCharsets.ISO_8859_1)));
        table.put("good key, empty key id", b -> b.credentials("", good));
        table.put("good key, key id with a newline", b -> b.credentials("key\nid", good));
        table.put("missing file", b -> b.credentialsFromPath("key-id", dir.resolve("absent.pem")));
        table.put("directory for a file", b -> b.credentialsFromPath("key-id", dir));
        table.put("empty file", b -> b.credentialsFromPath("key-id", empty));
        // One damaged byte in the DER, across the whole key: structure, modulus, exponents, primes, CRT values.
        SplittableRandom random = new SplittableRandom(Reliability.baseSeed());
        int damaged = 24;
        for (int i = 0; i < damaged; i++) {
            int at = 26 + (der.length - 27) * i / (damaged - 1) + random.nextInt(3) - 1;
            int at2 = Math.min(der.length - 1, Math.max(0, at));
            byte[] broken = der.clone();
            broken[at2] ^= (byte) (1 << random.nextInt(8));
            table.put("one bit flipped at byte " + at2 + " of " + der.length, b -> b.credentials("key-id", pem("PRIVATE KEY", broken)));
        }

        List<String> problems = new ArrayList<>();
        int refused = 0;
        int leaked = 0;
        for (Map.Entry<String, Consumer<KalshiClientBuilder>> row : table.entrySet()) {
            try (KalshiClient client = buildWith(row.getValue())) {
                problems.add(row.getKey() + ": accepted");
            } catch (KalshiAuthException e) {
                refused++;
                if (carriesKeyMaterial(String.valueOf(e.getMessage()) + e, body)) {
                    leaked++;
                    problems.add(row.getKey() + ": key material in the message");
                }
            } catch (Exception | Error e) {
                problems.add(row.getKey() + ": " + Reliability.describe(e));
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("keys", table.size());
        figures.put("refusedWithKalshiAuthException", refused);
        figures.put("keyMaterialInMessages", leaked);
        figures.put("defects", problems.size());
        Reliability.record("bad-keys", figures);
        assertTrue(problems.isEmpty(), String.valueOf(problems));
    }

    private Path write(String name, String content) throws java.io.IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static KalshiClient buildWith(Consumer<KalshiClientBuilder> keys) {
        KalshiClientBuilder b = KalshiClient.builder().config(KalshiConfig.builder().baseUrl("http://127.0.0.1:9/trade-api/v2").build());
        keys.accept(b);
        return b.build();
    }

    /** Any 16 characters of the key's base64 body, or a PEM key line, in the text. */
    static boolean carriesKeyMaterial(String text, String base64Body) {
        if (text.contains("PRIVATE KEY-----\n") || text.contains("MII")) {
            return true;
        }
        for (int i = 0; i + 16 <= base64Body.length(); i += 8) {
            if (text.contains(base64Body.substring(i, i + 16))) {
                return true;
            }
        }
        return false;
    }
}
