package id.warta.local;

import id.warta.config.AwsClients;
import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.http.JwtAccessTokens;
import id.warta.identity.AccessTokens;
import id.warta.identity.SigningKeyRing;
import id.warta.secrets.AccessTokenKeys;
import id.warta.secrets.SecretsManagerSecrets;
import id.warta.secrets.ServerKey;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole stack of template.yaml on this machine: emulators, tables as declared, and every
 * function built with the environment the template gives it (pointed at the local endpoints).
 */
public final class LocalCloud implements AutoCloseable {
    public static final String REGION = "us-east-1";

    private final Path root;
    private final SamTemplate template;
    private final Emulators emulators;
    private final LocalSecretsManager secretsManager;
    private final Intrinsics intrinsics;
    private final Map<String, String> extraEnvironment;
    private final DynamoDbClient dynamo;
    private final AwsCredentialsIdentity adminCredentials = AwsCredentialsIdentity.create(
            "AKIA" + HexFormat.of().withUpperCase().formatHex(randomBytes(8)), randomText(30));
    private final Map<String, LocalFunction> functions = new ConcurrentHashMap<>();
    private final LocalClock clock = new LocalClock();

    private LocalCloud(Path root, SamTemplate template, Emulators emulators, LocalSecretsManager secretsManager,
                       Map<String, String> parameters, Map<String, String> extraEnvironment) {
        this.root = root;
        this.template = template;
        this.emulators = emulators;
        this.secretsManager = secretsManager;
        this.intrinsics = new Intrinsics(template, parameters, REGION);
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        Map<String, String> harness = new HashMap<>(awsEnvironment());
        harness.put(AwsSettings.DYNAMODB_ENDPOINT, emulators.dynamoDbEndpoint().toString());
        this.dynamo = AwsClients.dynamoDb(AwsSettings.from(new Env(harness)));
    }

    /**
     * Starts the emulators and creates the tables.
     *
     * @param parameterOverrides local values of template parameters (SiteUrl, ...); the rest take
     *                           their defaults, and DynamoDbEndpoint, SesEndpoint and
     *                           SecretsManagerEndpoint the emulators; the template's secrets are
     *                           generated afresh (LocalSecretsManager)
     * @param extraEnvironment   added to every function's environment (tests use it for short timings)
     */
    public static LocalCloud start(Map<String, String> parameterOverrides, Map<String, String> extraEnvironment) {
        Path root = ProjectRoot.find();
        return start(root, Emulators.start(root), parameterOverrides, extraEnvironment);
    }

    public static LocalCloud start(Path root, Emulators emulators, Map<String, String> parameterOverrides,
                                   Map<String, String> extraEnvironment) {
        return start(root, emulators, LocalSecretsManager.start("127.0.0.1", 0), parameterOverrides, extraEnvironment);
    }

    /** As {@link #start(Path, Emulators, Map, Map)}, with a Secrets Manager started elsewhere (bin/dev: on a fixed port for sam local). */
    public static LocalCloud start(Path root, Emulators emulators, LocalSecretsManager secretsManager,
                                   Map<String, String> parameterOverrides, Map<String, String> extraEnvironment) {
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Stage", "local");
        parameters.put("DynamoDbEndpoint", emulators.dynamoDbEndpoint().toString());
        parameters.put("SesEndpoint", emulators.sesEndpoint().toString());
        parameters.put("SecretsManagerEndpoint", secretsManager.endpoint().toString());
        template.parameters().forEach((name, value) -> {
            Object defaultValue = SamTemplate.map(template.parameters(), name).get("Default");
            if (defaultValue != null) {
                parameters.putIfAbsent(name, defaultValue.toString());
            }
        });
        parameters.putAll(parameterOverrides);
        LocalCloud cloud = new LocalCloud(root, template, emulators, secretsManager, parameters, extraEnvironment);
        secretsManager.createAll(template);
        LocalTables.createAll(template, cloud.dynamo);
        // An in-memory dynalite comes back from a crash empty; tables that survived are left as they are.
        emulators.onDynamoDbRestart(() -> LocalTables.createAll(template, cloud.dynamo));
        return cloud;
    }

    private static String randomText(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] random = new byte[count];
        new SecureRandom().nextBytes(random);
        return random;
    }

    public Path root() {
        return root;
    }

    public SamTemplate template() {
        return template;
    }

    public Emulators emulators() {
        return emulators;
    }

    /** The template's secrets (the access-token keys among them), which tests may rotate. */
    public LocalSecretsManager secretsManager() {
        return secretsManager;
    }

    /** The access-token key ring of a function that signs or verifies tokens, read as that function reads it. */
    public SigningKeyRing accessTokenKeys() {
        Env env = environmentWith(AccessTokenKeys.SECRET_ARN);
        return AccessTokenKeys.from(env, SecretsManagerSecrets.from(env, AwsSettings.from(env))).ring(Clock.systemUTC());
    }

    /** The server key of session chains, read as the accounts function reads it. */
    public String serverKey() {
        Env env = environmentWith(ServerKey.SECRET_ARN);
        return ServerKey.from(env, SecretsManagerSecrets.from(env, AwsSettings.from(env))).read();
    }

    private Env environmentWith(String variable) {
        return new Env(environmentOf(template.functions().stream()
                .filter(f -> f.environment().containsKey(variable)).findFirst().orElseThrow()));
    }

    /** Access tokens as the functions issue them (the harness signs readers in without a password). */
    public AccessTokens accessTokens() {
        return new JwtAccessTokens(accessTokenKeys(), Clock.systemUTC());
    }

    public Intrinsics intrinsics() {
        return intrinsics;
    }

    /**
     * The IAM identity that may call the routes the template authorises with AWS_IAM (the local API
     * server verifies their Signature Version 4 against it); new for every run, like the token secret.
     */
    public AwsCredentialsIdentity adminCredentials() {
        return adminCredentials;
    }

    /** The time every function of this stack reads: the machine's, unless a test moved it forward. */
    public LocalClock clock() {
        return clock;
    }

    /** A client for the harness itself (seeding, assertions), configured like the functions' own. */
    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /**
     * The environment of one function: the template's variables resolved locally (the endpoints among
     * them), plus the region and credentials Lambda gives every function.
     */
    public Map<String, String> environmentOf(SamTemplate.Function function) {
        Map<String, String> environment = new HashMap<>();
        function.environment().forEach((name, value) -> environment.put(name, intrinsics.resolveString(value)));
        environment.putAll(awsEnvironment());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        environment.putAll(extraEnvironment);
        return environment;
    }

    /** The function built once, like a warm Lambda container. */
    public LocalFunction function(String logicalId) {
        return functions.computeIfAbsent(logicalId, id -> {
            SamTemplate.Function definition = template.functions().stream()
                    .filter(f -> f.logicalId().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No function " + id + " in template.yaml"));
            return new LocalFunction(definition, environmentOf(definition), clock);
        });
    }

    private Map<String, String> awsEnvironment() {
        Map<String, String> aws = new HashMap<>();
        aws.put("AWS_REGION", REGION);
        aws.put("AWS_ACCESS_KEY_ID", "local");
        aws.put("AWS_SECRET_ACCESS_KEY", "local");
        return aws;
    }

    @Override
    public void close() {
        dynamo.close();
        secretsManager.close();
        emulators.close();
    }
}
