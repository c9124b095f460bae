package dev.antigravity.api.service;

import dev.antigravity.api.model.NewUser;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.model.User;
import dev.antigravity.api.model.UserRole;
import dev.antigravity.api.repository.Constraints;
import dev.antigravity.api.repository.Transactions;
import dev.antigravity.api.repository.UserRepository;
import io.helidon.dbclient.DbClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Registering and reading users. */
public final class UserService {
    /** Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not our job. */
    /** The width of users.email (RFC 5321's limit on a path). */
    private static final int MAX_EMAIL_LENGTH = 254;
    /** The width of users.subject, the JWT subject a user signs in with. */
    private static final int MAX_SUBJECT_LENGTH = 200;
    /** E.164: a plus, then up to 15 digits, the first not zero. */
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final DbClient db;
    private final Transactions transactions;
    private final UserRepository users;
    private final AuditTrail audit;
    private final Clock clock;

    public UserService(DbClient db, UserRepository users, AuditTrail audit, Clock clock) {
        this.db = db;
        this.transactions = new Transactions(db);
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public User register(Actor actor, UserRegistration registration) {
        NewUser user = validate(registration);
        Instant now = Clocks.now(clock);
        try {
            return transactions.inTransaction(tx -> {
                User created = users.insert(tx, user, now);
                audit.record(
                        tx,
                        actor,
                        "USER_CREATED",
                        "user",
                        created.id(),
                        Map.of("email", created.email(), "subject", created.subject(), "role", created.role()),
                        now);
                return created;
            });
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw ServiceException.conflict(
                        Constraints.mentions(e, "uq_users_subject")
                                ? "A user with subject '" + user.subject() + "' already exists."
                                : "A user with email '" + user.email() + "' already exists.");
            }
            throw e;
        }
    }

    public Page<User> list(PageRequest page) {
        return users.page(db.execute(), page);
    }

    /** The user registered for the caller's token subject. */
    public User me(Actor actor) {
        return users.findBySubject(db.execute(), actor.subject())
                .orElseThrow(() ->
                        ServiceException.notFound("No user is registered for subject '" + actor.subject() + "'."));
    }

    /** Any user for an administrator; otherwise only the caller's own record (others look absent). */
    public User get(Actor actor, long id) {
        return users.findById(db.execute(), id)
                .filter(user -> actor.admin() || user.subject().equals(actor.subject()))
                .orElseThrow(() -> ServiceException.notFound("User " + id + " does not exist."));
    }

    private static NewUser validate(UserRegistration registration) {
        Validation v = new Validation();
        if (registration == null) {
            throw ServiceException.malformed("A JSON object with email, name and role is required.");
        }
        // Checked as stored: lower-casing can lengthen text ('İ' becomes two characters).
        String email =
                registration.email() == null ? null : registration.email().toLowerCase(Locale.ROOT);
        if (registration.email() != null
                && registration.email().length() <= MAX_EMAIL_LENGTH
                && email.length() > MAX_EMAIL_LENGTH) {
            v.check(false, "email", "must be at most " + MAX_EMAIL_LENGTH + " characters once lower-cased");
        } else if (v.text(email, "email", MAX_EMAIL_LENGTH)) {
            v.check(EMAIL.matcher(email).matches(), "email", "must be an email address like name@example.com");
        }
        v.text(registration.name(), "name", 200);
        UserRole role = null;
        if (v.check(registration.role() != null, "role", "is required")) {
            role = Arrays.stream(UserRole.values())
                    .filter(r -> r.name().equalsIgnoreCase(registration.role()))
                    .findFirst()
                    .orElse(null);
            v.check(role != null, "role", "must be one of ADMIN, CUSTOMER");
        }
        if (registration.subject() != null) {
            v.text(registration.subject(), "subject", MAX_SUBJECT_LENGTH);
        } else if (email != null && email.length() <= MAX_EMAIL_LENGTH) {
            v.check(
                    email.length() <= MAX_SUBJECT_LENGTH,
                    "subject",
                    "is required when the email is longer than " + MAX_SUBJECT_LENGTH
                            + " characters (it defaults to the email)");
        }
        boolean smsOptIn = Boolean.TRUE.equals(registration.smsOptIn());
        if (registration.phone() != null) {
            v.check(
                    PHONE.matcher(registration.phone()).matches(),
                    "phone",
                    "must be an E.164 number like +4915112345678");
        } else {
            v.check(!smsOptIn, "smsOptIn", "needs a phone number");
        }
        v.throwIfInvalid();
        String subject = registration.subject() != null ? registration.subject() : email;
        return new NewUser(subject, email, registration.name(), role, registration.phone(), smsOptIn);
    }
}
