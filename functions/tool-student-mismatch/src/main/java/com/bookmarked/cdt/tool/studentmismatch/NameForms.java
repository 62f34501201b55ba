package com.bookmarked.cdt.tool.studentmismatch;

import java.util.HashMap;
import java.util.Map;

/**
 * The folded form of every distinct name spelling met in one run. Rosters repeat the same few
 * thousand spellings many times, so folding each once keeps the per-record cost to a lookup.
 */
final class NameForms {

    private final Map<String, NameForm> bySpelling = new HashMap<>(1 << 14);

    NameForm of(String raw) {
        if (raw == null) {
            return NameForm.EMPTY;
        }
        NameForm form = bySpelling.get(raw);
        if (form == null) {
            form = NameForm.of(raw);
            bySpelling.put(raw, form);
        }
        return form;
    }
}
