package id.warta.mailer;

import id.warta.config.AwsClients;
import id.warta.config.AwsSettings;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.SesClientBuilder;
import software.amazon.awssdk.services.ses.model.Content;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends through SES from the configured sender identity, with the configuration set when one is given.
 * The classic SendEmail API does all we need, and its SDK module is half the size of SES v2's: it keeps
 * the function's package under 10 MB. Failures are classified by {@link SesErrors}.
 */
public final class SesMailSender implements MailSender {
    /**
     * How long one SendEmail may take. SES answers in a few hundred milliseconds (its slow tail well
     * under a second); a send that got no answer is an unknown outcome that may end in a duplicate,
     * and nobody waits on the mailer, so the limit sits far above any real answer: twice the 2.5 s
     * that a slow SES took in the fault tests, so a slow SES is still an answered one. The outbox
     * stops its run after such a failure, so at most one call per run waits this long.
     */
    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final SesClient ses;
    private final String sender;
    private final Optional<String> configurationSet;

    public SesMailSender(SesClient ses, String sender, Optional<String> configurationSet) {
        this.ses = ses;
        this.sender = sender;
        this.configurationSet = configurationSet;
    }

    /**
     * One attempt per call, never retried by the SDK: SendEmail has no idempotency key, so each
     * SDK retry of a timed-out send was a possible copy. The outbox decides about retries.
     */
    public static SesClient client(AwsSettings aws) {
        SesClientBuilder builder = SesClient.builder()
                .httpClient(AwsClients.httpClient(SEND_TIMEOUT))
                .region(aws.region())
                .credentialsProvider(aws.credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(SEND_TIMEOUT)
                        .apiCallTimeout(SEND_TIMEOUT)
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .build());
        aws.sesEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public String send(String recipient, RenderedEmail email) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .source(sender)
                .destination(d -> d.toAddresses(recipient))
                .message(m -> m
                        .subject(utf8(email.subject()))
                        .body(b -> b.html(utf8(email.html())).text(utf8(email.text()))));
        configurationSet.ifPresent(request::configurationSetName);
        try {
            return ses.sendEmail(request.build()).messageId();
        } catch (SdkException e) {
            throw SesErrors.classify(e);
        }
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }
}
