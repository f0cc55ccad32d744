package id.warta.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.JsonProcessingException;
import id.warta.json.Json;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * One function of the template, built as Lambda builds it (its class, its environment) and invoked
 * with events deserialised the way the Lambda Java runtime does it.
 */
public final class LocalFunction {
    private final SamTemplate.Function definition;
    private final RequestHandler<Object, Object> handler;
    private final Class<?> inputType;

    @SuppressWarnings("unchecked")
    LocalFunction(SamTemplate.Function definition, Map<String, String> environment, Clock clock) {
        this.definition = definition;
        try {
            Class<?> type = Class.forName(definition.handlerClass());
            // Each handler has a constructor taking its environment and clock: several functions share this
            // JVM, System.getenv cannot differ between them, and the stack's clock is one they all read.
            this.handler = (RequestHandler<Object, Object>) type.getConstructor(Map.class, Clock.class)
                    .newInstance(environment, clock);
            this.inputType = inputTypeOf(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Handler class " + definition.handlerClass() + " is not on the classpath", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Handler " + definition.handlerClass() + " failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Handler " + definition.handlerClass()
                    + " needs a public constructor taking (Map<String, String> environment, Clock clock)", e);
        }
        if (!"handleRequest".equals(definition.handlerMethod())) {
            throw new IllegalStateException("Local functions call handleRequest; template says " + definition.handlerMethod());
        }
    }

    public String logicalId() {
        return definition.logicalId();
    }

    public Object invoke(Object event) {
        LocalContext context = new LocalContext(UUID.randomUUID().toString(), definition.logicalId(),
                definition.timeoutSeconds(), definition.memoryMb(), System.currentTimeMillis());
        return handler.handleRequest(event, context);
    }

    /** `sam local invoke -e`: the event file's JSON in, the handler's result as JSON out. */
    public String invokeJson(String eventJson) {
        Object event = fromJson(eventJson);
        Object result = invoke(event);
        return toJson(result);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object fromJson(String json) {
        if (inputType.getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
            PojoSerializer serializer = LambdaEventSerializers.serializerFor(inputType, getClass().getClassLoader());
            return serializer.fromJson(json);
        }
        try {
            return Json.mapper().readValue(json, inputType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event is not valid JSON for " + inputType.getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String toJson(Object result) {
        if (result == null) {
            return "null";
        }
        if (result.getClass().getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
            PojoSerializer serializer = LambdaEventSerializers.serializerFor(result.getClass(), LocalFunction.class.getClassLoader());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer.toJson(result, out);
            return out.toString(StandardCharsets.UTF_8);
        }
        try {
            return Json.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The I of RequestHandler<I, O>, declared by the handler or one of its superclasses. */
    private static Class<?> inputTypeOf(Class<?> handlerClass) {
        for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type input = p.getActualTypeArguments()[0];
                    return input instanceof ParameterizedType pi ? (Class<?>) pi.getRawType() : (Class<?>) input;
                }
            }
        }
        throw new IllegalStateException(handlerClass + " does not implement RequestHandler<I, O>");
    }
}
