package com.bookmarked.cdt.connector.oneroster;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CSV file read row by row, never whole: the header is matched to the file's spec once, rows
 * are read by column index, and rows that cannot be read are reported to {@link Problems} and
 * skipped, so one bad row never stops an import. Columns the spec does not name are extensions.
 */
final class CsvTable implements Closeable {

    /** A value in a row that cannot be used; the row is skipped. */
    static class BadValue extends Exception {
        final String column;
        final String value;
        /** The row shows the whole file cannot be trusted (e.g. a repeated sourcedId): the import stops. */
        final boolean fatal;

        BadValue(String column, String value, String message) {
            this(false, column, value, message);
        }

        BadValue(boolean fatal, String column, String value, String message) {
            super(message, null, false, false);
            this.column = column;
            this.value = value;
            this.fatal = fatal;
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
    private final String[] names;
    private final int[] extensionIndexes;
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
        this.names = new String[width];
        List<Integer> extensions = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String name = header.getField(i).trim();
            names[i] = name;
            if (name.isEmpty()) {
                continue;
            }
            if (columns.putIfAbsent(name.toLowerCase(Locale.ROOT), i) != null) {
                throw new OneRosterFormatException(spec.fileName() + " has the column \"" + Problems.printable(name)
                        + "\" twice in its header line, so CDT cannot tell which one to read.");
            }
            if (!spec.knows(name)) {
                extensions.add(i);
            }
        }
        for (String column : spec.required()) {
            if (!columns.containsKey(column.toLowerCase(Locale.ROOT))) {
                throw new OneRosterFormatException(spec.fileName() + " has no column \"" + column
                        + "\", which OneRoster requires; the district's export needs fixing before CDT can read it.");
            }
        }
        this.extensionIndexes = extensions.stream().mapToInt(Integer::intValue).toArray();
    }

    static CsvTable open(FileSpec spec, InputStream in, Problems problems) throws IOException {
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
            reader.close();
            throw unreadable(spec, 1);
        } catch (UncheckedIOException e) {
            reader.close();
            throw e.getCause();
        } catch (OneRosterFormatException e) {
            reader.close();
            throw e;
        }
    }

    String fileName() {
        return spec.fileName();
    }

    /** The index of a column, or -1 when the file does not have it. */
    int column(String name) {
        Integer index = columns.get(name.toLowerCase(Locale.ROOT));
        return index == null ? -1 : index;
    }

    boolean hasExtensions() {
        return extensionIndexes.length > 0;
    }

    /** Reads every data row; returns how many there were (read or skipped). */
    int forEach(RowReader target) throws IOException {
        Row row = new Row();
        int count = 0;
        long line = 1;
        try {
            while (records.hasNext()) {
                CsvRecord record = records.next();
                line = record.getStartingLineNumber();
                count++;
                int fields = record.getFieldCount();
                if (fields < width || (fields > width && !blankFrom(record, width))) {
                    problems.rowSkipped(spec.fileName(), line, null, null, "the row has " + fields
                            + " fields but the header has " + width);
                    continue;
                }
                row.record = record;
                row.line = line;
                try {
                    target.read(row);
                } catch (BadValue bad) {
                    if (bad.fatal) {
                        throw new OneRosterFormatException(bad.getMessage());
                    }
                    problems.rowSkipped(spec.fileName(), line, bad.column, bad.value, bad.getMessage());
                }
            }
        } catch (CsvParseException e) {
            throw unreadable(spec, line);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count;
    }

    private static boolean blankFrom(CsvRecord record, int from) {
        for (int i = from; i < record.getFieldCount(); i++) {
            if (!record.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static OneRosterFormatException unreadable(FileSpec spec, long line) {
        return new OneRosterFormatException(spec.fileName() + " is not valid CSV after line " + line
                + " (for example an opening quote that never closes, or a line far too long), so CDT stopped reading it.");
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The current row; values are looked up by the index {@link #column} gave. */
    final class Row {
        private CsvRecord record;
        private long line;

        long line() {
            return line;
        }

        String file() {
            return spec.fileName();
        }

        /** The value as written, or null when the column is absent (-1) or the value blank. */
        String text(int index) {
            if (index < 0) {
                return null;
            }
            String value = record.getField(index);
            return value.isBlank() ? null : value;
        }

        /** An identifier or code: trimmed, null when blank. */
        String code(int index) {
            String value = text(index);
            return value == null ? null : value.trim();
        }

        String requiredCode(int index, String column) throws BadValue {
            String value = code(index);
            if (value == null) {
                throw new BadValue(column, null, column + " is empty but OneRoster requires it");
            }
            return value;
        }

        /** The extension columns with a value, in file order; empty (and shared) when there are none. */
        Map<String, String> extensions() {
            if (extensionIndexes.length == 0) {
                return Map.of();
            }
            Map<String, String> values = null;
            for (int index : extensionIndexes) {
                String value = record.getField(index);
                if (!value.isBlank()) {
                    if (values == null) {
                        values = new LinkedHashMap<>();
                    }
                    values.put(names[index], value);
                }
            }
            return values == null ? Map.of() : values;
        }
    }
}
