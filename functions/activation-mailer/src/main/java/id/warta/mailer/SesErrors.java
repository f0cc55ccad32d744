package id.warta.mailer;

import id.warta.mailer.MailSender.MailSendException;
import id.warta.mailer.MailSender.MailSendException.Outcome;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * What a failed {@code SendEmail} means for the email, from the SES API reference (the errors of
 * SendEmail, and the Common Errors of every AWS API) and the SES developer guide. SES's own word:
 * "If you try to send an email through Amazon SES and the call to Amazon SES fails, Amazon SES
 * returns an error message to your application and does not send the email." So an error answer
 * means not sent; only a missing answer leaves the outcome unknown.
 *
 * <table>
 *   <caption>SES answers and what the outbox does</caption>
 *   <tr><th>SES answer</th><th>kind</th><th>outcome</th></tr>
 *   <tr><td>{@code MessageRejected} (400: virus, invalid or unverified address, ...),
 *       {@code InvalidParameterValue}, {@code InvalidParameterCombination}, {@code MissingParameter},
 *       {@code ValidationError}, {@code MalformedQueryString}</td>
 *       <td>rejected</td><td>REJECTED: given up at once, the same message will never pass</td></tr>
 *   <tr><td>{@code Throttling}, {@code ThrottlingException} ("Maximum sending rate exceeded",
 *       "Daily message quota exceeded"; SES asks to wait up to 10 minutes), HTTP 429</td>
 *       <td>throttled</td><td>NOT_SENT: retried with back-off</td></tr>
 *   <tr><td>{@code InternalFailure} (500), {@code ServiceUnavailable} (503), any 5xx</td>
 *       <td>service</td><td>NOT_SENT: retried with back-off</td></tr>
 *   <tr><td>{@code ExpiredToken}, {@code ExpiredTokenException}, {@code InvalidClientTokenId},
 *       {@code UnrecognizedClientException}, {@code SignatureDoesNotMatch}, {@code IncompleteSignature},
 *       {@code MissingAuthenticationToken}, {@code AccessDenied}, {@code AccessDeniedException},
 *       {@code NotAuthorized}, {@code OptInRequired}, {@code RequestExpired}</td>
 *       <td>credentials</td><td>NOT_SENT: retried with back-off (a credential rotation or a policy
 *       being deployed passes; the email is not at fault, so the first 403 never gives up)</td></tr>
 *   <tr><td>{@code AccountSendingPausedException}, {@code ConfigurationSetSendingPausedException},
 *       {@code ConfigurationSetDoesNotExist}, {@code MailFromDomainNotVerifiedException} (SES could
 *       not read the MAIL FROM domain's MX record: DNS)</td>
 *       <td>account</td><td>NOT_SENT: retried with back-off (an operator or DNS fixes it; the
 *       email is not at fault)</td></tr>
 *   <tr><td>any other error answer</td><td>other</td><td>NOT_SENT: retried with back-off, so an
 *       error this table does not know costs attempts, never an email (4xx: taken to be about this
 *       message, so the run goes on with the next one)</td></tr>
 *   <tr><td>no connection (refused, unknown host, no route, connect timeout)</td>
 *       <td>unreachable</td><td>NOT_SENT: the request never left</td></tr>
 *   <tr><td>no answer after the request left (attempt timeout, read timeout, connection reset or
 *       closed before the answer, an answer that cannot be read)</td>
 *       <td>no answer</td><td>UNKNOWN: SES may have accepted it</td></tr>
 * </table>
 * Retries stop at the outbox's attempt budget, and every email given up is logged and counted. Every
 * failure but a rejection and an unknown 4xx is service-wide: the next message would fail alike.
 */
final class SesErrors {
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("MessageRejected", "rejected"),
            Map.entry("InvalidParameterValue", "rejected"),
            Map.entry("InvalidParameterCombination", "rejected"),
            Map.entry("MissingParameter", "rejected"),
            Map.entry("ValidationError", "rejected"),
            Map.entry("MalformedQueryString", "rejected"),
            Map.entry("ExpiredToken", "credentials"),
            Map.entry("ExpiredTokenException", "credentials"),
            Map.entry("InvalidClientTokenId", "credentials"),
            Map.entry("UnrecognizedClientException", "credentials"),
            Map.entry("SignatureDoesNotMatch", "credentials"),
            Map.entry("IncompleteSignature", "credentials"),
            Map.entry("MissingAuthenticationToken", "credentials"),
            Map.entry("AccessDenied", "credentials"),
            Map.entry("AccessDeniedException", "credentials"),
            Map.entry("NotAuthorized", "credentials"),
            Map.entry("OptInRequired", "credentials"),
            Map.entry("RequestExpired", "credentials"),
            Map.entry("AccountSendingPausedException", "account"),
            Map.entry("ConfigurationSetSendingPausedException", "account"),
            Map.entry("ConfigurationSetDoesNotExist", "account"),
            Map.entry("MailFromDomainNotVerifiedException", "account"));

    private SesErrors() {
    }

    static MailSendException classify(SdkException failure) {
        if (failure instanceof AwsServiceException answer) {
            String code = answer.awsErrorDetails() == null || answer.awsErrorDetails().errorCode() == null
                    ? "" : answer.awsErrorDetails().errorCode();
            String kind = answer.isThrottlingException() ? "throttled"
                    : KINDS.getOrDefault(code, answer.statusCode() >= 500 ? "service" : "other");
            String reason = "SES " + answer.statusCode() + " " + code + ": " + kind;
            boolean aboutThisMessage = "rejected".equals(kind) || "other".equals(kind);
            return new MailSendException(reason, "rejected".equals(kind) ? Outcome.REJECTED : Outcome.NOT_SENT,
                    !aboutThisMessage);
        }
        Throwable cause = rootCause(failure);
        if (neverLeft(cause)) {
            return new MailSendException("SES unreachable: " + cause.getClass().getSimpleName(), Outcome.NOT_SENT, true);
        }
        return new MailSendException("SES gave no answer: " + failure.getClass().getSimpleName()
                + (cause == failure ? "" : " (" + cause.getClass().getSimpleName() + ")"), Outcome.UNKNOWN, true);
    }

    /** Failures of the connection itself: the request was never written. */
    private static boolean neverLeft(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException
                // The JDK tells a connect timeout from a read timeout only by its message.
                || cause instanceof SocketTimeoutException && "Connect timed out".equalsIgnoreCase(cause.getMessage());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
