package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestSignatureTest {

    private static final KeyPair PAIR = TestKeys.rsa2048();
    private static final String KEY_ID = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";
    private static final RsaPssSigner SIGNER = RsaPssSigner.of(KEY_ID, PAIR.getPrivate());

    @Test
    void signsTimestampMethodPath_verifiableWithPublicKey() {
        RequestSignature signed = RequestSignature.sign(SIGNER, "GET", "/trade-api/v2/portfolio/balance", 1703123456789L);

        Map<String, String> headers = signed.headers();
        assertEquals(List.of("KALSHI-ACCESS-KEY", "KALSHI-ACCESS-TIMESTAMP", "KALSHI-ACCESS-SIGNATURE"),
                List.copyOf(headers.keySet()));
        assertEquals(KEY_ID, headers.get("KALSHI-ACCESS-KEY"));
        assertEquals("1703123456789", headers.get("KALSHI-ACCESS-TIMESTAMP"));
        assertTrue(RsaPssVerifier.verify(headers.get("KALSHI-ACCESS-SIGNATURE"),
                "1703123456789GET/trade-api/v2/portfolio/balance", PAIR.getPublic()));
    }

    @Test
    void headersShortcut_matchesFullSignature() {
        Map<String, String> headers = RequestSignature.headers(SIGNER, "get", "/trade-api/v2/markets/", 99L);
        assertEquals(KEY_ID, headers.get(RequestSignature.ACCESS_KEY));
        assertEquals("99", headers.get(RequestSignature.ACCESS_TIMESTAMP));
        assertTrue(RsaPssVerifier.verify(headers.get(RequestSignature.ACCESS_SIGNATURE),
                RequestSignature.message(99L, "GET", "/trade-api/v2/markets"), PAIR.getPublic()));
    }

    @Test
    void method_isUpperCasedBeforeSigning() {
        RequestSignature signed = RequestSignature.sign(SIGNER, "post", "/trade-api/v2/portfolio/orders", 5L);
        assertEquals("POST", signed.method());
        assertTrue(RsaPssVerifier.verify(signed.signature(), "5POST/trade-api/v2/portfolio/orders", PAIR.getPublic()));
    }

    @Test
    void querystringAndTrailingSlash_areNotSigned_andPathIsWhatToSend() {
        RequestSignature signed = RequestSignature.sign(SIGNER, "GET",
                "/trade-api/v2/markets/?limit=100&cursor=abc%2fdef", 1700000000000L);
        assertEquals("/trade-api/v2/markets", signed.path());
        assertTrue(RsaPssVerifier.verify(signed.signature(), "1700000000000GET/trade-api/v2/markets", PAIR.getPublic()));
    }

    @Test
    void websocketHandshake_signsGetAndWsPath() {
        RequestSignature signed = RequestSignature.sign(SIGNER, "GET", "/trade-api/ws/v2", 1700000000000L);
        assertTrue(RsaPssVerifier.verify(signed.signature(), "1700000000000GET/trade-api/ws/v2", PAIR.getPublic()));
    }

    @Test
    void canonicalPath_stripsQueryAndTrailingSlash_upperCasesEscapes() {
        assertEquals("/trade-api/v2/markets", RequestSignature.canonicalPath("/trade-api/v2/markets/?status=open"));
        assertEquals("/trade-api/v2/events/KX%2FABC", RequestSignature.canonicalPath("/trade-api/v2/events/KX%2fABC/"));
        assertEquals("/a/%C3%A9%AB", RequestSignature.canonicalPath("/a/%c3%a9%aB"));
        assertEquals("/trade-api/v2/markets", RequestSignature.canonicalPath("/trade-api/v2/markets#frag"));
    }

    @Test
    void canonicalPath_rootStaysSlash_andOnlyOneTrailingSlashIsStripped() {
        assertEquals("/", RequestSignature.canonicalPath("/"));
        assertEquals("/", RequestSignature.canonicalPath("/?x=1"));
        assertEquals("/a/", RequestSignature.canonicalPath("/a//"));
    }

    @Test
    void canonicalPath_keepsLegalCharactersAndEscapesAsSent() {
        String path = "/trade-api/v2/markets/KXHIGHNY-24DEC31-B45.5/orderbook";
        assertEquals(path, RequestSignature.canonicalPath(path));
        assertEquals("/x/a:b@c!$&'()*+,;=~_.-", RequestSignature.canonicalPath("/x/a:b@c!$&'()*+,;=~_.-"));
        assertEquals("/x/%2F%20", RequestSignature.canonicalPath("/x/%2F%20"), "escapes are never decoded");
    }

    @Test
    void canonicalPath_encodesCharactersThatCannotBeSentRaw() {
        assertEquals("/a%20b", RequestSignature.canonicalPath("/a b"));
        assertEquals("/caf%C3%A9", RequestSignature.canonicalPath("/café"));
        assertEquals("/%F0%9F%98%80", RequestSignature.canonicalPath("/\uD83D\uDE00"));
        assertEquals("/50%25", RequestSignature.canonicalPath("/50%"));
        assertEquals("/%25zz", RequestSignature.canonicalPath("/%zz"));
        assertEquals("/%EF%BF%BD", RequestSignature.canonicalPath("/\uD83D"), "lone surrogate");
    }

    @Test
    void canonicalPath_isIdempotent() {
        for (String raw : List.of("/a b/%2f/", "/café?x", "/", "/trade-api/v2/markets/", "/50%")) {
            String once = RequestSignature.canonicalPath(raw);
            assertEquals(once, RequestSignature.canonicalPath(once), raw);
        }
    }

    @Test
    void canonicalPath_rejectsNullEmptyAndRelativePaths() {
        assertThrows(IllegalArgumentException.class, () -> RequestSignature.canonicalPath(null));
        assertThrows(IllegalArgumentException.class, () -> RequestSignature.canonicalPath(""));
        assertThrows(IllegalArgumentException.class, () -> RequestSignature.canonicalPath("?a=b"));
        assertThrows(IllegalArgumentException.class, () -> RequestSignature.canonicalPath("trade-api/v2/markets"));
        assertThrows(IllegalArgumentException.class,
                () -> RequestSignature.canonicalPath("https://api.elections.kalshi.com/trade-api/v2"));
    }

    @Test
    void message_isUtf8OfTimestampMethodCanonicalPath() {
        assertArrayEquals("42DELETE/trade-api/v2/portfolio/orders/abc".getBytes(StandardCharsets.UTF_8),
                RequestSignature.message(42L, "delete", "/trade-api/v2/portfolio/orders/abc/?x=1"));
    }

    @Test
    void invalidMethodOrTimestamp_rejected() {
        assertThrows(IllegalArgumentException.class, () -> RequestSignature.sign(SIGNER, "", "/a", 1L));
        assertThrows(IllegalArgumentException.class, () -> RequestSignature.sign(SIGNER, null, "/a", 1L));
        assertThrows(IllegalArgumentException.class, () -> RequestSignature.sign(SIGNER, "GET /x", "/a", 1L));
        assertThrows(IllegalArgumentException.class, () -> RequestSignature.sign(SIGNER, "GET", "/a", -1L));
    }

    @Test
    void clockOverload_usesClockMillis() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1712345678901L), ZoneOffset.UTC);
        RequestSignature signed = RequestSignature.sign(SIGNER, "GET", "/trade-api/v2/exchange/status", clock);
        assertEquals(1712345678901L, signed.timestampMillis());
        assertEquals("1712345678901", signed.headers().get(RequestSignature.ACCESS_TIMESTAMP));
    }

    @Test
    void headers_areImmutable() {
        Map<String, String> headers = RequestSignature.sign(SIGNER, "GET", "/a", 1L).headers();
        assertThrows(UnsupportedOperationException.class, () -> headers.put("x", "y"));
    }

    @Test
    void toString_omitsSignature() {
        RequestSignature signed = RequestSignature.sign(SIGNER, "GET", "/a", 1L);
        assertFalse(signed.toString().contains(signed.signature()));
        assertEquals("RequestSignature[GET /a, keyId=" + KEY_ID + ", timestamp=1]", signed.toString());
    }

    @Test
    void pluggableSigner_isUsed_andItsOutputChecked() {
        KalshiSigner external = new KalshiSigner() {
            @Override
            public String keyId() {
                return "hsm-key";
            }

            @Override
            public String sign(byte[] message) {
                return SIGNER.sign(message);
            }
        };
        RequestSignature signed = RequestSignature.sign(external, "GET", "/a", 7L);
        assertEquals("hsm-key", signed.keyId());
        assertTrue(RsaPssVerifier.verify(signed.signature(), "7GET/a", PAIR.getPublic()));

        for (String bad : new String[] {null, "", "abc", "a-b_", "AB=C", "abc\n"}) {
            KalshiSigner broken = new KalshiSigner() {
                @Override
                public String keyId() {
                    return "hsm-key";
                }

                @Override
                public String sign(byte[] message) {
                    return bad;
                }
            };
            KalshiAuthException e = assertThrows(KalshiAuthException.class,
                    () -> RequestSignature.sign(broken, "GET", "/a", 7L), String.valueOf(bad));
            assertTrue(e.getMessage().contains("hsm-key"), e.getMessage());
        }
    }
}
