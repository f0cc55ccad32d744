package id.warta.recommendations;

import id.warta.activity.View;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Views per article and co-visitation counts per pair of articles, for one hour or merged over a
 * window of hours. Built from raw views once per completed hour, stored compactly, and merged
 * later: the builder never re-reads old raw views.
 *
 * <p>A reading session is one reader's views within one hour bucket. Each reader counts at most
 * once per article per session (reloads are not popularity), and only the reader's first
 * {@value #MAX_ARTICLES_PER_SESSION} distinct articles form pairs, so one heavy reader adds at most
 * 190 pairs. Anonymous views (no reader id) count as views but cannot form pairs.
 */
public final class ViewCounts {
    /** Distinct articles of one session that form co-visitation pairs. */
    public static final int MAX_ARTICLES_PER_SESSION = 20;
    /** Pairs kept per hour, strongest first: bounds the builder's memory and the stored aggregate. */
    public static final int MAX_PAIRS_PER_HOUR = 150_000;
    private static final int FORMAT = 1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> slugs = new ArrayList<>();
    private int[] views = new int[256];
    private final PairCounts pairs = new PairCounts();

    public static ViewCounts ofHour(Collection<View> hourOfViews) {
        ViewCounts counts = new ViewCounts();
        Map<String, List<View>> sessions = new HashMap<>();
        for (View view : hourOfViews) {
            if (view.reader().isAnonymous()) {
                counts.addViews(counts.id(view.slug()), 1);
            } else {
                sessions.computeIfAbsent(view.reader().value(), r -> new ArrayList<>()).add(view);
            }
        }
        for (List<View> session : sessions.values()) {
            counts.addSession(session);
        }
        counts.pairs.retainLargest(MAX_PAIRS_PER_HOUR);
        return counts;
    }

    private void addSession(List<View> session) {
        session.sort(Comparator.comparing(View::at));
        Set<Integer> distinct = new LinkedHashSet<>();
        session.forEach(v -> distinct.add(id(v.slug())));
        int[] articles = distinct.stream().mapToInt(Integer::intValue).toArray();
        for (int article : articles) {
            addViews(article, 1);
        }
        int paired = Math.min(articles.length, MAX_ARTICLES_PER_SESSION);
        for (int i = 0; i < paired; i++) {
            for (int j = i + 1; j < paired; j++) {
                pairs.add(PairCounts.key(articles[i], articles[j]), 1);
            }
        }
    }

    /** Adds another hour (or window) into this one. */
    public void add(ViewCounts other) {
        int[] mapped = new int[other.slugs.size()];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = id(other.slugs.get(i));
            addViews(mapped[i], other.views[i]);
        }
        other.pairs.forEach((key, count) ->
                pairs.add(PairCounts.key(mapped[PairCounts.first(key)], mapped[PairCounts.second(key)]), count));
    }

    public int views(String slug) {
        Integer id = ids.get(slug);
        return id == null ? 0 : views[id];
    }

    /** How many sessions read both articles. */
    public int coViews(String a, String b) {
        Integer first = ids.get(a);
        Integer second = ids.get(b);
        return first == null || second == null || first.equals(second) ? 0 : pairs.get(PairCounts.key(first, second));
    }

    public long totalViews() {
        return IntStream.range(0, slugs.size()).mapToLong(i -> views[i]).sum();
    }

    public int pairCount() {
        return pairs.size();
    }

    /** The most viewed slugs, most viewed first. */
    public List<String> mostViewed(int limit) {
        return IntStream.range(0, slugs.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> views[i]).reversed())
                .limit(limit).map(slugs::get).toList();
    }

    public int maxViews() {
        return Arrays.stream(views, 0, slugs.size()).max().orElse(0);
    }

    /** For every slug of {@code among}, the others of {@code among} it was co-read with. */
    public Map<String, Set<String>> coReadWithin(Set<String> among) {
        Map<String, Set<String>> neighbours = new HashMap<>();
        pairs.forEach((key, count) -> {
            String a = slugs.get(PairCounts.first(key));
            String b = slugs.get(PairCounts.second(key));
            if (among.contains(a) && among.contains(b)) {
                neighbours.computeIfAbsent(a, s -> new HashSet<>()).add(b);
                neighbours.computeIfAbsent(b, s -> new HashSet<>()).add(a);
            }
        });
        return neighbours;
    }

    /** Compact binary form (gzip): one hour at the pair cap is about a megabyte. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(slugs.size());
            for (int i = 0; i < slugs.size(); i++) {
                out.writeUTF(slugs.get(i));
                out.writeInt(views[i]);
            }
            out.writeInt(pairs.size());
            pairs.<IOException>forEach((key, count) -> {
                out.writeInt(PairCounts.first(key));
                out.writeInt(PairCounts.second(key));
                out.writeInt(count);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ViewCounts decode(byte[] encoded) {
        ViewCounts counts = new ViewCounts();
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(encoded)))) {
            if (in.readInt() != FORMAT) {
                throw new IllegalArgumentException("Unknown hourly views format");
            }
            int articles = in.readInt();
            for (int i = 0; i < articles; i++) {
                counts.addViews(counts.id(in.readUTF()), in.readInt());
            }
            int pairCount = in.readInt();
            for (int i = 0; i < pairCount; i++) {
                counts.pairs.add(PairCounts.key(in.readInt(), in.readInt()), in.readInt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private int id(String slug) {
        Integer existing = ids.get(slug);
        if (existing != null) {
            return existing;
        }
        int id = slugs.size();
        ids.put(slug, id);
        slugs.add(slug);
        if (id == views.length) {
            views = Arrays.copyOf(views, views.length * 2);
        }
        return id;
    }

    private void addViews(int id, int count) {
        views[id] += count;
    }
}
