package id.warta.errors;

/** No published article has this slug. */
public final class ArticleNotFound extends DomainException {
    public ArticleNotFound() {
        super("article not found");
    }
}
