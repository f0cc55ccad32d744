package id.warta.accounts;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Records, in order, every call the domain makes to the stores it is given ("AccountStore.find"), so
 * that a test can compare the work two requests do: each store method is one DynamoDB round trip of
 * a fixed kind in the Dynamo implementations (or a fixed pair, as {@link AccountStore#findByEmail}).
 */
final class StoreCalls {
    private static final Set<String> READS = Set.of("find", "findByEmail", "findByIdentity", "read", "standInRead");

    private final List<String> calls = new ArrayList<>();

    /** {@code target}, with every call through {@code type} recorded. */
    <T> T recorded(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                synchronized (calls) {
                    calls.add(type.getSimpleName() + "." + method.getName());
                }
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    /** The calls recorded since the last time, and forgets them. */
    List<String> take() {
        synchronized (calls) {
            List<String> taken = List.copyOf(calls);
            calls.clear();
            return taken;
        }
    }

    /** "read" or "write" for each call, in order. */
    static List<String> kinds(List<String> calls) {
        return calls.stream().map(call -> READS.contains(call.substring(call.indexOf('.') + 1)) ? "read" : "write").toList();
    }
}
