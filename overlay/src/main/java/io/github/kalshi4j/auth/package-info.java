/**
 * Request signing for the Kalshi Trade API: key loading, RSA-PSS signers and the authentication headers.
 */
package io.github.kalshi4j.auth;
