package dev.antigravity.api.http.resource;

import dev.antigravity.api.http.auth.LocalTokens;
import dev.antigravity.api.http.auth.Role;
import java.util.Optional;
import java.util.UUID;

/** Who calls the API in a test: nobody, a customer or an administrator, with a signed local token. */
record Caller(String name, Optional<String> subject, Role role) {
    static final Caller ANONYMOUS = new Caller("anonymous", Optional.empty(), Role.CUSTOMER);

    static Caller customer(String name) {
        return new Caller(name, Optional.of(name + "-" + UUID.randomUUID()), Role.CUSTOMER);
    }

    static Caller admin(String name) {
        return new Caller(name, Optional.of(name + "-" + UUID.randomUUID()), Role.ADMIN);
    }

    Optional<String> bearer() {
        return subject.map(s -> "Bearer " + LocalTokens.mint(s, role));
    }

    @Override
    public String toString() {
        return name;
    }
}
