package dev.antigravity.api.http.resource;

import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.model.ProductQuery;
import dev.antigravity.api.model.ProductSort;
import dev.antigravity.api.model.SortDirection;
import dev.antigravity.api.service.ProductInput;
import dev.antigravity.api.service.ProductService;
import dev.antigravity.api.service.StorableText;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigDecimal;
import java.util.Set;

/** {@code /api/products}: anyone reads the catalogue; administrators change it. */
public final class ProductsHttpService implements HttpService {
    private static final Set<String> LIST_PARAMS =
            Set.of("page", "size", "sort", "direction", "name", "minPrice", "maxPrice", "inStock");
    private static final int MAX_NAME_FILTER = 200;

    private final ProductService products;

    public ProductsHttpService(ProductService products) {
        this.products = products;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/{id}", this::get)
                .put("/{id}", this::replace)
                .delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        res.send(products.list(query(req)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        res.send(products.get(RequestParams.id(req)));
    }

    private void create(ServerRequest req, ServerResponse res) {
        var admin = Actors.require(req, Role.ADMIN);
        Product created = products.create(admin, JsonBody.read(req, ProductInput.class));
        Created.send(req, res, created.id(), created);
    }

    private void replace(ServerRequest req, ServerResponse res) {
        var admin = Actors.require(req, Role.ADMIN);
        long id = RequestParams.id(req);
        res.send(products.replace(admin, id, JsonBody.read(req, ProductInput.class)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        var admin = Actors.require(req, Role.ADMIN);
        products.delete(admin, RequestParams.id(req));
        res.status(Status.NO_CONTENT_204).send();
    }

    private static ProductQuery query(ServerRequest req) {
        RequestParams.allowOnly(req, LIST_PARAMS);
        var name = RequestParams.text(req, "name");
        if (name.filter(n -> n.length() > MAX_NAME_FILTER || !StorableText.isStorable(n))
                .isPresent()) {
            throw ApiException.validation(
                    "name",
                    "must be at most " + MAX_NAME_FILTER
                            + " characters of well-formed text without control characters");
        }
        ProductSort sort = RequestParams.text(req, "sort")
                .map(field -> ProductSort.ofField(field)
                        .orElseThrow(
                                () -> ApiException.validation("sort", "must be one of " + ProductSort.allowedFields())))
                .orElse(ProductSort.ID);
        var minPrice = RequestParams.decimal(req, "minPrice", BigDecimal.ZERO, ProductService.MAX_PRICE);
        var maxPrice = RequestParams.decimal(req, "maxPrice", BigDecimal.ZERO, ProductService.MAX_PRICE);
        if (minPrice.isPresent() && maxPrice.isPresent() && minPrice.get().compareTo(maxPrice.get()) > 0) {
            throw ApiException.validation("minPrice", "must not be greater than maxPrice");
        }
        return new ProductQuery(
                name.filter(n -> !n.isEmpty()),
                minPrice,
                maxPrice,
                RequestParams.bool(req, "inStock"),
                sort,
                RequestParams.oneOf(req, "direction", SortDirection.class).orElse(SortDirection.ASC),
                RequestParams.page(req));
    }
}
