package dev.antigravity.api.service;

import static dev.antigravity.api.service.Fixtures.ADMIN;
import static dev.antigravity.api.service.Fixtures.fields;
import static dev.antigravity.api.service.Fixtures.problem;
import static dev.antigravity.api.service.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.model.User;
import dev.antigravity.api.model.UserRole;
import dev.antigravity.api.testsupport.TestDatabases.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UserServiceTest extends EngineTest {

    private UserService users(Engine engine) {
        return services(engine).users();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void registeredUserIsNormalisedStoredAndAudited(Engine engine) {
        String local = unique("O'Brien");
        User user = users(engine)
                .register(ADMIN, new UserRegistration(local + "@Example.COM", "Róisín O'Brien; --", "customer", null));

        assertThat(user.email()).isEqualTo(local.toLowerCase() + "@example.com");
        assertThat(user.subject()).isEqualTo(user.email());
        assertThat(user.role()).isEqualTo(UserRole.CUSTOMER);
        assertThat(user.name()).isEqualTo("Róisín O'Brien; --");
        assertThat(users(engine).get(ADMIN, user.id())).isEqualTo(user);
        var audit =
                services(engine).admin().auditLog(new PageRequest(0, 1)).items().getFirst();
        assertThat(audit.action()).isEqualTo("USER_CREATED");
        assertThat(audit.entityId()).isEqualTo(Long.toString(user.id()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void duplicateEmailOrSubjectConflicts(Engine engine) {
        String email = unique("dup") + "@example.com";
        users(engine).register(ADMIN, new UserRegistration(email, "First", "ADMIN", unique("sub")));

        ApiException sameEmail = problem(() -> users(engine)
                .register(ADMIN, new UserRegistration(email.toUpperCase(), "Second", "CUSTOMER", unique("sub"))));
        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.detail()).contains("email");

        String subject = unique("sub");
        users(engine).register(ADMIN, new UserRegistration(unique("a") + "@example.com", "A", "CUSTOMER", subject));
        ApiException sameSubject = problem(() -> users(engine)
                .register(ADMIN, new UserRegistration(unique("b") + "@example.com", "B", "CUSTOMER", subject)));
        assertThat(sameSubject.status()).isEqualTo(409);
        assertThat(sameSubject.detail()).contains("subject");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void invalidRegistrationNamesEveryField(Engine engine) {
        ApiException problem = problem(() -> users(engine)
                .register(ADMIN, new UserRegistration("not-an-email", "", "superuser", "bad\u0000subject")));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(fields(problem)).containsExactly("email", "name", "role", "subject");
        assertThat(fields(problem(() -> users(engine).register(ADMIN, new UserRegistration(null, null, null, null)))))
                .containsExactly("email", "name", "role");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCustomerSeesOnlyItself(Engine engine) {
        String subject = unique("me");
        User me = users(engine)
                .register(ADMIN, new UserRegistration(unique("me") + "@example.com", "Me", "CUSTOMER", subject));
        User other = users(engine)
                .register(ADMIN, new UserRegistration(unique("other") + "@example.com", "Other", "CUSTOMER", null));
        Actor actor = new Actor(subject, false, "c");

        assertThat(users(engine).me(actor)).isEqualTo(me);
        assertThat(users(engine).get(actor, me.id())).isEqualTo(me);
        assertThat(problem(() -> users(engine).get(actor, other.id())).status()).isEqualTo(404);
        assertThat(problem(() -> users(engine).me(new Actor(unique("stranger"), false, "c")))
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listPagesInIdOrder(Engine engine) {
        for (int i = 0; i < 3; i++) {
            users(engine).register(ADMIN, new UserRegistration(unique("p") + "@example.com", "P", "CUSTOMER", null));
        }
        var all = users(engine).list(new PageRequest(0, 100));
        var page = users(engine).list(new PageRequest(1, 2));
        assertThat(page.totalItems()).isEqualTo(all.totalItems()).isGreaterThanOrEqualTo(3);
        assertThat(page.items())
                .containsExactlyElementsOf(
                        all.items().subList(2, Math.min(4, all.items().size())));
    }

    /** Found by the fuzzing pass: each of these passed validation and then failed the INSERT (500). */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void emailsAndSubjectsAreCheckedAsTheyWillBeStored(Engine engine) {
        // 'İ' lower-cases to two characters: 246 of them make a 254-character address 500 long.
        String lengthenedByLowerCasing = "a@" + "İ".repeat(246) + ".com";
        ApiException lengthened = problem(() -> users(engine)
                .register(ADMIN, new UserRegistration(lengthenedByLowerCasing, "L", "CUSTOMER", unique("sub"))));
        assertThat(lengthened.status()).isEqualTo(400);
        assertThat(fields(lengthened)).containsExactly("email");
        assertThat(lengthened.errors().getFirst().message()).contains("once lower-cased");

        // Without a subject the email becomes the subject, whose column is 200 wide.
        String longEmail = unique("long") + "@" + "d".repeat(220) + ".com";
        ApiException noRoomForSubject =
                problem(() -> users(engine).register(ADMIN, new UserRegistration(longEmail, "L", "CUSTOMER", null)));
        assertThat(noRoomForSubject.status()).isEqualTo(400);
        assertThat(fields(noRoomForSubject)).containsExactly("subject");
        User withSubject =
                users(engine).register(ADMIN, new UserRegistration(longEmail, "L", "CUSTOMER", unique("sub")));
        assertThat(withSubject.email()).isEqualTo(longEmail);

        // PostgreSQL's driver would store an unpaired surrogate as '?': a silent change of the data.
        ApiException broken = problem(() -> users(engine)
                .register(
                        ADMIN, new UserRegistration(unique("u") + "@example.com", "x\uD800y", "CUSTOMER", "s\uDC00")));
        assertThat(fields(broken)).containsExactly("name", "subject");
        User emoji = users(engine)
                .register(
                        ADMIN,
                        new UserRegistration(unique("e") + "@example.com", "party \uD83C\uDF89", "CUSTOMER", null));
        assertThat(users(engine).get(ADMIN, emoji.id()).name()).isEqualTo("party \uD83C\uDF89");
    }
}
