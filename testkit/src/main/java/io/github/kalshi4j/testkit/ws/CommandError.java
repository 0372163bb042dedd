package io.github.kalshi4j.testkit.ws;

/**
 * A command the gateway refuses, with its code from the AsyncAPI's {@code x-error-codes}; sent back as an
 * {@code error} reply carrying the command's {@code id}. The message is the code's name, as Kalshi sends it.
 */
final class CommandError extends Exception {
    private static final long serialVersionUID = 1L;

    static final int UNABLE_TO_PROCESS = 1;
    static final int PARAMS_REQUIRED = 2;
    static final int CHANNELS_REQUIRED = 3;
    static final int SIDS_REQUIRED = 4;
    static final int UNKNOWN_COMMAND = 5;
    static final int ALREADY_SUBSCRIBED = 6;
    static final int UNKNOWN_SID = 7;
    static final int UNKNOWN_CHANNEL = 8;
    static final int AUTH_REQUIRED = 9;
    static final int INVALID_PARAMETER = 11;
    static final int EXACTLY_ONE_SID = 12;
    static final int UNSUPPORTED_ACTION = 13;
    static final int MARKET_REQUIRED = 14;
    static final int ACTION_REQUIRED = 15;
    static final int MARKET_NOT_FOUND = 16;
    static final int INTERNAL = 17;
    static final int SHARD_FACTOR_NOT_POSITIVE = 19;
    static final int SHARD_FACTOR_REQUIRED = 20;
    static final int SHARD_KEY_OUT_OF_RANGE = 21;
    static final int SHARD_FACTOR_TOO_LARGE = 22;
    static final int INDEX_IDS_REQUIRED = 24;
    static final int UNDERLYING_TICKERS_REQUIRED = 28;

    private final int code;
    private final String marketTicker;
    private final String marketId;

    private CommandError(int code, String marketTicker, String marketId) {
        super(nameOf(code), null, false, false);
        this.code = code;
        this.marketTicker = marketTicker;
        this.marketId = marketId;
    }

    static CommandError of(int code) {
        return new CommandError(code, null, null);
    }

    static CommandError forMarket(int code, String marketTicker) {
        return new CommandError(code, marketTicker, null);
    }

    static CommandError forMarketId(int code, String marketId) {
        return new CommandError(code, null, marketId);
    }

    int code() {
        return code;
    }

    String marketTicker() {
        return marketTicker;
    }

    String marketId() {
        return marketId;
    }

    private static String nameOf(int code) {
        return switch (code) {
            case UNABLE_TO_PROCESS -> "Unable to process message";
            case PARAMS_REQUIRED -> "Params required";
            case CHANNELS_REQUIRED -> "Channels required";
            case SIDS_REQUIRED -> "Subscription IDs required";
            case UNKNOWN_COMMAND -> "Unknown command";
            case ALREADY_SUBSCRIBED -> "Already subscribed";
            case UNKNOWN_SID -> "Unknown subscription ID";
            case UNKNOWN_CHANNEL -> "Unknown channel name";
            case AUTH_REQUIRED -> "Authentication required";
            case INVALID_PARAMETER -> "Invalid parameter";
            case EXACTLY_ONE_SID -> "Exactly one subscription ID is required";
            case UNSUPPORTED_ACTION -> "Unsupported action";
            case MARKET_REQUIRED -> "Market Ticker required";
            case ACTION_REQUIRED -> "Action required";
            case MARKET_NOT_FOUND -> "Market not found";
            case INTERNAL -> "Internal error";
            case SHARD_FACTOR_NOT_POSITIVE -> "shard_factor must be > 0";
            case SHARD_FACTOR_REQUIRED -> "shard_factor is required when shard_key is set";
            case SHARD_KEY_OUT_OF_RANGE -> "shard_key must be >= 0 and < shard_factor";
            case SHARD_FACTOR_TOO_LARGE -> "shard_factor must be <= 100";
            case INDEX_IDS_REQUIRED -> "Index IDs required";
            case UNDERLYING_TICKERS_REQUIRED -> "Underlying tickers required";
            default -> throw new IllegalArgumentException("no such WebSocket error code: " + code);
        };
    }
}
