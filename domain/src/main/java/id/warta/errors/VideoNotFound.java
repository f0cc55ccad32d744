package id.warta.errors;

/** No published or scheduled video has this id. */
public final class VideoNotFound extends DomainException {
    public VideoNotFound() {
        super("video not found");
    }
}
