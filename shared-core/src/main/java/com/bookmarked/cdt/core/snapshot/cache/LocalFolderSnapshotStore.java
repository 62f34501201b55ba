package com.bookmarked.cdt.core.snapshot.cache;

import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotCodec;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Snapshots in a local folder: {@code <customer>/<side>-<hash>.snap} (the codec's format) with a
 * small {@code .properties} beside it, both written to a temporary file and moved into place, so
 * that a crash never leaves a half-written snapshot that looks complete.
 */
@Singleton
public class LocalFolderSnapshotStore implements SnapshotStore {

    private final Path folder;

    public LocalFolderSnapshotStore(@Value("${cdt.snapshots.folder:}") String folder) {
        this.folder = folder == null || folder.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "cdt-snapshots")
                : Path.of(folder);
    }

    @Override
    public Optional<CachedSnapshot> describe(SnapshotKey key) throws IOException {
        Path meta = metaFile(key);
        if (!Files.exists(meta) || !Files.exists(dataFile(key))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(meta)) {
            p.load(in);
        }
        if (!key.source().equals(p.getProperty("source"))) {
            return Optional.empty();
        }
        return Optional.of(new CachedSnapshot(key, Instant.parse(p.getProperty("fetchedAt")), p.getProperty("sha256"),
                Long.parseLong(p.getProperty("bytes"))));
    }

    @Override
    public RosterSnapshot load(CachedSnapshot entry) throws IOException {
        MessageDigest sha = sha256();
        RosterSnapshot snapshot;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(dataFile(entry.key()))), sha)) {
            snapshot = SnapshotCodec.read(in);
            in.transferTo(OutputStream.nullOutputStream());
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        if (!hash.equals(entry.contentHash())) {
            throw new IOException("the cached snapshot does not match its hash; it will be fetched again");
        }
        return snapshot;
    }

    @Override
    public CachedSnapshot save(SnapshotKey key, RosterSnapshot snapshot) throws IOException {
        Path data = dataFile(key);
        Files.createDirectories(data.getParent());
        Path tmpData = Files.createTempFile(data.getParent(), ".snap-", ".tmp");
        try {
            MessageDigest sha = sha256();
            long bytes;
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(tmpData)), sha)) {
                SnapshotCodec.write(snapshot, out);
            }
            bytes = Files.size(tmpData);
            CachedSnapshot entry = new CachedSnapshot(key, snapshot.meta().fetchedAt(),
                    HexFormat.of().formatHex(sha.digest()), bytes);
            Properties p = new Properties();
            p.setProperty("source", key.source());
            p.setProperty("fetchedAt", entry.fetchedAt().toString());
            p.setProperty("sha256", entry.contentHash());
            p.setProperty("bytes", Long.toString(bytes));
            p.setProperty("format", Integer.toString(SnapshotCodec.FORMAT_VERSION));
            Path tmpMeta = Files.createTempFile(data.getParent(), ".meta-", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmpMeta)) {
                p.store(w, "CDT snapshot cache entry");
            }
            move(tmpData, data);
            move(tmpMeta, metaFile(key));
            return entry;
        } finally {
            Files.deleteIfExists(tmpData);
        }
    }

    @Override
    public void evict(String customerId) throws IOException {
        Path dir = folder.resolve(customerId.replaceAll("[^A-Za-z0-9_-]", "_"));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private Path dataFile(SnapshotKey key) {
        return folder.resolve(key.storageName() + ".snap");
    }

    private Path metaFile(SnapshotKey key) {
        return folder.resolve(key.storageName() + ".properties");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
