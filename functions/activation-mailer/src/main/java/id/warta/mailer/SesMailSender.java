package id.warta.mailer;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Sends through SES v2 from the configured sender identity, with the configuration set when one is given. */
public final class SesMailSender implements MailSender {
    private final SesV2Client ses;
    private final String sender;
    private final Optional<String> configurationSet;

    public SesMailSender(SesV2Client ses, String sender, Optional<String> configurationSet) {
        this.ses = ses;
        this.sender = sender;
        this.configurationSet = configurationSet;
    }

    @Override
    public void send(String recipient, RenderedEmail email) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(sender)
                .destination(d -> d.toAddresses(recipient))
                .content(c -> c.simple(m -> m
                        .subject(utf8(email.subject()))
                        .body(b -> b.html(utf8(email.html())).text(utf8(email.text())))));
        configurationSet.ifPresent(request::configurationSetName);
        try {
            ses.sendEmail(request.build());
        } catch (SesV2Exception e) {
            // 4xx other than throttling (a rejected message or address, an unverified sender) will not
            // succeed on retry; throttling and 5xx may.
            boolean permanent = e.statusCode() >= 400 && e.statusCode() < 500 && !e.isThrottlingException()
                    && e.statusCode() != 429;
            throw new MailSendException("SES " + e.statusCode() + " " + errorCode(e), permanent);
        } catch (SdkException e) {
            throw new MailSendException("SES unreachable: " + e.getClass().getSimpleName(), false);
        }
    }

    private static String errorCode(SesV2Exception e) {
        return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }
}
