package dev.antigravity.api.http;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Enumerates the routes a piece of wiring registers, without a server: an
 * {@link HttpRouting.Builder} that records every {@code get/post/.../route(...)} call, descends
 * into {@code register(prefix, service)} and ignores everything else (filters, error handlers).
 * Helidon offers no way to list a built routing, and its builder interfaces are large, hence a
 * dynamic proxy. Routes come out as "METHOD /path/{param}", the shape the OpenAPI document uses.
 */
final class RouteRecorder implements InvocationHandler {
    private static final Set<String> VERBS =
            Set.of("get", "post", "put", "delete", "patch", "head", "options", "trace", "any");

    private final String prefix;
    private final Set<String> routes;

    private RouteRecorder(String prefix, Set<String> routes) {
        this.prefix = prefix;
        this.routes = routes;
    }

    /** The routes {@code wiring} registers. */
    static Set<String> record(java.util.function.Consumer<HttpRouting.Builder> wiring) {
        Set<String> routes = new TreeSet<>();
        wiring.accept(proxy("", routes));
        return routes;
    }

    private static HttpRouting.Builder proxy(String prefix, Set<String> routes) {
        return (HttpRouting.Builder) Proxy.newProxyInstance(
                RouteRecorder.class.getClassLoader(),
                new Class<?>[] {HttpRouting.Builder.class},
                new RouteRecorder(prefix, routes));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        String name = method.getName();
        Object[] a = args == null ? new Object[0] : args;
        if (VERBS.contains(name)) {
            String path = a.length > 0 && a[0] instanceof String p ? p : "";
            routes.add(name.toUpperCase(java.util.Locale.ROOT) + " " + RouteTable.normalize(prefix + path));
        } else if (name.equals("route")
                && a.length >= 2
                && a[0] instanceof io.helidon.http.Method m
                && a[1] instanceof String p) {
            routes.add(m.text() + " " + RouteTable.normalize(prefix + p));
        } else if (name.equals("route")) {
            throw new UnsupportedOperationException(
                    "route(HttpRoute) cannot be enumerated; use get/post/... or route(Method, path, handler)");
        } else if (name.equals("register")) {
            register(a);
        } else if (name.equals("build")) {
            throw new UnsupportedOperationException("a recorder builds nothing");
        }
        return method.getReturnType().isInstance(proxy) ? proxy : defaultValue(method.getReturnType());
    }

    private void register(Object[] a) {
        String childPrefix = prefix;
        Object services = a[0];
        if (a[0] instanceof String p) {
            childPrefix = prefix + p;
            services = a[1];
        }
        for (Object s : (Object[]) services) {
            HttpService service = s instanceof Supplier<?> supplier ? (HttpService) supplier.get() : (HttpService) s;
            service.routing(proxy(childPrefix, routes));
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class || type == double.class) {
            return 0;
        }
        return null;
    }
}
