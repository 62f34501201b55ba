package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.core.connector.ConnectionCheck;
import com.bookmarked.cdt.core.connector.ConnectionTestResult;
import com.bookmarked.cdt.core.connector.ConnectionTestResult.Check;
import com.bookmarked.cdt.core.customer.Customer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Test connection" for a district that drops its OneRoster zips on a file server: the
 * settings, the secret, the connection, the host key (SFTP) or certificate (FTPS), the login,
 * the folder's listing, and the newest matching file (name, size, date, within the size limit).
 * It downloads nothing: a run reads the file.
 */
@Singleton
public class FileServerConnectionCheck implements ConnectionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(FileServerConnectionCheck.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private final FileServerClient client;
    private final Clock clock;

    @Inject
    public FileServerConnectionCheck(FileServerClient client) {
        this(client, Clock.systemUTC());
    }

    FileServerConnectionCheck(FileServerClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String connector() {
        return "ftp";
    }

    @Override
    public ConnectionTestResult test(Customer customer) {
        List<Check> checks = new ArrayList<>();
        try {
            FileServerSettings settings = FileServerSettings.of(customer.settings().sis());
            String server = settings.address().protocol().label();
            checks.add(new Check(Checks.SETTINGS, true, "The customer's SIS is OneRoster CSV on the " + server + " server "
                    + settings.address() + ", files matching " + settings.pattern() + ", at most "
                    + ByteSize.describe(settings.maxBytes()) + "."));
            try (FileServerSession session = client.open(settings, (check, message) -> checks.add(new Check(check, true, message)))) {
                List<RemoteFile> files = session.list(settings.pattern());
                long matching = NewestExport.matching(files, settings.pattern());
                checks.add(new Check(Checks.FOLDER, true, "Listed " + settings.address().folderLabel() + ": "
                        + count(files.size(), "file") + ", " + matching + " matching " + settings.pattern() + "."));
                RemoteFile newest = NewestExport.in(files, settings.pattern()).orElseThrow(() ->
                        FileServerException.fix(Checks.NEWEST_FILE, FileServerSnapshotProvider.noExport(settings, files.size())));
                String tooLarge = ExportDownload.overLimit(newest, settings.maxBytes());
                if (tooLarge != null) {
                    throw FileServerException.fix(Checks.NEWEST_FILE, tooLarge);
                }
                String found = "The newest export on the district's " + server + " server is " + newest.name() + " ("
                        + ByteSize.describe(newest.size()) + when(newest.modified()) + ").";
                checks.add(new Check(Checks.NEWEST_FILE, true, found));
                return ConnectionTestResult.of(checks, found);
            }
        } catch (FileServerException e) {
            checks.add(new Check(e.check(), false, e.getMessage()));
            return ConnectionTestResult.failed(checks);
        } catch (IOException e) {
            LOG.warn("a file server connection test broke off: {}", e.getClass().getName());
            checks.add(new Check(Checks.FOLDER, false, "The server broke off while CDT listed the folder ("
                    + e.getClass().getSimpleName() + "). Try again in a few minutes."));
            return ConnectionTestResult.failed(checks);
        }
    }

    private String when(Instant modified) {
        if (modified == null) {
            return ", no date given by the server";
        }
        Duration age = Duration.between(modified, clock.instant());
        String ago;
        if (age.isNegative() || age.toMinutes() < 1) {
            ago = "just now";
        } else if (age.toHours() < 1) {
            ago = count((int) age.toMinutes(), "minute") + " ago";
        } else if (age.toDays() < 2) {
            ago = count((int) age.toHours(), "hour") + " ago";
        } else {
            ago = count((int) age.toDays(), "day") + " ago";
        }
        return ", written " + WHEN.format(modified) + ", " + ago;
    }

    static String count(long n, String noun) {
        return String.format(Locale.US, "%,d %s", n, n == 1 ? noun : noun + "s");
    }
}
