package dev.fleetdeck.transport;

/** Supplies the passphrase of an encrypted private key file. */
@FunctionalInterface
public interface PassphraseProvider {

    /**
     * @param keyFile the encrypted key
     * @param attempt 1 for the first ask, 2 after a wrong passphrase, …
     * @return the passphrase, or {@code null} to stop trying this key; the caller wipes the array after use
     */
    char[] passphrase(String keyFile, int attempt);

    PassphraseProvider NONE = (file, attempt) -> null;
}
