package id.warta.local.browser;

/** A failed request a test provokes on purpose (a rate-limit step, a refused sign-in): status 0 is a network error. */
record ExpectedResponse(String method, String path, int status) {
    boolean matches(FailedRequest failed) {
        return method.equalsIgnoreCase(failed.method()) && path.equals(failed.path()) && status == failed.status();
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + (status > 0 ? String.valueOf(status) : "network error");
    }
}
