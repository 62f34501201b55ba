package com.bookmarked.cdt.connector.oneroster;

/**
 * The OneRoster CSV versions CDT reads, named as manifest.csv's {@code oneroster.version} says.
 * Adding 1.2 means a constant here and the files of that version (see {@link V1p1Files}).
 */
enum OneRosterVersion {
    V1_1("1.1");

    final String label;

    OneRosterVersion(String label) {
        this.label = label;
    }

    static OneRosterVersion fromManifest(String value) throws OneRosterFormatException {
        if (value == null) {
            throw new OneRosterFormatException("manifest.csv does not say which OneRoster version the export is "
                    + "(the oneroster.version row is missing).");
        }
        for (OneRosterVersion v : values()) {
            if (v.label.equals(value.trim())) {
                return v;
            }
        }
        throw new OneRosterFormatException("The export is OneRoster version " + value.trim()
                + " (from manifest.csv); CDT reads OneRoster 1.1 CSV exports only for now.");
    }
}
