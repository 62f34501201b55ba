package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.connector.oneroster.rest.RosterJson.BadRecord;
import com.bookmarked.cdt.connector.oneroster.rest.SisApiException.Kind;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one page: streams the JSON, finds the collection's list (e.g. {@code "users": […]}),
 * and maps each record as it goes, so that a page is never held twice. A page without that list,
 * or that is not JSON at all (a login page, a proxy's error), is not OneRoster and stops the fetch.
 */
final class PageReader {

    /** Maps one record, or says why it cannot. */
    @FunctionalInterface
    interface Mapping<T> {
        T map(JsonNode record) throws BadRecord;
    }

    /** A record read, with its sourcedId (the key pages are merged by). */
    record Item<T>(String key, T value) {
    }

    /**
     * @param received how many entries the page's list held, usable or not
     */
    record ReadPage<T>(List<Item<T>> items, List<RecordProblem> problems, int received, Integer total) {
    }

    private PageReader() {
    }

    /**
     * @param firstPosition the position in the collection of the page's first record (1-based)
     */
    static <T> ReadPage<T> read(RawPage page, Mapping<T> mapping, long firstPosition, SisName name) throws SisApiException {
        RosterCollection collection = page.collection();
        List<Item<T>> items = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>(0);
        long position = firstPosition - 1;
        boolean found = false;
        try (JsonParser p = Json.MAPPER.createParser(page.body())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notOneRoster(name, page, firstPosition, "it is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!found && collection.path().equals(field) && value == JsonToken.START_ARRAY) {
                    found = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        position++;
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            problems.add(new RecordProblem(collection.noun(), position, null, null,
                                    "the entry is not a JSON object; it was skipped"));
                            continue;
                        }
                        JsonNode record = Json.MAPPER.readTree(p);
                        String key = RosterJson.sourcedId(record);
                        try {
                            items.add(new Item<>(key, mapping.map(record)));
                        } catch (BadRecord bad) {
                            problems.add(new RecordProblem(collection.noun(), position, key, bad.field,
                                    bad.getMessage() + "; the record was skipped"));
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw notOneRoster(name, page, firstPosition, "it is not valid JSON");
        }
        if (!found) {
            throw notOneRoster(name, page, firstPosition, "it has no \"" + collection.path() + "\" list");
        }
        return new ReadPage<>(items, problems, (int) (position - firstPosition + 1), page.total());
    }

    private static SisApiException notOneRoster(SisName name, RawPage page, long firstPosition, String why) {
        return new SisApiException(Kind.NOT_ONEROSTER, name.subject() + " returned a page that is not OneRoster JSON ("
                + page.collection().noun() + String.format(Locale.US, " from record %,d", firstPosition) + ": " + why
                + "); check the SIS location in settings, or ask the district whether its OneRoster API is working.");
    }
}
