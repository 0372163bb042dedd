package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared PEM plumbing for {@link PrivateKeys} and {@link PublicKeys}. Every error message built here
 * describes the input's shape (labels, algorithms, sizes) and never echoes its content.
 */
final class PemBlocks {

    /** Smallest RSA modulus Kalshi accepts and this SDK will sign with. */
    static final int MIN_RSA_BITS = 2048;

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

    private static final Map<ASN1ObjectIdentifier, String> ALGORITHM_NAMES = Map.of(
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            X9ObjectIdentifiers.id_dsa, "DSA",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448",
            EdECObjectIdentifiers.id_X25519, "X25519",
            EdECObjectIdentifiers.id_X448, "X448",
            PKCSObjectIdentifiers.dhKeyAgreement, "DH");

    private PemBlocks() {
    }

    /** Decodes bytes as text, rejecting null, empty and binary (DER) input with a precise message. */
    static String text(byte[] input, String source) {
        if (input == null) {
            throw new KalshiAuthException(source + " is null");
        }
        // A DER key starts with SEQUENCE (0x30) and a long-form length byte, which no text file does.
        if (input.length > 1 && (input[0] & 0xFF) == 0x30 && (input[1] & 0xFF) >= 0x81 && (input[1] & 0xFF) <= 0x84) {
            throw new KalshiAuthException(source + " looks like binary DER, not PEM; convert it with "
                    + "'openssl pkey -in key.der -inform DER -out key.pem'");
        }
        return text(new String(input, StandardCharsets.UTF_8), source);
    }

    /** Validates that the text is non-empty and contains at least one PEM block; returns it without a BOM. */
    static String text(String input, String source) {
        if (input == null) {
            throw new KalshiAuthException(source + " is null");
        }
        String text = input.startsWith("\uFEFF") ? input.substring(1) : input;
        if (text.isBlank()) {
            throw new KalshiAuthException(source + " is empty");
        }
        if (!text.contains("-----BEGIN ")) {
            throw new KalshiAuthException(source + " is not PEM: expected a '-----BEGIN ...-----' line");
        }
        return text;
    }

    /** Labels of the PEM blocks in order of appearance, e.g. {@code RSA PRIVATE KEY}. */
    static List<String> labels(String pem) {
        List<String> labels = new ArrayList<>();
        Matcher m = BEGIN.matcher(pem);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    /** Reads every object Bouncy Castle can recognise in the PEM text. */
    static List<Object> parse(String pem, String source) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object next;
            while ((next = parser.readObject()) != null) {
                objects.add(next);
            }
        } catch (IOException | RuntimeException e) {
            // The cause is deliberately not chained: its message or nested causes could quote decoded
            // input, and this exception must never carry key material.
            throw new KalshiAuthException(source + " could not be parsed (" + labelSummary(pem) + "): "
                    + safeMessage(e));
        }
        if (objects.isEmpty()) {
            throw new KalshiAuthException(source + " contains no complete PEM block ("
                    + labelSummary(pem) + "); check that the '-----END ...-----' line is present");
        }
        return objects;
    }

    /** Human-readable name for a key algorithm identifier. */
    static String algorithmName(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        return ALGORITHM_NAMES.getOrDefault(oid, "OID " + oid.getId());
    }

    /** True for the RSA key algorithms Kalshi keys use (plain rsaEncryption or RSASSA-PSS-restricted). */
    static boolean isRsa(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        return PKCSObjectIdentifiers.rsaEncryption.equals(oid) || PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid);
    }

    static String labelSummary(String pem) {
        List<String> labels = labels(pem);
        return labels.isEmpty() ? "no PEM label found" : "found " + String.join(", ", labels);
    }

    private static String safeMessage(Exception e) {
        String message = e.getMessage();
        // A message long enough to contain base64 data is not worth the risk of echoing key bytes.
        return message == null || message.length() > 120 || message.contains("\n")
                ? e.getClass().getSimpleName()
                : message;
    }
}
