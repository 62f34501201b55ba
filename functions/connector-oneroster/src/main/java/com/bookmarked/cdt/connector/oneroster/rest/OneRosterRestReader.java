package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Course;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Reads a district's roster through its OneRoster API into the SIS-side snapshot: demographics
 * first (birth dates join the users), then orgs, academic sessions, courses, classes, users and
 * enrollments, each collection paged by {@link PagedFetch}. Demographics the SIS will not share
 * (403 or 404: often a missing scope) leave birth dates empty and a note; any other failure stops
 * the read with a {@link SisApiException} in an agent's words.
 */
public final class OneRosterRestReader {

    public static final int MAX_PROBLEMS_KEPT = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(OneRosterRestReader.class);

    /** Share of the progress bar per collection, by their usual sizes. */
    private static final Map<RosterCollection, Integer> WEIGHT = new EnumMap<>(Map.of(
            RosterCollection.DEMOGRAPHICS, 10, RosterCollection.ORGS, 2, RosterCollection.ACADEMIC_SESSIONS, 2,
            RosterCollection.COURSES, 3, RosterCollection.CLASSES, 8, RosterCollection.USERS, 35,
            RosterCollection.ENROLLMENTS, 40));

    private final Ticker ticker;
    private final PageSlots slots;

    public OneRosterRestReader(Ticker ticker, PageSlots slots) {
        this.ticker = ticker;
        this.slots = slots;
    }

    /**
     * @param sourceLabel what the snapshot's meta calls the source, e.g. {@code oneroster-rest} or {@code classlink}
     */
    public RestImport read(RestSource source, String customerId, String sourceLabel, Progress progress) throws SisApiException {
        try (RosterApi api = RosterApi.open(source, ticker)) {
            return read(api, customerId, sourceLabel, progress);
        }
    }

    public RestImport read(RosterApi api, String customerId, String sourceLabel, Progress progress) throws SisApiException {
        RestSource source = api.source();
        Run run = new Run(api, slots.of(customerId, source.parallelism()), progress);
        RosterJson json = new RosterJson(source.version());
        RosterSnapshot.Builder builder = RosterSnapshot.builder(
                new SnapshotMeta(customerId, SnapshotSide.SIS, sourceLabel, ticker.now(), null));

        Map<String, LocalDate> birthDates = new HashMap<>();
        try {
            for (RosterJson.Demographic d : run.all(RosterCollection.DEMOGRAPHICS, json::demographic)) {
                if (d.birthDate() != null) {
                    birthDates.put(d.sourcedId(), d.birthDate());
                }
            }
        } catch (SisApiException e) {
            if (e.kind() != SisApiException.Kind.FORBIDDEN && e.kind() != SisApiException.Kind.NOT_FOUND) {
                throw e;
            }
            run.notes.add(source.name().subject() + " did not let CDT read demographics (it answered " + e.status()
                    + "), so birth dates are missing from this snapshot; matching works without them, less surely.");
            run.done(RosterCollection.DEMOGRAPHICS);
        }
        add(run.all(RosterCollection.ORGS, json::org), builder::org);
        add(run.all(RosterCollection.ACADEMIC_SESSIONS, json::academicSession), builder::academicSession);
        add(run.all(RosterCollection.COURSES, json::course), builder::course);
        add(run.all(RosterCollection.CLASSES, json::rosterClass), builder::rosterClass);
        add(run.all(RosterCollection.USERS, n -> json.user(n, birthDates)), builder::user);
        add(run.all(RosterCollection.ENROLLMENTS, json::enrollment), builder::enrollment);

        boolean cancelled = progress.cancelled();
        LOG.info("OneRoster API read: {} requests, {} retries, {} records skipped{}", api.http().requests(),
                api.http().retries(), run.problemCount, cancelled ? " (cancelled)" : "");
        return new RestImport(builder.build(), source.version().label(), run.problems, run.problemCount, run.counts,
                run.notes, api.http().requests(), api.http().retries(), cancelled);
    }

    private static <T> void add(List<T> records, Consumer<T> target) {
        records.forEach(target);
    }

    /** The state of one read: counts, problems, notes and progress across collections. */
    private static final class Run {
        final RosterApi api;
        final Semaphore slots;
        final Progress progress;
        final List<RecordProblem> problems = new ArrayList<>();
        final Map<String, Integer> counts = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        int problemCount;
        int weightDone;

        Run(RosterApi api, Semaphore slots, Progress progress) {
            this.api = api;
            this.slots = slots;
            this.progress = progress;
        }

        <T> List<T> all(RosterCollection collection, PageReader.Mapping<T> mapping) throws SisApiException {
            if (progress.cancelled()) {
                return List.of();
            }
            String who = api.source().name().object();
            progress.report(String.format(Locale.US, "Reading %s from %s", collection.noun(), who), percent(collection, 0));
            PagedFetch.Result<T> result = new PagedFetch<>(api, collection, mapping, slots, (c, soFar, total) -> {
                double part = total == null || total == 0 ? 0 : Math.min(1.0, soFar / (double) total);
                progress.report(String.format(Locale.US, "Reading %s from %s: %,d%s", c.noun(), who, soFar,
                        total == null ? "" : String.format(Locale.US, " of %,d", total)), percent(c, part));
            }, progress::cancelled, MAX_PROBLEMS_KEPT - problems.size()).fetch();

            counts.put(collection.path(), result.records().size());
            problemCount += result.problemCount();
            problems.addAll(result.problems());
            int got = result.records().size() + result.problemCount();
            if (result.total() != null && got < result.total() && !progress.cancelled()) {
                notes.add(String.format(Locale.US, "%s said there are %,d %s but sent %,d while CDT read them (records"
                                + " changed during the read); run again if someone seems missing.",
                        api.source().name().subject(), result.total(), collection.noun(), got));
            }
            if (result.duplicates() > 0) {
                notes.add(String.format(Locale.US, "%s listed %,d %s twice while CDT paged through them (records moved"
                        + " between pages); each was kept once.", api.source().name().subject(), result.duplicates(),
                        collection.noun()));
            }
            done(collection);
            return result.records();
        }

        void done(RosterCollection collection) {
            weightDone += WEIGHT.get(collection);
        }

        private int percent(RosterCollection current, double partOfCurrent) {
            return (int) Math.min(99, weightDone + partOfCurrent * WEIGHT.get(current));
        }
    }
}
