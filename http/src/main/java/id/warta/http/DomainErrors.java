package id.warta.http;

import id.warta.errors.AccountNotFound;
import id.warta.errors.ArticleNotFound;
import id.warta.errors.DependencyUnavailable;
import id.warta.errors.DomainException;
import id.warta.errors.PreconditionFailed;
import id.warta.errors.RateLimited;
import id.warta.errors.SessionEnded;
import id.warta.errors.SignInRequired;
import id.warta.errors.SignInUnverifiable;
import id.warta.errors.TokenInvalid;
import id.warta.errors.UnknownProvider;
import id.warta.errors.VideoNotFound;
import id.warta.errors.ValidationFailed;
import id.warta.errors.WrongCredentials;

/**
 * The one place where a refused business rule becomes what the client reads: status, the contract's
 * error code and the Indonesian message. The switch is exhaustive over the sealed domain exceptions,
 * so a new kind does not compile until it has its answer here.
 */
public final class DomainErrors {
    private DomainErrors() {
    }

    public static ApiException toApi(DomainException refused) {
        return switch (refused) {
            case ValidationFailed e -> ApiException.validation(e.fields());
            case RateLimited e -> ApiException.rateLimited(Math.ceilDiv(e.retryAfter().toMillis(), 1000));
            case TokenInvalid e -> ApiException.of(ErrorCode.TOKEN_INVALID, "Tautan tidak valid atau sudah kedaluwarsa.");
            case WrongCredentials e -> ApiException.of(ErrorCode.UNAUTHORIZED, "Email atau kata sandi salah.");
            case SignInRequired e -> ApiException.of(ErrorCode.UNAUTHORIZED, "Silakan masuk kembali.");
            case SessionEnded e -> ApiException.of(ErrorCode.UNAUTHORIZED, "Sesi telah berakhir. Silakan masuk kembali.");
            case SignInUnverifiable e -> ApiException.of(ErrorCode.UNAUTHORIZED, "Masuk dengan akun ini tidak dapat diverifikasi.");
            case ArticleNotFound e -> ApiException.of(ErrorCode.ARTICLE_NOT_FOUND, "Artikel tidak ditemukan.");
            case VideoNotFound e -> ApiException.of(ErrorCode.NOT_FOUND, "Video tidak ditemukan.");
            case AccountNotFound e -> ApiException.of(ErrorCode.NOT_FOUND, "Akun tidak ditemukan.");
            case UnknownProvider e -> ApiException.of(ErrorCode.NOT_FOUND, "Penyedia login tidak dikenal.");
            case PreconditionFailed e -> ApiException.of(ErrorCode.PRECONDITION_FAILED,
                    "Versi yang diminta (If-Match) bukan versi tersimpan; tidak ada yang diubah.");
            case DependencyUnavailable e -> ApiException.unavailable();
        };
    }
}
