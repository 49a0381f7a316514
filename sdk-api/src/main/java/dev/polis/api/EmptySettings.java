package dev.polis.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/** The settings of an extension configured without a block; see {@link Settings#empty()}. */
final class EmptySettings implements Settings {

    static final EmptySettings INSTANCE = new EmptySettings();

    private EmptySettings() {
    }

    @Override
    public Map<String, Object> asMap() {
        return Map.of();
    }

    @Override
    public <T> T bind(Class<T> type) {
        try {
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
                Object[] values = Arrays.stream(types).map(EmptySettings::defaultOf).toArray();
                Constructor<T> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(values);
            }
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new InvalidInputException("cannot create " + type.getSimpleName() + " from empty settings: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new InvalidInputException("cannot create " + type.getSimpleName() + " from empty settings: it is "
                    + "neither a record nor a class with a no-argument constructor", e);
        }
    }

    private static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }

    @Override
    public String toString() {
        return "settings={}";
    }
}
