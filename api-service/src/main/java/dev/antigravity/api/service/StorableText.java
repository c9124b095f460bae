package dev.antigravity.api.service;

/**
 * Text both databases store exactly as received. PostgreSQL refuses NUL and the JDBC driver
 * turns an unpaired UTF-16 surrogate into '?', so either would fail a write or silently change
 * the data (and a client reading it back would get JSON it cannot decode).
 */
public final class StorableText {
    private StorableText() {}

    /** No control characters at all, and well-formed Unicode. */
    public static boolean isStorable(String text) {
        return wellFormed(text) && text.chars().noneMatch(Character::isISOControl);
    }

    /** Like {@link #isStorable} but line breaks and tabs are allowed (descriptions). */
    public static boolean isStorableFreeText(String text) {
        return wellFormed(text) && text.chars().noneMatch(StorableText::forbiddenInFreeText);
    }

    private static boolean forbiddenInFreeText(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }

    /** Every surrogate belongs to a pair: high followed by low. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
