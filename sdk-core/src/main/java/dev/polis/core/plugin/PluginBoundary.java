package dev.polis.core.plugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import dev.polis.api.InvalidInputException;

/**
 * Wraps objects a plugin hands to the host so that every call into them crosses the boundary properly.
 *
 * <p>Around each call the thread context class loader is the plugin's; an unexpected exception is turned
 * into an {@link ExtensionFailureException} naming the plugin, the object and the method; and objects
 * returned through Polis API interfaces (a {@code ChatModel} from a provider, an {@code Environment} from
 * its provider) are wrapped the same way. The proxy also implements the plugin's own public sub-interfaces of
 * {@code type} that the object implements (GovSim's {@code GovSimAgent} beside {@code Agent}), so the plugin's code
 * that receives its object back through the host still sees what it made.
 */
final class PluginBoundary {

    private static final String API_PACKAGE = "dev.polis.api.";

    private PluginBoundary() {
    }

    /**
     * Returns a proxy of {@code type} over {@code target} owned by {@code pluginId}.
     *
     * @param label how messages name the object, for example {@code ChatModelProvider 'openai'}
     */
    static <T> T wrap(Class<T> type, T target, String pluginId, ClassLoader loader, String label) {
        if (target == null || Proxy.isProxyClass(target.getClass())
                && Proxy.getInvocationHandler(target) instanceof Handler) {
            return target;
        }
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        interfaces.add(type);
        ClassLoader proxyLoader = type.getClassLoader();
        for (Class<?> extra : publicInterfaces(target.getClass())) {
            if (type.isAssignableFrom(extra) && visible(extra, loader)) {
                interfaces.add(extra); // the plugin's own sub-interface (GovSim's GovSimAgent), seen by its own code
                proxyLoader = loader;
            }
        }
        Object proxy = Proxy.newProxyInstance(proxyLoader, interfaces.toArray(Class<?>[]::new),
                new Handler(target, pluginId, loader, label));
        return type.cast(proxy);
    }

    /** Returns the public interfaces {@code type} implements, its superclasses' and their super-interfaces. */
    private static Set<Class<?>> publicInterfaces(Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            todo.addAll(Arrays.asList(c.getInterfaces()));
        }
        while (!todo.isEmpty()) {
            Class<?> next = todo.pop();
            if (Modifier.isPublic(next.getModifiers()) && all.add(next)) {
                todo.addAll(Arrays.asList(next.getInterfaces()));
            }
        }
        return all;
    }

    private static boolean visible(Class<?> type, ClassLoader loader) {
        try {
            return loader != null && Class.forName(type.getName(), false, loader) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Returns whether objects of {@code type} returned from a plugin should be wrapped too. */
    static boolean isApiInterface(Class<?> type) {
        return type.isInterface() && type.getName().startsWith(API_PACKAGE);
    }

    private record Handler(Object target, String pluginId, ClassLoader loader, String label)
            implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> label + " from plugin '" + pluginId + "'";
                };
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw translate(method, e.getCause());
            } finally {
                thread.setContextClassLoader(previous);
            }
            Class<?> returnType = method.getReturnType();
            if (result != null && isApiInterface(returnType)) {
                return wrapReturned(returnType, result, method);
            }
            return result;
        }

        private <R> R wrapReturned(Class<R> returnType, Object result, Method method) {
            String returnedLabel = returnType.getSimpleName() + " from " + label + "." + method.getName() + "()";
            return wrap(returnType, returnType.cast(result), pluginId, loader, returnedLabel);
        }

        private Throwable translate(Method method, Throwable cause) {
            if (cause instanceof InvalidInputException || cause instanceof ExtensionFailureException
                    || cause instanceof Error && !(cause instanceof LinkageError)) {
                return cause;
            }
            if (!(cause instanceof RuntimeException) && !(cause instanceof Error)
                    && Arrays.asList(method.getExceptionTypes()).stream().anyMatch(t -> t.isInstance(cause))) {
                return cause;
            }
            String message = "plugin '" + pluginId + "': " + label + " failed in " + method.getName() + "(): "
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return new ExtensionFailureException(pluginId, message, cause);
        }
    }
}
