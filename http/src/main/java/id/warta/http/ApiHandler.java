package id.warta.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.crac.Core;
import org.crac.Resource;

/**
 * The Lambda face of an API function: API Gateway events through its {@link HttpFunction}, and the
 * SnapStart hooks. A subclass names its routes, wires its dependencies, and says how to prime.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    private final HttpFunction http;

    protected ApiHandler(HttpFunction http) {
        this.http = http;
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.handle(event, context);
    }

    /** For the production wiring: SnapStart runs {@link #prime} before it takes the snapshot. */
    protected final void primeBeforeSnapshots() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime(http);
    }

    @Override
    public final void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the SDK clients re-resolve credentials and connections on use, and the
        // access-token key set read while priming is re-read once its wall-clock age passes its interval.
    }

    /** Sends the synthetic requests that warm the hot paths; they must only read (see {@link HttpFunction#prime}). */
    protected abstract void prime(HttpFunction http);
}
