package com.bookmarked.cdt.connector.ftp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A logged-in session on the district's file server, in the export folder. */
interface FileServerSession extends Closeable {

    /**
     * The plain files in the folder (not folders, not links), as the server lists them. Servers
     * whose listing gives times to the minute only are asked for exact times of the files that
     * {@code exactTimes} names (the candidates), one request each.
     */
    List<RemoteFile> list(FileNamePattern exactTimes) throws IOException;

    /**
     * The content of a file in the folder. Closing the stream ends the transfer; a session may
     * need {@link #finishDownload()} after it before its next command.
     */
    InputStream download(RemoteFile file) throws IOException;

    /** Confirms that the server completed the transfer just read; throws when it reports a failure. */
    default void finishDownload() throws IOException {
    }

    @Override
    void close();

    /** What the steps of opening a session found, for the connection test; a run ignores them. */
    interface Steps {
        Steps NONE = (check, message) -> {
        };

        void passed(String check, String message);
    }
}
