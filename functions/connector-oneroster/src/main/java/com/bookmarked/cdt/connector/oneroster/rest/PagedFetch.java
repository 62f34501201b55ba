package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.connector.oneroster.rest.PageReader.Item;
import com.bookmarked.cdt.connector.oneroster.rest.PageReader.ReadPage;
import com.bookmarked.cdt.connector.oneroster.rest.SisApiException.Kind;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * Reads every page of one collection. The first page tells the total ({@code X-Total-Count});
 * when it does, the other pages are fetched in parallel with at most the customer's slots in
 * flight, and merged in order. Without a total, the {@code rel="next"} links are followed, and
 * without those, offsets advance until a page comes back short. Records are kept once per
 * sourcedId, because offset paging over data that changes can list a record on two pages. A SIS
 * that sends fewer records per page than asked is followed at its own page size.
 */
final class PagedFetch<T> {

    /** Told after each page is merged. */
    @FunctionalInterface
    interface PageListener {
        void pageRead(RosterCollection collection, int recordsSoFar, Integer total);
    }

    /** What one collection gave. */
    record Result<T>(List<T> records, List<RecordProblem> problems, int problemCount, Integer total, int received,
                     int duplicates, int pages) {
    }

    private static final int MAX_PAGES = 1_000_000;

    private final RosterApi api;
    private final RosterCollection collection;
    private final PageReader.Mapping<T> mapping;
    private final Semaphore slots;
    private final PageListener listener;
    private final BooleanSupplier cancelled;
    private final int problemsKept;

    private final List<T> records = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final List<RecordProblem> problems = new ArrayList<>();
    private int problemCount;
    private int received;
    private int duplicates;
    private int pages;
    private Integer total;

    PagedFetch(RosterApi api, RosterCollection collection, PageReader.Mapping<T> mapping, Semaphore slots,
               PageListener listener, BooleanSupplier cancelled, int problemsKept) {
        this.api = api;
        this.collection = collection;
        this.mapping = mapping;
        this.slots = slots;
        this.listener = listener;
        this.cancelled = cancelled;
        this.problemsKept = problemsKept;
    }

    Result<T> fetch() throws SisApiException {
        int limit = api.source().pageSize();
        RawPage firstRaw = inSlot(() -> api.page(collection, 0, limit));
        ReadPage<T> first = read(firstRaw, 1);
        int newRecords = merge(first);
        if (first.total() != null) {
            byTotal(first, limit);
        } else if (firstRaw.next() != null) {
            byLinks(firstRaw.next(), first.received());
        } else {
            int offset = first.received();
            int got = first.received();
            while (got == limit && newRecords > 0 && !cancelled.getAsBoolean() && pages < MAX_PAGES) {
                int at = offset;
                ReadPage<T> page = read(inSlot(() -> api.page(collection, at, limit)), at + 1L);
                newRecords = merge(page);
                got = page.received();
                offset += got;
            }
        }
        return new Result<>(records, problems, problemCount, total, received, duplicates, pages);
    }

    /** The total is known: the remaining pages in parallel, then any that appeared while reading. */
    private void byTotal(ReadPage<T> first, int limit) throws SisApiException {
        int step = limit;
        if (first.received() < limit && first.received() < first.total()) {
            if (first.received() == 0) {
                throw new SisApiException(Kind.NOT_ONEROSTER, api.source().name().subject() + " says there are "
                        + String.format(Locale.US, "%,d", first.total()) + " " + collection.noun()
                        + " but its first page listed none; ask the district whether its OneRoster API is working.");
            }
            step = first.received(); // the SIS caps the page size: page at its size, or records would be skipped
        }
        int covered = step;
        int known = first.total();
        if (covered < known) {
            covered = inParallel(step, covered, known);
        }
        // records added while the pages were read: the pages reported a larger total
        while (total != null && covered < total && !cancelled.getAsBoolean() && pages < MAX_PAGES) {
            int at = covered;
            int size = step;
            ReadPage<T> page = read(inSlot(() -> api.page(collection, at, size)), at + 1L);
            merge(page);
            if (page.received() == 0) {
                break;
            }
            covered += step;
        }
    }

    private int inParallel(int step, int from, int to) throws SisApiException {
        List<Integer> offsets = new ArrayList<>();
        for (long offset = from; offset < to; offset += step) {
            offsets.add((int) offset);
        }
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<ReadPage<T>>> futures = new ArrayList<>(offsets.size());
        try {
            for (int offset : offsets) {
                futures.add(pool.submit(() -> {
                    if (cancelled.getAsBoolean()) {
                        return null;
                    }
                    RawPage raw = inSlot(() -> api.page(collection, offset, step));
                    return read(raw, offset + 1L);
                }));
            }
            for (Future<ReadPage<T>> f : futures) {
                ReadPage<T> page = f.get();
                if (page == null) {
                    break;
                }
                merge(page);
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof SisApiException sis) {
                throw sis;
            }
            throw new IllegalStateException("reading a page of " + collection.noun() + " failed", e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new SisApiException(Kind.UNAVAILABLE, "CDT stopped reading " + collection.noun() + ".", e);
        } finally {
            pool.shutdownNow();
        }
        return offsets.isEmpty() ? from : offsets.get(offsets.size() - 1) + step;
    }

    private void byLinks(URI next, int offset) throws SisApiException {
        Set<URI> visited = new HashSet<>();
        int at = offset;
        while (next != null && visited.add(next) && !cancelled.getAsBoolean() && pages < MAX_PAGES) {
            URI link = next;
            int expected = at;
            RawPage raw = inSlot(() -> api.follow(link, collection, expected));
            ReadPage<T> page = read(raw, at + 1L);
            int added = merge(page);
            if (page.received() == 0 || added == 0 && page.problems().isEmpty()) {
                break;
            }
            at += page.received();
            next = raw.next();
        }
    }

    private ReadPage<T> read(RawPage raw, long firstPosition) throws SisApiException {
        return PageReader.read(raw, mapping, firstPosition, api.source().name());
    }

    /** Adds a page's records not seen before; returns how many were new. */
    private int merge(ReadPage<T> page) {
        pages++;
        received += page.received();
        if (page.total() != null) {
            total = total == null ? page.total() : Math.max(total, page.total());
        }
        int added = 0;
        for (Item<T> item : page.items()) {
            if (seen.add(item.key())) {
                records.add(item.value());
                added++;
            } else {
                duplicates++;
            }
        }
        for (RecordProblem p : page.problems()) {
            if (p.sourcedId() == null || seen.add(p.sourcedId())) {
                problemCount++;
                if (problems.size() < problemsKept) {
                    problems.add(p);
                }
            } else {
                duplicates++;
            }
        }
        listener.pageRead(collection, records.size(), total);
        return added;
    }

    private <R> R inSlot(Callable<R> call) throws SisApiException {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SisApiException(Kind.UNAVAILABLE, "CDT stopped reading " + collection.noun() + ".", e);
        }
        try {
            return call.call();
        } catch (SisApiException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            slots.release();
        }
    }
}
