package com.bookmarked.cdt.connector.oneroster;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * One CSV file read row by row: the header is matched to the file's spec, and rows that cannot be
 * read are reported to {@link Problems} and skipped, so one bad row never stops an import.
 */
final class CsvTable implements Closeable {

    /** A value in a row that cannot be used; the row is skipped. */
    static final class BadValue extends Exception {
        final String column;
        final String value;

        BadValue(String column, String value, String message) {
            super(message, null, false, false);
            this.column = column;
            this.value = value;
        }
    }

    /** Turns one row into a record, or says why it cannot. */
    interface RowReader {
        void read(Row row) throws BadValue;
    }

    private final FileSpec spec;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final Map<String, Integer> columns = new HashMap<>();
    private final int width;
    private final Problems problems;

    private CsvTable(FileSpec spec, CsvReader<CsvRecord> reader, Problems problems) throws OneRosterFormatException {
        this.spec = spec;
        this.reader = reader;
        this.records = reader.iterator();
        this.problems = problems;
        if (!records.hasNext()) {
            throw new OneRosterFormatException(spec.fileName() + " is empty: it needs at least its header line.");
        }
        CsvRecord header = records.next();
        this.width = header.getFieldCount();
        for (int i = 0; i < width; i++) {
            columns.putIfAbsent(header.getField(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String column : spec.required()) {
            if (!columns.containsKey(column.toLowerCase(Locale.ROOT))) {
                throw new OneRosterFormatException(spec.fileName() + " has no column \"" + column
                        + "\", which OneRoster requires; the district's export needs fixing before CDT can read it.");
            }
        }
    }

    static CsvTable open(FileSpec spec, InputStream in, Problems problems) throws OneRosterFormatException {
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .detectBomHeader(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .skipEmptyLines(true)
                .allowUnclosedQuote(false)
                .ofCsvRecord(in, StandardCharsets.UTF_8);
        try {
            return new CsvTable(spec, reader, problems);
        } catch (CsvParseException e) {
            throw unreadable(spec, 1, e);
        }
    }

    /** Reads every data row; returns how many there were (read or skipped). */
    int forEach(RowReader target) throws OneRosterFormatException {
        Row row = new Row();
        int count = 0;
        long line = 1;
        try {
            while (records.hasNext()) {
                CsvRecord record = records.next();
                line = record.getStartingLineNumber();
                count++;
                if (record.getFieldCount() != width) {
                    problems.add(new ImportProblem(spec.fileName(), line, null, null, "the row has " + record.getFieldCount()
                            + " fields but the header has " + width + "; the row was skipped"));
                    continue;
                }
                row.record = record;
                try {
                    target.read(row);
                } catch (BadValue bad) {
                    problems.add(new ImportProblem(spec.fileName(), line, bad.column, bad.value, bad.getMessage() + "; the row was skipped"));
                }
            }
        } catch (CsvParseException e) {
            throw unreadable(spec, line, e);
        }
        return count;
    }

    private static OneRosterFormatException unreadable(FileSpec spec, long line, CsvParseException e) {
        return new OneRosterFormatException(spec.fileName() + " is not valid CSV after line " + line
                + " (for example an opening quote that never closes), so CDT stopped reading it.");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** The current row; values are looked up by column name. */
    final class Row {
        private CsvRecord record;

        /** The value as written, or null when the column is absent or the value blank. */
        String text(String column) {
            Integer index = columns.get(column.toLowerCase(Locale.ROOT));
            if (index == null) {
                return null;
            }
            String value = record.getField(index);
            return value.isBlank() ? null : value;
        }

        /** An identifier or code: trimmed, null when blank. */
        String code(String column) {
            String value = text(column);
            return value == null ? null : value.trim();
        }

        String requiredCode(String column) throws BadValue {
            String value = code(column);
            if (value == null) {
                throw new BadValue(column, null, column + " is empty but OneRoster requires it");
            }
            return value;
        }
    }
}
