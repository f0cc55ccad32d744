package id.warta.mailer;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;
import software.amazon.awssdk.services.ses.model.SendEmailResponse;
import software.amazon.awssdk.services.ses.model.SesException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SES request the mailer makes, and how SES failures are classified. */
class SesMailSenderTest {
    private static final RenderedEmail EMAIL = new RenderedEmail("Aktifkan akun Warta Anda", "<p>Halo</p>", "Halo");

    private final List<SendEmailRequest> requests = new ArrayList<>();

    private SesClient ses(Supplier<RuntimeException> failure) {
        return new SesClient() {
            @Override
            public SendEmailResponse sendEmail(SendEmailRequest request) {
                requests.add(request);
                RuntimeException e = failure.get();
                if (e != null) {
                    throw e;
                }
                return SendEmailResponse.builder().messageId("m-1").build();
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

    private static SesException sesError(int status, String code) {
        return (SesException) SesException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    @Test
    void sendsBothPartsInUtf8FromTheSenderWithTheConfigurationSet() {
        new SesMailSender(ses(() -> null), "no-reply@warta.example", Optional.of("warta-mail")).send("sari@example.id", EMAIL);

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
        new SesMailSender(ses(() -> null), "no-reply@warta.example", Optional.empty()).send("sari@example.id", EMAIL);

        assertThat(requests.getFirst().configurationSetName()).isNull();
    }

    @Test
    void throttlingOutagesAndServerErrorsAreWorthRetrying() {
        for (RuntimeException failure : List.of(sesError(429, "TooManyRequestsException"), sesError(503, "ServiceUnavailable"),
                SdkClientException.create("connection refused"))) {
            SesMailSender sender = new SesMailSender(ses(() -> failure), "no-reply@warta.example", Optional.empty());

            assertThatThrownBy(() -> sender.send("sari@example.id", EMAIL))
                    .isInstanceOfSatisfying(MailSender.MailSendException.class, e -> assertThat(e.permanent()).isFalse());
        }
    }

    @Test
    void aRejectedMessageIsPermanent() {
        SesMailSender sender = new SesMailSender(ses(() -> sesError(400, "MessageRejected")), "no-reply@warta.example",
                Optional.empty());

        assertThatThrownBy(() -> sender.send("sari@example.id", EMAIL))
                .isInstanceOfSatisfying(MailSender.MailSendException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains("MessageRejected").doesNotContain("sari@");
                });
    }
}
