package dev.antigravity.lambdas.simulation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Wraps a port in a dynamic proxy so that every call the hooks make is a scheduling point: the schedule may switch
 * to another invocation there, fail the call as AWS does (throttling, a 5xx), or kill the invocation (a Lambda
 * timeout between two steps).
 */
final class PortCalls {

    /** Decides what happens around one port call; runs on the calling invocation's thread. */
    interface Hook {
        void before(String port, String method);

        void after(String port, String method);
    }

    /** Thrown into an invocation the schedule kills: an Error, so the hooks' own catch blocks do not swallow it. */
    static final class Killed extends Error {
        Killed(String where) {
            super("invocation killed at " + where, null, false, false);
        }
    }

    /** A transient AWS failure (ThrottlingException, a 5xx, a timeout): a retry may succeed. */
    static final class TransientAwsException extends RuntimeException {
        TransientAwsException(String message) {
            super(message, null, false, false);
        }
    }

    private PortCalls() {}

    static <T> T intercept(Class<T> port, T target, Hook hook) {
        String name = port.getSimpleName();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            hook.before(name, method.getName());
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            hook.after(name, method.getName());
            return result;
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }
}
