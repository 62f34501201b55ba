package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.connector.oneroster.OneRosterCsvReader;
import com.bookmarked.cdt.connector.oneroster.OneRosterFormatException;
import com.bookmarked.cdt.connector.oneroster.OneRosterImport;
import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.run.SnapshotProvider;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The SIS side of a customer whose district drops OneRoster CSV zips on an FTP, FTPS or SFTP
 * server: the newest matching file is downloaded to a temporary file in
 * {@code cdt.connectors.ftp.download-folder} (default: the system's), checked, read by the
 * OneRoster CSV reader, and deleted.
 *
 * <p>Ordered ahead of the other providers: a run asks the first that serves, and a OneRoster CSV
 * customer whose location is a file server URL is this provider's, not the local-file reader's.
 */
@Singleton
@Order(-10)
public class FileServerSnapshotProvider implements SnapshotProvider {

    private static final Logger LOG = LoggerFactory.getLogger(FileServerSnapshotProvider.class);

    private final FileServerClient client;
    private final Path downloads;
    private final OneRosterCsvReader reader = new OneRosterCsvReader();
    private final Clock clock;

    @Inject
    public FileServerSnapshotProvider(FileServerClient client,
                                      @Value("${cdt.connectors.ftp.download-folder:}") String downloadFolder) {
        this(client, downloadFolder == null || downloadFolder.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(downloadFolder), Clock.systemUTC());
    }

    public FileServerSnapshotProvider(FileServerClient client, Path downloads, Clock clock) {
        this.client = client;
        this.downloads = downloads;
        this.clock = clock;
    }

    @Override
    public boolean serves(Customer customer, SnapshotSide side) {
        return side == SnapshotSide.SIS && FileServerSettings.appliesTo(customer.settings().sis());
    }

    @Override
    public RosterSnapshot fetch(Customer customer, SnapshotSide side, Progress progress) {
        try {
            FileServerSettings settings = FileServerSettings.of(customer.settings().sis());
            String server = settings.address().protocol().label();
            progress.report("Connecting to the district's " + server + " server", 0);
            Path export;
            RemoteFile newest;
            try (FileServerSession session = client.open(settings, FileServerSession.Steps.NONE)) {
                List<RemoteFile> files = session.list(settings.pattern());
                newest = NewestExport.in(files, settings.pattern()).orElseThrow(() -> FileServerException.fix(Checks.NEWEST_FILE,
                        noExport(settings, files.size())));
                export = ExportDownload.fetch(session, newest, settings.maxBytes(), downloads, server, progress);
            }
            try {
                progress.report("Reading the district's OneRoster files", 0);
                OneRosterImport result = reader.read(export, customer.id(), clock.instant());
                if (result.problemCount() > 0) {
                    LOG.warn("OneRoster import from the {} server (version {}) skipped {} bad rows and noted {} other problems",
                            server, result.version(), result.skippedRows(), result.problemCount() - result.skippedRows());
                }
                LOG.info("read the district's export from the {} server: {} bytes", server, newest.size());
                RosterSnapshot snapshot = result.fullSnapshot();
                progress.report("OneRoster files read", 100);
                return snapshot;
            } finally {
                Files.deleteIfExists(export);
            }
        } catch (FileServerException e) {
            LOG.warn("fetching the district's export failed at '{}'", e.check());
            throw new UserFacingException(title(e), e.getMessage(), e.status(), e);
        } catch (OneRosterFormatException e) {
            throw new UserFacingException("The district's OneRoster files cannot be used", e.getMessage(), 422, e);
        } catch (IOException e) {
            // kind only: the text of a zip or CSV error may quote the district's data
            LOG.warn("reading the district's export failed: {}", e.getClass().getName());
            throw new UserFacingException("The district's OneRoster files could not be read",
                    "The export downloaded from the district's file server could not be read (" + e.getClass().getSimpleName()
                            + "). Try again; if it keeps failing, ask an engineer.", 503, e);
        }
    }

    static String noExport(FileServerSettings settings, int files) {
        return "No file in " + settings.address().folderLabel() + " on the " + settings.address().protocol().label()
                + " server matches " + settings.pattern() + " (" + files + (files == 1 ? " file" : " files")
                + " there). Ask the district whether the export ran, or correct the pattern setting.";
    }

    private static String title(FileServerException e) {
        return switch (e.check()) {
            case Checks.SETTINGS -> "The customer's file server settings need fixing";
            case Checks.CREDENTIALS, Checks.LOGIN -> "The district's file server refused the login";
            case Checks.HOST_KEY, Checks.TLS -> "The district's file server could not be verified";
            case Checks.NEWEST_FILE, Checks.FOLDER -> "The district's export was not found";
            default -> switch (e.status()) {
                case 503 -> "The district's file server could not be reached";
                case 500 -> "CDT could not store the district's export";
                default -> "The district's export cannot be used";
            };
        };
    }
}
