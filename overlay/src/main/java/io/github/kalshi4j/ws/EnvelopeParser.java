package io.github.kalshi4j.ws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * The parser a data frame is bound through in one pass ({@link FrameDecoder#decodeData}): it hands every token on
 * unchanged and notes, as the payload's deserializer reads past them, what the tree-based decoding read from the frame
 * besides the payload: the envelope's {@code sid} and {@code seq} (the last of each, read as a tree's
 * {@code canConvertToLong} would) and every top-level {@code type}. It also notes any token that a Jackson tree would
 * hand to the deserializer differently, so that the frame is decoded from a tree instead and comes out the same:
 * a JSON float (the client's tree holds it as a {@code BigDecimal} without trailing zeros) and the integer {@code -0}
 * (a tree's text for it is {@code 0}).
 *
 * <p>Tokens are observed where they are handed out: {@code nextToken}, {@code nextFieldName} and {@code nextValue};
 * Jackson's other {@code next...} methods go through {@code nextToken} in the delegate base class.
 */
final class EnvelopeParser extends JsonParserDelegate {

    private static final int NONE = 0;
    private static final int TYPE = 1;
    private static final int SID = 2;
    private static final int SEQ = 3;

    private final String type;
    /** Which envelope member the next token is the value of. */
    private int pending = NONE;
    private long sid;
    private boolean seqPresent;
    private long seq;
    private boolean treeReadsDifferently;

    /**
     * @param parser the frame's parser, not yet advanced
     * @param type the envelope type the payload model was chosen for
     */
    EnvelopeParser(JsonParser parser, String type) {
        super(parser);
        this.type = type;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return observe(delegate.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    @Override
    public String nextFieldName() throws IOException {
        // The delegate's own nextFieldName is its fast path for object keys; keep it.
        String name = delegate.nextFieldName();
        if (name != null) {
            onName(name);
        } else {
            observe(delegate.currentToken());
        }
        return name;
    }

    /** The envelope's {@code sid}: 0 when absent or not an integer that fits a {@code long}. */
    long sid() {
        return sid;
    }

    /** The envelope's {@code seq}, when it is an integer that fits a {@code long}. */
    OptionalLong seq() {
        return seqPresent ? OptionalLong.of(seq) : OptionalLong.empty();
    }

    /**
     * True when the frame must be decoded from a tree instead: it holds a token a tree reads differently, or a
     * top-level {@code type} other than the one the payload was chosen for (a tree keeps the last of repeated keys).
     */
    boolean treeReadsDifferently() {
        return treeReadsDifferently;
    }

    private JsonToken observe(JsonToken t) throws IOException {
        if (t == null) {
            return null;
        }
        switch (t.id()) {
            case JsonTokenId.ID_FIELD_NAME:
                onName(delegate.currentName());
                return t;
            case JsonTokenId.ID_NUMBER_FLOAT:
                treeReadsDifferently = true;
                break;
            case JsonTokenId.ID_NUMBER_INT:
                if (isNegativeZero()) {
                    treeReadsDifferently = true;
                }
                break;
            default:
                break;
        }
        if (pending != NONE) {
            envelopeValue(t);
        }
        return t;
    }

    private void onName(String name) {
        int member = NONE;
        if ("type".equals(name)) {
            member = TYPE;
        } else if ("sid".equals(name)) {
            member = SID;
        } else if ("seq".equals(name)) {
            member = SEQ;
        }
        pending = member != NONE && isTopLevel(delegate.getParsingContext()) ? member : NONE;
    }

    /** A key of the frame's own object (a buffered parser's contexts keep no nesting depth, but do keep parents). */
    private static boolean isTopLevel(JsonStreamContext object) {
        JsonStreamContext parent = object.getParent();
        return parent != null && parent.inRoot();
    }

    private void envelopeValue(JsonToken t) throws IOException {
        int member = pending;
        pending = NONE;
        switch (member) {
            case TYPE:
                if (t != JsonToken.VALUE_STRING || !type.equals(delegate.getText())) {
                    treeReadsDifferently = true;
                }
                break;
            case SID:
                sid = fitsLong(t) ? delegate.getLongValue() : 0;
                break;
            case SEQ:
                seqPresent = fitsLong(t);
                seq = seqPresent ? delegate.getLongValue() : 0;
                break;
            default:
                break;
        }
    }

    /** An integer token a tree would hold as an int or long node (a larger one is a BigInteger node). */
    private boolean fitsLong(JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NUMBER_INT && delegate.getNumberType() != NumberType.BIG_INTEGER;
    }

    private boolean isNegativeZero() throws IOException {
        if (delegate.getTextLength() != 2) {
            return false;
        }
        char[] chars = delegate.getTextCharacters();
        int at = delegate.getTextOffset();
        return chars[at] == '-' && chars[at + 1] == '0';
    }
}
