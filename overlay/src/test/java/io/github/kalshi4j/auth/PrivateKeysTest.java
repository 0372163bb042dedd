package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PrivateKeysTest {

    private static final KeyPair PAIR = TestKeys.rsa2048();

    @TempDir
    Path dir;

    @Test
    void pkcs1AndPkcs8_loadTheSameKey() {
        String pkcs1 = TestKeys.pkcs1Pem(PAIR.getPrivate());
        String pkcs8 = TestKeys.pkcs8Pem(PAIR.getPrivate());
        assertTrue(pkcs1.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pkcs1.lines().findFirst().orElse(""));
        assertTrue(pkcs8.startsWith("-----BEGIN PRIVATE KEY-----"), pkcs8.lines().findFirst().orElse(""));

        RSAPrivateKey fromPkcs1 = PrivateKeys.fromPem(pkcs1);
        RSAPrivateKey fromPkcs8 = PrivateKeys.fromPem(pkcs8);

        RSAPrivateKey original = (RSAPrivateKey) PAIR.getPrivate();
        assertEquals(original.getModulus(), fromPkcs1.getModulus());
        assertEquals(original.getPrivateExponent(), fromPkcs1.getPrivateExponent());
        assertEquals(fromPkcs1.getModulus(), fromPkcs8.getModulus());
        assertEquals(fromPkcs1.getPrivateExponent(), fromPkcs8.getPrivateExponent());
        assertTrue(fromPkcs8 instanceof RSAPrivateCrtKey, "CRT parameters should survive for fast signing");
    }

    @Test
    void bytesInput_withBomAndCrlf_loadsTheSameKey() {
        String crlf = TestKeys.pkcs8Pem(PAIR.getPrivate()).replace("\n", "\r\n");
        byte[] withBom = ("\uFEFF" + crlf).getBytes(StandardCharsets.UTF_8);
        assertEquals(((RSAPrivateKey) PAIR.getPrivate()).getModulus(), PrivateKeys.fromPem(withBom).getModulus());
    }

    @Test
    void textAroundThePemBlock_isIgnored() {
        String pem = "Kalshi API key for bot\n" + TestKeys.pkcs1Pem(PAIR.getPrivate()) + "\n# end\n";
        assertEquals(((RSAPrivateKey) PAIR.getPrivate()).getModulus(), PrivateKeys.fromPem(pem).getModulus());
    }

    @Test
    void encryptedKey_rejectedWithClearMessage() {
        String pem = TestKeys.encryptedPkcs8Pem(PAIR.getPrivate(), "secret".toCharArray());
        assertTrue(pem.contains("BEGIN ENCRYPTED PRIVATE KEY"));
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pem));
        assertTrue(e.getMessage().contains("encrypted keys are not supported; decrypt with openssl pkey"),
                e.getMessage());
        assertNoKeyMaterial(e, pem);
    }

    @Test
    void encryptedPkcs1_procTypeHeader_rejectedWithClearMessage() {
        String pem = TestKeys.encryptedPkcs1Pem(PAIR.getPrivate(), "secret".toCharArray());
        assertTrue(pem.contains("Proc-Type: 4,ENCRYPTED"));
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pem));
        assertTrue(e.getMessage().contains("encrypted keys are not supported"), e.getMessage());
        assertNoKeyMaterial(e, pem);
    }

    @Test
    void keyTooSmall_rejected() {
        String pem = TestKeys.pkcs8Pem(TestKeys.rsa1024().getPrivate());
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pem));
        assertTrue(e.getMessage().contains("1024-bit RSA key; at least 2048 bits are required"), e.getMessage());
        assertNoKeyMaterial(e, pem);
    }

    @Test
    void ecKey_rejected_notRsa() {
        String pkcs8 = TestKeys.pkcs8Pem(TestKeys.ecP256().getPrivate());
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pkcs8));
        assertTrue(e.getMessage().contains("not an RSA key (found EC)"), e.getMessage());
        assertNoKeyMaterial(e, pkcs8);

        String traditional = TestKeys.pkcs1Pem(TestKeys.ecP256().getPrivate());
        assertTrue(traditional.contains("BEGIN EC PRIVATE KEY"));
        KalshiAuthException e2 = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(traditional));
        assertTrue(e2.getMessage().contains("not an RSA key (found EC)"), e2.getMessage());
    }

    @Test
    void publicKeyGivenInsteadOfPrivate_rejected() {
        String pem = TestKeys.publicKeyPem(PAIR);
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pem));
        assertTrue(e.getMessage().contains("contains a public key, not a private key"), e.getMessage());
        assertNoKeyMaterial(e, pem);
    }

    @Test
    void certificateGivenInsteadOfPrivate_rejected() {
        String pem = TestKeys.certificatePem(PAIR);
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pem));
        assertTrue(e.getMessage().contains("contains a certificate, not a private key"), e.getMessage());
    }

    @Test
    void emptyInput_rejected() {
        assertMessage("private key PEM is empty", () -> PrivateKeys.fromPem(""));
        assertMessage("private key PEM is empty", () -> PrivateKeys.fromPem("  \n\t "));
        assertMessage("private key PEM is empty", () -> PrivateKeys.fromPem(new byte[0]));
        assertMessage("private key PEM is null", () -> PrivateKeys.fromPem((String) null));
        assertMessage("private key PEM is null", () -> PrivateKeys.fromPem((byte[]) null));
    }

    @Test
    void notPem_rejected() {
        assertMessage("is not PEM", () -> PrivateKeys.fromPem("just some text, not a key"));
    }

    @Test
    void derBytes_rejectedWithConversionHint() throws Exception {
        byte[] der = PAIR.getPrivate().getEncoded();
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(der));
        assertTrue(e.getMessage().contains("binary DER, not PEM"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl pkey"), e.getMessage());
    }

    @Test
    void missingEndLine_rejected() {
        String pem = TestKeys.pkcs8Pem(PAIR.getPrivate()).replace("-----END PRIVATE KEY-----", "");
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pem));
        assertTrue(e.getMessage().startsWith("private key PEM "), e.getMessage());
        assertNoKeyMaterial(e, pem);
    }

    @Test
    void corruptBase64_rejectedWithoutEchoingIt() {
        String pem = TestKeys.pkcs1Pem(PAIR.getPrivate());
        List<String> lines = pem.lines().collect(Collectors.toList());
        String mangled = lines.get(0) + "\n" + lines.get(1).substring(0, 20) + "!!!*&^" + "\n"
                + String.join("\n", lines.subList(2, lines.size())) + "\n";
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(mangled));
        assertTrue(e.getMessage().contains("could not be parsed"),
                e.getMessage());
        assertNoKeyMaterial(e, pem);
    }

    @Test
    void unknownPemLabel_rejectedNamingTheLabel() {
        String pem = "-----BEGIN FOO BAR-----\nAAAA\n-----END FOO BAR-----\n";
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pem));
        assertTrue(e.getMessage().contains("FOO BAR"), e.getMessage());
    }

    @Test
    void openSshKey_rejectedWithConversionHint() {
        String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pem));
        assertTrue(e.getMessage().contains("OpenSSH"), e.getMessage());
        assertFalse(e.getMessage().contains("b3BlbnNzaC1rZXktdjEAAAAA"));
    }

    @Test
    void pemFile_loads() throws Exception {
        Path file = dir.resolve("kalshi.pem");
        Files.writeString(file, TestKeys.pkcs1Pem(PAIR.getPrivate()));
        assertEquals(((RSAPrivateKey) PAIR.getPrivate()).getModulus(), PrivateKeys.fromPath(file).getModulus());
        assertEquals(((RSAPrivateKey) PAIR.getPrivate()).getModulus(),
                PrivateKeys.fromPath(file.toString()).getModulus());
    }

    @Test
    void missingFile_namesPath() {
        Path missing = dir.resolve("no-such-key.pem");
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPath(missing));
        assertEquals("private key file not found: " + missing.toAbsolutePath(), e.getMessage());
    }

    @Test
    void directoryInsteadOfFile_rejected() {
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPath(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("is a directory"),
                e.getMessage());
    }

    @Test
    void unreadableFile_rejectedNamingPath() throws Exception {
        Path file = dir.resolve("locked.pem");
        Files.writeString(file, TestKeys.pkcs8Pem(PAIR.getPrivate()));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "file system without POSIX permissions");
        }
        // root (common in containers) reads files regardless of permissions.
        assumeTrue(!Files.isReadable(file), "running with privileges that ignore file permissions");
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPath(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString())
                && e.getMessage().contains("not readable"), e.getMessage());
    }

    @Test
    void emptyFile_rejectedNamingPath() throws Exception {
        Path file = dir.resolve("empty.pem");
        Files.writeString(file, "");
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPath(file));
        assertEquals("private key file " + file + " is empty", e.getMessage());
    }

    @Test
    void tildePath_expandsToHome() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".kalshi"));
        Files.writeString(home.resolve(".kalshi/key.pem"), TestKeys.pkcs8Pem(PAIR.getPrivate()));
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            assertEquals(home.resolve(".kalshi/key.pem"), PrivateKeys.expandHome("~/.kalshi/key.pem"));
            assertEquals(home, PrivateKeys.expandHome("~"));
            assertEquals(Path.of("~other/key.pem"), PrivateKeys.expandHome("~other/key.pem"));
            assertEquals(Path.of("/abs/key.pem"), PrivateKeys.expandHome("/abs/key.pem"));
            assertEquals(((RSAPrivateKey) PAIR.getPrivate()).getModulus(),
                    PrivateKeys.fromPath("~/.kalshi/key.pem").getModulus());
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    @Test
    void blankPath_rejected() {
        assertMessage("private key path is empty", () -> PrivateKeys.fromPath("  "));
    }

    @Test
    void everyRejection_neverContainsKeyMaterial() {
        String good = TestKeys.pkcs8Pem(PAIR.getPrivate());
        List<String> bad = List.of(
                TestKeys.pkcs8Pem(TestKeys.rsa1024().getPrivate()),
                TestKeys.pkcs8Pem(TestKeys.ecP256().getPrivate()),
                TestKeys.encryptedPkcs8Pem(PAIR.getPrivate(), "pw".toCharArray()),
                TestKeys.encryptedPkcs1Pem(PAIR.getPrivate(), "pw".toCharArray()),
                good.replace("-----END PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----"),
                good.replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY").replace("END PRIVATE KEY", "END RSA PRIVATE KEY"),
                good.substring(0, good.length() / 2) + "\n-----END PRIVATE KEY-----\n");
        for (String pem : bad) {
            KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pem));
            assertNoKeyMaterial(e, pem);
        }
    }

    /** Fails if the message or any cause's message quotes a base64 line of the PEM input. */
    static void assertNoKeyMaterial(Throwable e, String pem) {
        List<String> bodyLines = Arrays.stream(pem.split("\\R"))
                .map(String::trim)
                .filter(l -> l.length() >= 16 && !l.startsWith("-----") && !l.contains(":"))
                .collect(Collectors.toList());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String line : bodyLines) {
                assertFalse(message.contains(line.substring(0, 16)), "key material leaked into: " + message);
            }
        }
    }

    private static void assertMessage(String expectedPart, org.junit.jupiter.api.function.Executable call) {
        KalshiAuthException e = assertThrows(KalshiAuthException.class, call);
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    }
}
