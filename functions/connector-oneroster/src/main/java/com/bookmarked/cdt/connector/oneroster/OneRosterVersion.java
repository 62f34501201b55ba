package com.bookmarked.cdt.connector.oneroster;

/** The OneRoster CSV versions CDT reads, named as manifest.csv's {@code oneroster.version} says. */
enum OneRosterVersion {
    V1_1("1.1", OneRosterFiles.V1P1),
    V1_2("1.2", OneRosterFiles.V1P2);

    final String label;
    final OneRosterFiles files;

    OneRosterVersion(String label, OneRosterFiles files) {
        this.label = label;
        this.files = files;
    }

    static OneRosterVersion fromManifest(String value) throws OneRosterFormatException {
        if (value == null) {
            throw new OneRosterFormatException("manifest.csv does not say which OneRoster version the export is "
                    + "(the oneroster.version row is missing or empty).");
        }
        for (OneRosterVersion v : values()) {
            if (v.label.equals(value.trim())) {
                return v;
            }
        }
        throw new OneRosterFormatException("The export is OneRoster version " + Problems.printable(value.trim())
                + " (from manifest.csv); CDT reads OneRoster 1.1 and 1.2 CSV exports.");
    }
}
