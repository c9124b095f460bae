package dev.antigravity.api.repository;

import dev.antigravity.api.model.NewUser;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.model.User;
import dev.antigravity.api.model.UserRole;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users table access; every method runs on the caller's connection or transaction. */
public final class UserRepository {
    private static final String COLUMNS = "id, subject, email, name, role, phone, sms_opt_in, created_at";
    private static final NamedStatement BY_SUBJECT =
            NamedStatement.of("SELECT " + COLUMNS + " FROM users WHERE subject = :subject");

    public User insert(DbExecute db, NewUser user, Instant now) {
        long id = Inserts.returningId(
                db.createInsert("INSERT INTO users (subject, email, name, role, phone, sms_opt_in, created_at) "
                                + "VALUES (:subject, :email, :name, :role, :phone, :smsOptIn, :createdAt)")
                        .addParam("subject", user.subject())
                        .addParam("email", user.email())
                        .addParam("name", user.name())
                        .addParam("role", user.role().name())
                        .addParam("phone", user.phone())
                        .addParam("smsOptIn", user.smsOptIn())
                        .addParam("createdAt", Times.utc(now)));
        return new User(id, user.subject(), user.email(), user.name(), user.role(), user.phone(), user.smsOptIn(), now);
    }

    public Optional<User> findById(DbExecute db, long id) {
        return db.createGet("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .addParam("id", id)
                .execute()
                .map(UserRepository::user);
    }

    /** The user of {@code subject}, for a {@link Pipeline}; read it with {@link #found}. */
    public Sql bySubject(String subject) {
        return BY_SUBJECT.query(Map.of("subject", subject));
    }

    public static Optional<User> found(Pipeline.Result query) {
        return query.row().map(UserRepository::user);
    }

    public Optional<User> findBySubject(DbExecute db, String subject) {
        return BY_SUBJECT
                .bind(db.createGet(BY_SUBJECT.sql()), Map.of("subject", subject))
                .execute()
                .map(UserRepository::user);
    }

    public Page<User> page(DbExecute db, PageRequest request) {
        List<User> users = db.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY id LIMIT :limit OFFSET :offset")
                .addParam("limit", request.size())
                .addParam("offset", request.offset())
                .execute()
                .map(UserRepository::user)
                .toList();
        long total = Counts.of(db, "SELECT COUNT(*) AS total FROM users", java.util.Map.of());
        return Page.of(users, request, total);
    }

    private static User user(DbRow row) {
        return new User(
                Columns.longValue(row, "id"),
                Columns.string(row, "subject"),
                Columns.string(row, "email"),
                Columns.string(row, "name"),
                UserRole.valueOf(Columns.string(row, "role")),
                Columns.nullableString(row, "phone"),
                Columns.bool(row, "sms_opt_in"),
                Columns.instant(row, "created_at"));
    }
}
