package id.warta.mailer;

import id.warta.config.AwsSettings;
import id.warta.mailer.MailSender.MailSendException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;
import software.amazon.awssdk.services.ses.model.SendEmailResponse;
import software.amazon.awssdk.services.ses.model.SesException;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SES request the mailer makes, its one-attempt client, and what every kind of SES failure means. */
class SesMailSenderTest {
    private static final RenderedEmail EMAIL = new RenderedEmail("Aktifkan akun Warta Anda", "<p>Halo</p>", "Halo");

    private final List<SendEmailRequest> requests = new ArrayList<>();

    private SesClient ses(SdkException failure) {
        return new SesClient() {
            @Override
            public SendEmailResponse sendEmail(SendEmailRequest request) {
                requests.add(request);
                if (failure != null) {
                    throw failure;
                }
                return SendEmailResponse.builder().messageId("0100019a-ses-message").build();
            }

            @Override
            public String serviceName() {
                return "ses";
            }

            @Override
            public void close() {
            }
        };
    }

    private MailSendException failureOf(SdkException failure) {
        SesMailSender sender = new SesMailSender(ses(failure), "no-reply@warta.example", Optional.empty());
        try {
            sender.send("sari@example.id", EMAIL);
        } catch (MailSendException e) {
            assertThat(e.getMessage()).doesNotContain("sari@");
            return e;
        }
        throw new AssertionError("the send did not fail");
    }

    private static SesException sesError(int status, String code) {
        return (SesException) SesException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("Sari sari@example.id").build()).build();
    }

    @Test
    void sendsBothPartsInUtf8FromTheSenderWithTheConfigurationSetAndReturnsSesMessageId() {
        String messageId = new SesMailSender(ses(null), "no-reply@warta.example", Optional.of("warta-mail"))
                .send("sari@example.id", EMAIL);

        assertThat(messageId).isEqualTo("0100019a-ses-message");
        SendEmailRequest request = requests.getFirst();
        assertThat(request.source()).isEqualTo("no-reply@warta.example");
        assertThat(request.destination().toAddresses()).containsExactly("sari@example.id");
        assertThat(request.configurationSetName()).isEqualTo("warta-mail");
        assertThat(request.message().subject().data()).isEqualTo("Aktifkan akun Warta Anda");
        assertThat(request.message().body().html().data()).isEqualTo("<p>Halo</p>");
        assertThat(request.message().body().text().data()).isEqualTo("Halo");
        assertThat(request.message().body().text().charset()).isEqualTo("UTF-8");
    }

    @Test
    void withoutAConfigurationSetNoneIsNamed() {
        new SesMailSender(ses(null), "no-reply@warta.example", Optional.empty()).send("sari@example.id", EMAIL);

        assertThat(requests.getFirst().configurationSetName()).isNull();
    }

    @Test
    void theClientMakesOneAttemptPerSendWithinTheSendTimeout() {
        AwsSettings aws = new AwsSettings(Region.US_EAST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                Optional.empty(), Optional.of(URI.create("http://127.0.0.1:1")));
        try (SesClient client = SesMailSender.client(aws)) {
            ClientOverrideConfiguration override = client.serviceClientConfiguration().overrideConfiguration();

            assertThat(override.retryStrategy()).hasValueSatisfying(strategy -> assertThat(strategy.maxAttempts()).isEqualTo(1));
            assertThat(override.apiCallAttemptTimeout()).contains(SesMailSender.SEND_TIMEOUT);
            assertThat(override.apiCallTimeout()).contains(SesMailSender.SEND_TIMEOUT);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "400, MessageRejected, REJECTED, rejected, false",
            "400, InvalidParameterValue, REJECTED, rejected, false",
            "400, Throttling, NOT_SENT, throttled, true",
            "400, ThrottlingException, NOT_SENT, throttled, true",
            "429, TooManyRequestsException, NOT_SENT, throttled, true",
            "500, InternalFailure, NOT_SENT, service, true",
            "503, ServiceUnavailable, NOT_SENT, service, true",
            "502, '', NOT_SENT, service, true",
            "403, ExpiredToken, NOT_SENT, credentials, true",
            "403, InvalidClientTokenId, NOT_SENT, credentials, true",
            "403, SignatureDoesNotMatch, NOT_SENT, credentials, true",
            "403, AccessDenied, NOT_SENT, credentials, true",
            "400, AccountSendingPausedException, NOT_SENT, account, true",
            "400, ConfigurationSetDoesNotExist, NOT_SENT, account, true",
            "400, MailFromDomainNotVerifiedException, NOT_SENT, account, true",
            "400, SomethingNewFromSes, NOT_SENT, other, false"})
    void anErrorAnswerMeansNotSentAndOnlyARejectionIsForGood(int status, String code, MailSendException.Outcome outcome,
                                                             String kind, boolean serviceWide) {
        MailSendException failure = failureOf(sesError(status, code));

        assertThat(failure.outcome()).isEqualTo(outcome);
        assertThat(failure.serviceWide()).isEqualTo(serviceWide);
        assertThat(failure.getMessage()).isEqualTo("SES " + status + " " + code + ": " + kind);
    }

    @Test
    void noConnectionMeansNotSent() {
        for (Throwable cause : List.of(new ConnectException("Connection refused"), new UnknownHostException("email.example"),
                new SocketTimeoutException("Connect timed out"))) {
            MailSendException failure = failureOf(SdkClientException.builder().message("Unable to execute HTTP request")
                    .cause(cause).build());

            assertThat(failure.outcome()).as(cause.toString()).isEqualTo(MailSendException.Outcome.NOT_SENT);
            assertThat(failure.serviceWide()).isTrue();
            assertThat(failure.getMessage()).startsWith("SES unreachable: ");
        }
    }

    @Test
    void noAnswerOnceTheRequestLeftMeansUnknown() {
        for (SdkException failure : List.of(
                ApiCallAttemptTimeoutException.create(SesMailSender.SEND_TIMEOUT.toMillis()),
                SdkClientException.builder().message("Unable to execute HTTP request").cause(new SocketTimeoutException("Read timed out")).build(),
                SdkClientException.builder().message("Unable to execute HTTP request").cause(new SocketException("Connection reset")).build(),
                SdkClientException.builder().message("Unable to execute HTTP request")
                        .cause(new SocketException("Unexpected end of file from server")).build())) {
            MailSendException unknown = failureOf(failure);

            assertThat(unknown.outcome()).as(failure.toString()).isEqualTo(MailSendException.Outcome.UNKNOWN);
            assertThat(unknown.serviceWide()).isTrue();
            assertThat(unknown.getMessage()).startsWith("SES gave no answer: ");
        }
    }

    @Test
    void theReasonNamesNoAddressEvenWhenSesMessageDoes() {
        assertThatThrownBy(() -> new SesMailSender(ses(sesError(400, "MessageRejected")), "no-reply@warta.example",
                Optional.empty()).send("sari@example.id", EMAIL))
                .isInstanceOfSatisfying(MailSendException.class, e -> assertThat(e.getMessage()).doesNotContain("@"));
    }
}
