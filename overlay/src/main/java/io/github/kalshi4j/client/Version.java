package io.github.kalshi4j.client;

/** The kalshi4j version, for the User-Agent. */
final class Version {

    /** The version string (from the jar manifest when packaged). */
    static final String VERSION = version();

    private Version() {
    }

    private static String version() {
        String v = Version.class.getPackage() == null ? null : Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
