package com.bookmarked.cdt.core.snapshot;

import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Course;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.GuardianEmailElsewhere;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The on-disk snapshot format: a magic, a format version, then a gzip stream of tagged records,
 * written and read one record at a time so that a snapshot never has to be held twice.
 *
 * <p>Version 1 layout: {@code "CDTSNAP1"} (8 bytes), then gzip of: meta, then records each
 * introduced by a one-byte tag, ended by {@link #TAG_END}. Strings are length-prefixed UTF-8 with
 * -1 for null, so any field may be absent without a schema change. Enums are stored by
 * ordinal: add new constants at the end only, or bump the version.
 */
public final class SnapshotCodec {

    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "CDTSNAP1".getBytes(StandardCharsets.US_ASCII);

    private static final int TAG_END = 0;
    private static final int TAG_ORG = 1;
    private static final int TAG_USER = 2;
    private static final int TAG_CLASS = 3;
    private static final int TAG_COURSE = 4;
    private static final int TAG_SESSION = 5;
    private static final int TAG_ENROLLMENT = 6;
    private static final int TAG_ELSEWHERE = 7;

    private SnapshotCodec() {
    }

    public static void write(RosterSnapshot snapshot, OutputStream target) throws IOException {
        target.write(MAGIC);
        var gzip = new GZIPOutputStream(target, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        var out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        writeMeta(out, snapshot.meta());
        for (Org o : snapshot.orgs()) {
            out.writeByte(TAG_ORG);
            str(out, o.sourcedId()); str(out, o.sisId()); str(out, o.name()); out.writeByte(o.type().ordinal());
            str(out, o.identifier()); str(out, o.parentSourcedId()); out.writeByte(o.status().ordinal());
        }
        for (RosterUser u : snapshot.users()) {
            out.writeByte(TAG_USER);
            str(out, u.sourcedId()); str(out, u.sisId()); out.writeByte(u.role().ordinal()); str(out, u.identifier());
            str(out, u.givenName()); str(out, u.familyName()); str(out, u.email()); str(out, u.username());
            list(out, u.grades()); list(out, u.orgSourcedIds()); list(out, u.agentSourcedIds());
            date(out, u.birthDate()); out.writeBoolean(u.enabled()); out.writeByte(u.status().ordinal());
            instant(out, u.dateLastModified());
        }
        for (RosterClass c : snapshot.classes()) {
            out.writeByte(TAG_CLASS);
            str(out, c.sourcedId()); str(out, c.sisId()); str(out, c.title()); str(out, c.orgSourcedId());
            str(out, c.courseSourcedId()); list(out, c.termSourcedIds()); out.writeByte(c.status().ordinal());
        }
        for (Course c : snapshot.courses()) {
            out.writeByte(TAG_COURSE);
            str(out, c.sourcedId()); str(out, c.title()); str(out, c.orgSourcedId()); out.writeByte(c.status().ordinal());
        }
        for (AcademicSession s : snapshot.academicSessions()) {
            out.writeByte(TAG_SESSION);
            str(out, s.sourcedId()); str(out, s.title()); str(out, s.type()); date(out, s.startDate());
            date(out, s.endDate()); str(out, s.parentSourcedId()); out.writeByte(s.status().ordinal());
        }
        for (Enrollment e : snapshot.enrollments()) {
            out.writeByte(TAG_ENROLLMENT);
            str(out, e.sourcedId()); str(out, e.classSourcedId()); str(out, e.userSourcedId()); str(out, e.orgSourcedId());
            out.writeByte(e.role().ordinal()); out.writeBoolean(e.primary()); date(out, e.beginDate());
            date(out, e.endDate()); out.writeByte(e.status().ordinal());
        }
        for (GuardianEmailElsewhere g : snapshot.guardianEmailsElsewhere()) {
            out.writeByte(TAG_ELSEWHERE);
            str(out, g.email()); str(out, g.customerKey()); str(out, g.guardianKey());
        }
        out.writeByte(TAG_END);
        out.flush();
        gzip.finish();
    }

    public static RosterSnapshot read(InputStream source) throws IOException {
        byte[] magic = source.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new SnapshotFormatException("not a CDT snapshot, or a format version this build cannot read");
        }
        var in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
        var builder = RosterSnapshot.builder(readMeta(in));
        try {
            while (true) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case TAG_END -> {
                        return builder.build();
                    }
                    case TAG_ORG -> builder.org(new Org(str(in), str(in), str(in), enumOf(Org.OrgType.values(), in),
                            str(in), str(in), enumOf(RecordStatus.values(), in)));
                    case TAG_USER -> builder.user(new RosterUser(str(in), str(in), enumOf(RoleType.values(), in), str(in),
                            str(in), str(in), str(in), str(in), list(in), list(in), list(in), date(in), in.readBoolean(),
                            enumOf(RecordStatus.values(), in), instant(in)));
                    case TAG_CLASS -> builder.rosterClass(new RosterClass(str(in), str(in), str(in), str(in), str(in),
                            list(in), enumOf(RecordStatus.values(), in)));
                    case TAG_COURSE -> builder.course(new Course(str(in), str(in), str(in), enumOf(RecordStatus.values(), in)));
                    case TAG_SESSION -> builder.academicSession(new AcademicSession(str(in), str(in), str(in), date(in),
                            date(in), str(in), enumOf(RecordStatus.values(), in)));
                    case TAG_ENROLLMENT -> builder.enrollment(new Enrollment(str(in), str(in), str(in), str(in),
                            enumOf(RoleType.values(), in), in.readBoolean(), date(in), date(in), enumOf(RecordStatus.values(), in)));
                    case TAG_ELSEWHERE -> builder.guardianEmailElsewhere(new GuardianEmailElsewhere(str(in), str(in), str(in)));
                    default -> throw new SnapshotFormatException("corrupt snapshot: unknown record tag " + tag);
                }
            }
        } catch (EOFException e) {
            throw new SnapshotFormatException("snapshot is truncated", e);
        }
    }

    private static void writeMeta(DataOutputStream out, SnapshotMeta meta) throws IOException {
        str(out, meta.customerId());
        out.writeByte(meta.side().ordinal());
        str(out, meta.source());
        instant(out, meta.fetchedAt());
        instant(out, meta.lastSyncAt());
    }

    private static SnapshotMeta readMeta(DataInputStream in) throws IOException {
        return new SnapshotMeta(str(in), enumOf(SnapshotSide.values(), in), str(in), instant(in), instant(in));
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String str(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > 1 << 20) {
            throw new SnapshotFormatException("corrupt snapshot: field of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void list(DataOutputStream out, List<String> values) throws IOException {
        out.writeShort(values.size());
        for (String v : values) {
            str(out, v);
        }
    }

    private static List<String> list(DataInputStream in) throws IOException {
        int size = in.readUnsignedShort();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(str(in));
        }
        return values;
    }

    private static void date(DataOutputStream out, LocalDate d) throws IOException {
        out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
    }

    private static LocalDate date(DataInputStream in) throws IOException {
        long v = in.readLong();
        return v == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(v);
    }

    private static void instant(DataOutputStream out, Instant i) throws IOException {
        out.writeLong(i == null ? Long.MIN_VALUE : i.toEpochMilli());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        long v = in.readLong();
        return v == Long.MIN_VALUE ? null : Instant.ofEpochMilli(v);
    }

    private static <E extends Enum<E>> E enumOf(E[] values, DataInputStream in) throws IOException {
        int ordinal = in.readUnsignedByte();
        if (ordinal >= values.length) {
            throw new SnapshotFormatException("corrupt snapshot: enum value " + ordinal + " out of range");
        }
        return values[ordinal];
    }

    /** The file is not a snapshot this build can read; the message says why in plain words. */
    public static final class SnapshotFormatException extends IOException {
        public SnapshotFormatException(String message) {
            super(message);
        }

        public SnapshotFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
