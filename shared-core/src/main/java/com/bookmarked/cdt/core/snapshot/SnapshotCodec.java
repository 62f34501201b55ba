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
import com.bookmarked.cdt.core.roster.UserRole;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The on-disk snapshot format: a magic that carries the format version, then a gzip stream of
 * tagged records, written and read one record at a time so that a snapshot never has to be held
 * twice.
 *
 * <p>Layout: {@code "CDTSNAP"} and the version digit (8 bytes), then gzip of: meta, then records
 * each introduced by a one-byte tag, ended by {@link #TAG_END}. Strings are length-prefixed UTF-8
 * with -1 for null, so any field may be absent without a schema change. Enums are stored by
 * ordinal: add new constants at the end only, or bump the version.
 *
 * <p>Version 2 adds, at the end of each record, its extension columns; users also get middle and
 * preferred names, the master identifier and their roles per org. Version 3 (written now) adds the
 * date the data describes to the meta. Older files still read, with those empty.
 */
public final class SnapshotCodec {

    public static final int FORMAT_VERSION = 3;
    private static final byte[] MAGIC_PREFIX = "CDTSNAP".getBytes(StandardCharsets.US_ASCII);

    private static final int TAG_END = 0;
    private static final int TAG_ORG = 1;
    private static final int TAG_USER = 2;
    private static final int TAG_CLASS = 3;
    private static final int TAG_COURSE = 4;
    private static final int TAG_SESSION = 5;
    private static final int TAG_ENROLLMENT = 6;
    private static final int TAG_ELSEWHERE = 7;

    /** Keeps a corrupt count from allocating without bound. */
    private static final int MAX_ENTRIES = 1 << 16;

    private SnapshotCodec() {
    }

    public static void write(RosterSnapshot snapshot, OutputStream target) throws IOException {
        target.write(MAGIC_PREFIX);
        target.write('0' + FORMAT_VERSION);
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
            map(out, o.extensions());
        }
        for (RosterUser u : snapshot.users()) {
            out.writeByte(TAG_USER);
            str(out, u.sourcedId()); str(out, u.sisId()); out.writeByte(u.role().ordinal()); str(out, u.identifier());
            str(out, u.givenName()); str(out, u.familyName()); str(out, u.email()); str(out, u.username());
            list(out, u.grades()); list(out, u.orgSourcedIds()); list(out, u.agentSourcedIds());
            date(out, u.birthDate()); out.writeBoolean(u.enabled()); out.writeByte(u.status().ordinal());
            instant(out, u.dateLastModified());
            str(out, u.middleName()); str(out, u.preferredGivenName()); str(out, u.preferredMiddleName());
            str(out, u.preferredFamilyName()); str(out, u.userMasterIdentifier());
            out.writeShort(u.roles().size());
            for (UserRole r : u.roles()) {
                str(out, r.orgSourcedId()); out.writeByte(r.role().ordinal()); str(out, r.roleName());
                out.writeBoolean(r.primary()); date(out, r.beginDate()); date(out, r.endDate()); out.writeByte(r.status().ordinal());
            }
            map(out, u.extensions());
        }
        for (RosterClass c : snapshot.classes()) {
            out.writeByte(TAG_CLASS);
            str(out, c.sourcedId()); str(out, c.sisId()); str(out, c.title()); str(out, c.orgSourcedId());
            str(out, c.courseSourcedId()); list(out, c.termSourcedIds()); out.writeByte(c.status().ordinal());
            map(out, c.extensions());
        }
        for (Course c : snapshot.courses()) {
            out.writeByte(TAG_COURSE);
            str(out, c.sourcedId()); str(out, c.title()); str(out, c.orgSourcedId()); out.writeByte(c.status().ordinal());
            map(out, c.extensions());
        }
        for (AcademicSession s : snapshot.academicSessions()) {
            out.writeByte(TAG_SESSION);
            str(out, s.sourcedId()); str(out, s.title()); str(out, s.type()); date(out, s.startDate());
            date(out, s.endDate()); str(out, s.parentSourcedId()); out.writeByte(s.status().ordinal());
            map(out, s.extensions());
        }
        for (Enrollment e : snapshot.enrollments()) {
            out.writeByte(TAG_ENROLLMENT);
            str(out, e.sourcedId()); str(out, e.classSourcedId()); str(out, e.userSourcedId()); str(out, e.orgSourcedId());
            out.writeByte(e.role().ordinal()); out.writeBoolean(e.primary()); date(out, e.beginDate());
            date(out, e.endDate()); out.writeByte(e.status().ordinal());
            map(out, e.extensions());
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
        byte[] magic = source.readNBytes(MAGIC_PREFIX.length + 1);
        if (magic.length != MAGIC_PREFIX.length + 1 || !Arrays.equals(magic, 0, MAGIC_PREFIX.length, MAGIC_PREFIX, 0, MAGIC_PREFIX.length)) {
            throw new SnapshotFormatException("not a CDT snapshot");
        }
        int version = magic[MAGIC_PREFIX.length] - '0';
        if (version < 1 || version > FORMAT_VERSION) {
            throw new SnapshotFormatException("a CDT snapshot of format version " + (char) magic[MAGIC_PREFIX.length]
                    + ", which this build cannot read (it reads versions 1 to " + FORMAT_VERSION + ")");
        }
        boolean v2 = version >= 2;
        var in = new SharingInput(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
        var builder = RosterSnapshot.builder(readMeta(in, version));
        try {
            while (true) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case TAG_END -> {
                        return builder.build();
                    }
                    case TAG_ORG -> builder.org(new Org(str(in), str(in), str(in), enumOf(Org.OrgType.values(), in),
                            str(in), str(in), enumOf(RecordStatus.values(), in), v2 ? map(in) : Map.of()));
                    case TAG_USER -> builder.user(v2 ? userV2(in) : new RosterUser(str(in), str(in), enumOf(RoleType.values(), in),
                            str(in), str(in), str(in), str(in), str(in), list(in), list(in), list(in), date(in), in.readBoolean(),
                            enumOf(RecordStatus.values(), in), instant(in)));
                    case TAG_CLASS -> builder.rosterClass(new RosterClass(str(in), str(in), str(in), str(in), str(in),
                            list(in), enumOf(RecordStatus.values(), in), v2 ? map(in) : Map.of()));
                    case TAG_COURSE -> builder.course(new Course(str(in), str(in), str(in), enumOf(RecordStatus.values(), in),
                            v2 ? map(in) : Map.of()));
                    case TAG_SESSION -> builder.academicSession(new AcademicSession(str(in), str(in), str(in), date(in),
                            date(in), str(in), enumOf(RecordStatus.values(), in), v2 ? map(in) : Map.of()));
                    case TAG_ENROLLMENT -> builder.enrollment(new Enrollment(unshared(in), str(in), str(in), str(in),
                            enumOf(RoleType.values(), in), in.readBoolean(), date(in), date(in), enumOf(RecordStatus.values(), in),
                            v2 ? map(in) : Map.of()));
                    case TAG_ELSEWHERE -> builder.guardianEmailElsewhere(new GuardianEmailElsewhere(str(in), str(in), str(in)));
                    default -> throw new SnapshotFormatException("corrupt snapshot: unknown record tag " + tag);
                }
            }
        } catch (EOFException e) {
            throw new SnapshotFormatException("snapshot is truncated", e);
        }
    }

    private static RosterUser userV2(DataInputStream in) throws IOException {
        String sourcedId = str(in);
        String sisId = str(in);
        RoleType role = enumOf(RoleType.values(), in);
        String identifier = str(in);
        String givenName = str(in);
        String familyName = str(in);
        String email = str(in);
        String username = str(in);
        List<String> grades = list(in);
        List<String> orgs = list(in);
        List<String> agents = list(in);
        LocalDate birthDate = date(in);
        boolean enabled = in.readBoolean();
        RecordStatus status = enumOf(RecordStatus.values(), in);
        Instant modified = instant(in);
        String middleName = str(in);
        String preferredGiven = str(in);
        String preferredMiddle = str(in);
        String preferredFamily = str(in);
        String master = str(in);
        int roleCount = in.readUnsignedShort();
        List<UserRole> roles = new ArrayList<>(roleCount);
        for (int i = 0; i < roleCount; i++) {
            roles.add(new UserRole(str(in), enumOf(RoleType.values(), in), str(in), in.readBoolean(), date(in), date(in),
                    enumOf(RecordStatus.values(), in)));
        }
        return new RosterUser(sourcedId, sisId, role, identifier, givenName, familyName, email, username, grades, orgs,
                agents, birthDate, enabled, status, modified, middleName, preferredGiven, preferredMiddle, preferredFamily,
                master, roles, map(in));
    }

    private static void writeMeta(DataOutputStream out, SnapshotMeta meta) throws IOException {
        str(out, meta.customerId());
        out.writeByte(meta.side().ordinal());
        str(out, meta.source());
        instant(out, meta.fetchedAt());
        instant(out, meta.lastSyncAt());
        date(out, meta.dataAsOf());
    }

    private static SnapshotMeta readMeta(DataInputStream in, int version) throws IOException {
        return new SnapshotMeta(str(in), enumOf(SnapshotSide.values(), in), str(in), instant(in), instant(in),
                version >= 3 ? date(in) : null);
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
        String s = unshared(in);
        return in instanceof SharingInput sharing ? sharing.share(s) : s;
    }

    /** A string that is unique to its record (e.g. an enrollment's id): not worth remembering. */
    private static String unshared(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > 1 << 20) {
            throw new SnapshotFormatException("corrupt snapshot: field of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /**
     * Reads with one instance per distinct short string, as the connectors' snapshots have: a
     * class id is referenced by every enrollment of the class, a campus id by every student. Without
     * it a snapshot read back from the cache took about 2.5 times the heap of the one written.
     */
    private static final class SharingInput extends DataInputStream {

        private static final int LONGEST_SHARED = 64;
        private final Map<String, String> seen = new java.util.HashMap<>(1 << 16);

        SharingInput(InputStream in) {
            super(in);
        }

        String share(String s) {
            if (s == null || s.length() > LONGEST_SHARED) {
                return s;
            }
            String first = seen.putIfAbsent(s, s);
            return first == null ? s : first;
        }
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

    private static void map(DataOutputStream out, Map<String, String> values) throws IOException {
        if (values.size() >= MAX_ENTRIES) {
            throw new IOException("a record has " + values.size() + " extension columns; the snapshot format keeps at most "
                    + (MAX_ENTRIES - 1));
        }
        out.writeShort(values.size());
        for (Map.Entry<String, String> e : values.entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
    }

    private static Map<String, String> map(DataInputStream in) throws IOException {
        int size = in.readUnsignedShort();
        if (size == 0) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            values.put(str(in), str(in));
        }
        return values;
    }

    private static void date(DataOutputStream out, LocalDate d) throws IOException {
        out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
    }

    private static LocalDate date(DataInputStream in) throws IOException {
        long v = in.readLong();
        if (v == Long.MIN_VALUE) {
            return null;
        }
        if (v < LocalDate.MIN.toEpochDay() || v > LocalDate.MAX.toEpochDay()) {
            throw new SnapshotFormatException("corrupt snapshot: day " + v + " is out of range");
        }
        return LocalDate.ofEpochDay(v);
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
