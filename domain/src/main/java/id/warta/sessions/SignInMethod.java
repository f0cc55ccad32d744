package id.warta.sessions;

/** How a reader came to hold an access token: the {@code Method} of the {@code SignIns} metric. */
public enum SignInMethod {
    /** An address and password ({@code POST /auth/login}). */
    PASSWORD("Password"),
    /** An OpenID Connect ID token of a configured provider ({@code POST /auth/oidc/{provider}}). */
    OIDC("Oidc"),
    /** A session credential rotated for a new access token ({@code POST /auth/refresh}). */
    REFRESH("Refresh");

    private final String dimensionValue;

    SignInMethod(String dimensionValue) {
        this.dimensionValue = dimensionValue;
    }

    /** The value of the metric's {@code Method} dimension. */
    public String dimensionValue() {
        return dimensionValue;
    }
}
