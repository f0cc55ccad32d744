package id.warta.mailer;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.Content;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;
import software.amazon.awssdk.services.ses.model.SesException;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sends through SES from the configured sender identity, with the configuration set when one is given.
 * The classic SendEmail API does all we need, and its SDK module is half the size of SES v2's: it keeps
 * the function's package under 10 MB.
 */
public final class SesMailSender implements MailSender {
    private final SesClient ses;
    private final String sender;
    private final Optional<String> configurationSet;

    public SesMailSender(SesClient ses, String sender, Optional<String> configurationSet) {
        this.ses = ses;
        this.sender = sender;
        this.configurationSet = configurationSet;
    }

    @Override
    public void send(String recipient, RenderedEmail email) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .source(sender)
                .destination(d -> d.toAddresses(recipient))
                .message(m -> m
                        .subject(utf8(email.subject()))
                        .body(b -> b.html(utf8(email.html())).text(utf8(email.text()))));
        configurationSet.ifPresent(request::configurationSetName);
        try {
            ses.sendEmail(request.build());
        } catch (SesException e) {
            // 4xx other than throttling (a rejected message or address, an unverified sender) will not
            // succeed on retry; throttling and 5xx may.
            boolean permanent = e.statusCode() >= 400 && e.statusCode() < 500 && !e.isThrottlingException()
                    && e.statusCode() != 429;
            throw new MailSendException("SES " + e.statusCode() + " " + errorCode(e), permanent);
        } catch (SdkException e) {
            throw new MailSendException("SES unreachable: " + e.getClass().getSimpleName(), false);
        }
    }

    private static String errorCode(SesException e) {
        return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }
}
