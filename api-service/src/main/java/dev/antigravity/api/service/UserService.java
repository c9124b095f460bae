package dev.antigravity.api.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.model.NewUser;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.model.User;
import dev.antigravity.api.model.UserRole;
import dev.antigravity.api.repository.Constraints;
import dev.antigravity.api.repository.Transactions;
import dev.antigravity.api.repository.UserRepository;

import io.helidon.dbclient.DbClient;

/** Registering and reading users. */
public final class UserService {
    /** Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not our job. */
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
                audit.recordIfAdmin(tx, actor, "USER_CREATED", "user", created.id(),
                        Map.of("email", created.email(), "subject", created.subject(), "role", created.role()), now);
                return created;
            });
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw ApiException.conflict(Constraints.mentions(e, "uq_users_subject")
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
                .orElseThrow(() -> ApiException.notFound("No user is registered for subject '" + actor.subject() + "'."));
    }

    /** Any user for an administrator; otherwise only the caller's own record (others look absent). */
    public User get(Actor actor, long id) {
        return users.findById(db.execute(), id)
                .filter(user -> actor.admin() || user.subject().equals(actor.subject()))
                .orElseThrow(() -> ApiException.notFound("User " + id + " does not exist."));
    }

    private static NewUser validate(UserRegistration registration) {
        Validation v = new Validation();
        if (registration == null) {
            throw ApiException.badRequest("A JSON object with email, name and role is required.");
        }
        String email = registration.email();
        if (v.text(email, "email", 254)) {
            v.check(EMAIL.matcher(email).matches(), "email", "must be an email address like name@example.com");
        }
        v.text(registration.name(), "name", 200);
        UserRole role = null;
        if (v.check(registration.role() != null, "role", "is required")) {
            role = Arrays.stream(UserRole.values()).filter(r -> r.name().equalsIgnoreCase(registration.role()))
                    .findFirst().orElse(null);
            v.check(role != null, "role", "must be one of ADMIN, CUSTOMER");
        }
        if (registration.subject() != null) {
            v.text(registration.subject(), "subject", 200);
        }
        v.throwIfInvalid();
        String normalisedEmail = email.toLowerCase(Locale.ROOT);
        String subject = registration.subject() != null ? registration.subject() : normalisedEmail;
        return new NewUser(subject, normalisedEmail, registration.name(), role);
    }
}
