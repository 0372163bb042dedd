package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Cross-checks the signature format and key parsing against the openssl command line tool, when present. */
class OpenSslInteropTest {

    private static final List<String> PSS_OPTIONS = List.of(
            "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha256");

    private static Path openssl;

    @TempDir
    Path dir;

    @BeforeAll
    static void findOpenssl() {
        openssl = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, "openssl"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }

    @Test
    void signatureFormat_matchesOpensslInBothDirections() throws Exception {
        assumeTrue(openssl != null, "openssl is not on the PATH");
        KeyPair pair = TestKeys.rsa2048();
        String message = "1703123456789POST/trade-api/v2/portfolio/orders";
        Path messageFile = Files.write(dir.resolve("message.txt"), message.getBytes(StandardCharsets.UTF_8));
        Path keyFile = Files.writeString(dir.resolve("key.pem"), TestKeys.pkcs8Pem(pair.getPrivate()));
        Path publicFile = Files.writeString(dir.resolve("public.pem"), TestKeys.publicKeyPem(pair));

        // openssl signs, our verifier accepts.
        Path opensslSignature = dir.resolve("openssl.sig");
        run(concat(List.of("dgst", "-sha256", "-sign", keyFile.toString()), PSS_OPTIONS,
                List.of("-out", opensslSignature.toString(), messageFile.toString())));
        String opensslBase64 = Base64.getEncoder().encodeToString(Files.readAllBytes(opensslSignature));
        assertTrue(RsaPssVerifier.verify(opensslBase64, message, pair.getPublic()));

        // We sign with each provider, openssl verifies.
        for (RsaPssSigner.Provider provider : TestKeys.availableProviders()) {
            RsaPssSigner signer = RsaPssSigner.fromPath("key", keyFile).withProvider(provider);
            Path ourSignature = Files.write(dir.resolve("ours-" + provider + ".sig"),
                    Base64.getDecoder().decode(signer.sign(message.getBytes(StandardCharsets.UTF_8))));
            String output = run(concat(List.of("dgst", "-sha256", "-verify", publicFile.toString()), PSS_OPTIONS,
                    List.of("-signature", ourSignature.toString(), messageFile.toString())));
            assertTrue(output.contains("Verified OK"), provider + ": " + output);
        }
    }

    @Test
    void opensslGeneratedKeys_loadInPkcs1AndPkcs8() throws Exception {
        assumeTrue(openssl != null, "openssl is not on the PATH");
        Path pkcs8 = dir.resolve("pkcs8.pem");
        Path pkcs1 = dir.resolve("pkcs1.pem");
        run(List.of("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", pkcs8.toString()));
        run(List.of("rsa", "-in", pkcs8.toString(), "-traditional", "-out", pkcs1.toString()));
        assertTrue(Files.readString(pkcs8).contains("BEGIN PRIVATE KEY"));
        assertTrue(Files.readString(pkcs1).contains("BEGIN RSA PRIVATE KEY"));

        RSAPrivateKey a = PrivateKeys.fromPath(pkcs8);
        RSAPrivateKey b = PrivateKeys.fromPath(pkcs1);
        assertEquals(a.getModulus(), b.getModulus());
        assertEquals(a.getPrivateExponent(), b.getPrivateExponent());
    }

    @Test
    void opensslEncryptedKey_rejectedWithClearMessage() throws Exception {
        assumeTrue(openssl != null, "openssl is not on the PATH");
        Path plain = Files.writeString(dir.resolve("plain.pem"), TestKeys.pkcs8Pem(TestKeys.rsa2048().getPrivate()));
        Path encrypted = dir.resolve("encrypted.pem");
        run(List.of("pkey", "-in", plain.toString(), "-aes256", "-passout", "pass:secret", "-out", encrypted.toString()));
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPath(encrypted));
        assertTrue(e.getMessage().contains("encrypted keys are not supported"), e.getMessage());
        assertTrue(e.getMessage().contains(encrypted.toString()), e.getMessage());
    }

    private String run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(openssl.toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl timed out");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + text);
        return text;
    }

    private static List<String> concat(List<String> head, List<String> middle, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(middle);
        all.addAll(tail);
        return all;
    }
}
