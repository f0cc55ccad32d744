package id.warta.http;

/** One route of a function: turns a request into a response or throws {@link ApiException}. */
@FunctionalInterface
public interface Route {
    ApiResponse handle(ApiRequest request);
}
