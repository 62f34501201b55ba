package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.run.SnapshotProvider;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The SIS side of a customer whose SIS delivers OneRoster CSV files to a path we can read (a
 * zip or a folder). A location that is a URL ({@code sftp://...}) belongs to another connector.
 * Rows the reader had to skip are counted in the log, never their values.
 */
@Singleton
public class OneRosterCsvSnapshotProvider implements SnapshotProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OneRosterCsvSnapshotProvider.class);

    private final OneRosterCsvReader reader = new OneRosterCsvReader();
    private final Clock clock = Clock.systemUTC();

    @Override
    public boolean serves(Customer customer, SnapshotSide side) {
        CustomerSettings.Sis sis = customer.settings().sis();
        return side == SnapshotSide.SIS && sis != null && OneRosterCsvReader.SOURCE.equals(sis.type())
                && LocalExport.isLocal(sis.location());
    }

    @Override
    public RosterSnapshot fetch(Customer customer, SnapshotSide side, Progress progress) {
        String location = customer.settings().sis().location();
        Path export = LocalExport.path(location);
        if (export == null || !Files.exists(export)) {
            throw new UserFacingException("The district's OneRoster files were not found",
                    "No OneRoster export at " + location + ". Check the SIS location in the customer's settings.", 422);
        }
        progress.report("Reading the district's OneRoster files", 0);
        try {
            OneRosterImport result = reader.read(export, customer.id(), clock.instant());
            if (result.problemCount() > 0) {
                LOG.warn("OneRoster import (version {}) skipped {} bad rows and noted {} other problems",
                        result.version(), result.skippedRows(), result.problemCount() - result.skippedRows());
            }
            RosterSnapshot snapshot = result.fullSnapshot();
            progress.report("OneRoster files read", 100);
            return snapshot;
        } catch (OneRosterFormatException e) {
            throw new UserFacingException("The district's OneRoster files cannot be used", e.getMessage(), 422, e);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("The district's OneRoster files were not found",
                    "No OneRoster export at " + location + ".", 422, e);
        } catch (IOException e) {
            throw new UserFacingException("The district's OneRoster files could not be read",
                    "Reading " + export.getFileName() + " failed (" + e.getClass().getSimpleName()
                            + "). Check that CDT may read it and that it is not still being written.", 503, e);
        }
    }
}
