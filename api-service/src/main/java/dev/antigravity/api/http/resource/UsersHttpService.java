package dev.antigravity.api.http.resource;

import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.model.User;
import dev.antigravity.api.service.UserRegistration;
import dev.antigravity.api.service.UserService;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Set;

/** {@code /api/users}: administrators register and list users; every user reads itself. */
public final class UsersHttpService implements HttpService {
    private final UserService users;

    public UsersHttpService(UserService users) {
        this.users = users;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::register)
                .get("/", this::list)
                .get("/me", this::me)
                .get("/{id}", this::get);
    }

    private void register(ServerRequest req, ServerResponse res) {
        var admin = Actors.require(req, Role.ADMIN);
        RequestParams.allowOnly(req, Set.of());
        User user = users.register(admin, JsonBody.read(req, UserRegistration.class));
        Created.send(req, res, user.id(), user);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actors.require(req, Role.ADMIN);
        RequestParams.allowOnly(req, RequestParams.PAGING);
        res.send(users.list(RequestParams.page(req)));
    }

    private void me(ServerRequest req, ServerResponse res) {
        res.send(users.me(Actors.require(req)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        var actor = Actors.require(req);
        res.send(users.get(actor, RequestParams.id(req)));
    }
}
