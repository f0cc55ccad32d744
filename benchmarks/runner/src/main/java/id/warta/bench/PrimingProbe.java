package id.warta.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.crac.Resource;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM: builds a handler as Lambda does (no-arg constructor, environment), optionally
 * runs its SnapStart priming hook, then times the first invocation, the one a restored snapshot serves.
 */
public final class PrimingProbe {
    private PrimingProbe() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        boolean prime = Boolean.parseBoolean(args[1]);
        String eventJson = Files.readString(Path.of(args[2]));
        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) type.getConstructor().newInstance();
        if (prime) {
            ((Resource) handler).beforeCheckpoint(null);
        }
        Class<?> input = inputType(type);
        PojoSerializer serializer = LambdaEventSerializers.serializerFor(input, type.getClassLoader());
        long started = System.nanoTime();
        handler.handleRequest(serializer.fromJson(eventJson), null);
        System.out.println("FIRST_INVOCATION_MS=" + (System.nanoTime() - started) / 1_000_000.0);
    }

    /** The parameter type of the handler's own (non-bridge) handleRequest. */
    private static Class<?> inputType(Class<?> handler) {
        for (Method method : handler.getMethods()) {
            if (method.getName().equals("handleRequest") && !method.isBridge() && method.getParameterCount() == 2) {
                return method.getParameterTypes()[0];
            }
        }
        throw new IllegalArgumentException(handler + " is not a RequestHandler");
    }
}
