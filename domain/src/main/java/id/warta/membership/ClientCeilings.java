package id.warta.membership;

/**
 * The per-client limits a stack configures (template parameters FailedSignInsPerIp and
 * MailRequestsPerIpPerHour); a client is its {@link ClientNetwork}, and 0 switches a limit off.
 *
 * @param failedSignIns   failed sign-ins from one client within 15 minutes, across addresses
 * @param mailRequestsPerHour registrations, resends and reset requests from one client per hour
 */
public record ClientCeilings(int failedSignIns, int mailRequestsPerHour) {
    /** The limits switched off. */
    public static final ClientCeilings NONE = new ClientCeilings(0, 0);
}
