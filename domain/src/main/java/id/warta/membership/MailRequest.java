package id.warta.membership;

/**
 * What became of an activation resend or a reset request, which the reader is never told: the
 * contract answers both the same way whatever happened (a reset request "always" 202; an address
 * nobody registered never rate limited), so a client past its hourly ceiling gets that answer too,
 * and only the operators' count of limited requests tells it apart.
 */
public enum MailRequest {
    /** Within the client's ceiling: sent, or skipped by the address's own limit, as the address's state decides. */
    HANDLED,
    /** The client had made its registrations, resends and reset requests for the hour: nothing was read or sent. */
    OVER_CLIENT_CEILING
}
