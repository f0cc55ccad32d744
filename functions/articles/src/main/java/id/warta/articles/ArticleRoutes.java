package id.warta.articles;

import id.warta.errors.ArticleNotFound;
import id.warta.content.AccessLevel;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.http.QueryParams;
import id.warta.http.ReaderIdentity;
import id.warta.http.ReaderResolver;
import id.warta.identity.AccessClaims;

import java.util.Optional;

/** GET /articles, GET /articles/{slug}, GET /editors-picks and GET /videos: parse, read, choose the cache policy. */
final class ArticleRoutes {
    private final ArticleReads reads;
    private final ReaderIdentity identity;
    private final ReaderResolver readers;

    ArticleRoutes(ArticleReads reads, ReaderIdentity identity, ReaderResolver readers) {
        this.reads = reads;
        this.identity = identity;
        this.readers = readers;
    }

    ApiResponse list(ApiRequest request) {
        CachePolicy cache = cachePolicy(request);
        int limit = QueryParams.intInRange(request, "limit", 1, 50, 20);
        return ApiResponse.ok(reads.list(request.query("section"), request.query("edition"), limit,
                request.query("cursor")), cache);
    }

    ApiResponse article(ApiRequest request) {
        ReaderIdentity.readerId(request);
        Optional<AccessClaims> claims = identity.bearer(request);
        ArticleJson.Full article = reads.article(request.slug(), claims)
                .orElseThrow(ArticleNotFound::new);
        // A shared cache may keep only what every anonymous reader gets alike: teasers and meters stay private.
        boolean sameForEveryone = claims.isEmpty() && article.access().level() == AccessLevel.FREE;
        return ApiResponse.ok(article, sameForEveryone ? CachePolicy.PUBLIC_SHORT : CachePolicy.PRIVATE);
    }

    ApiResponse editorsPicks(ApiRequest request) {
        return ApiResponse.ok(reads.editorsPicks(), cachePolicy(request));
    }

    ApiResponse videos(ApiRequest request) {
        CachePolicy cache = cachePolicy(request);
        return ApiResponse.ok(reads.videos(QueryParams.intInRange(request, "limit", 1, 20, 5)), cache);
    }

    /**
     * Validates the caller's identity headers, the revocation of a bearer token included (one read of
     * its account: a token issued before a password reset or a sign-out everywhere is 401 here too);
     * content that is the same for every anonymous reader may be cached publicly.
     */
    CachePolicy cachePolicy(ApiRequest request) {
        return readers.resolve(request).signedIn() ? CachePolicy.PRIVATE : CachePolicy.PUBLIC_SHORT;
    }
}
