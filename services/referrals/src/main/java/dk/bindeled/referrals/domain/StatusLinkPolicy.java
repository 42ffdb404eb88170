package dk.bindeled.referrals.domain;

import dk.bindeled.referrals.domain.ReferralLifecycle.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The status link: a partner without accounts (a volunteer association, a club) follows one referral through an address
 * that is the whole credential. It serves one purpose (this referral's status, and the resident's data only when the
 * issuer chose to and the consent holds at the moment of reading), it expires, and either side can revoke it. The
 * aggregate issues by these rules and the public read checks them again on every use, so a link never outlives them.
 */
public final class StatusLinkPolicy {

    public static final String NOT_ALLOWED = "status-link-not-allowed";
    public static final String TOO_MANY = "status-links-limit";
    public static final String REVOKED = "status-link-revoked";
    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 30;
    /** Open links of one referral at a time: each is a way in, so they stay few enough to keep track of. */
    public static final int MAX_OPEN = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private StatusLinkPolicy() {
    }

    /** When a link issued now for {@code days} (null: the default) expires. */
    public static Instant expiry(Integer days, Instant now) {
        int chosen = days == null ? DEFAULT_DAYS : days;
        if (chosen < 1 || chosen > MAX_DAYS) {
            throw new InvalidInputException("expiresInDays", "must be 1 to " + MAX_DAYS + " days");
        }
        return now.plus(Duration.ofDays(chosen));
    }

    /** A link is for a referral that has reached its recipient and was not entered in error. */
    public static void issuable(Status status) {
        if (status == Status.DRAFT) {
            throw new RuleViolationException(NOT_ALLOWED, "A draft has no status to follow: send the referral first");
        }
        if (status == Status.ENTERED_IN_ERROR) {
            throw new RuleViolationException(NOT_ALLOWED, "A referral entered in error gets no status link");
        }
    }

    /** Whether a link can be used at {@code now}: not revoked, not expired, its referral not entered in error. */
    public static boolean usable(boolean revoked, Instant expiresAt, Status status, Instant now) {
        return !revoked && now.isBefore(expiresAt) && status != Status.ENTERED_IN_ERROR;
    }

    /** 256 random bits, URL-safe: given out once, never stored. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored and looked up instead of the token, so neither the event store nor a backup holds a working link. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
