package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.core.tool.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Downloads the export to a temporary file (readable by this process only) and checks it: no
 * larger than the limit (before and while downloading, as listings can be wrong and files grow),
 * exactly the size listed (else it was still being written), and a zip. The caller deletes the
 * file; on any failure it is deleted here.
 */
final class ExportDownload {

    private static final int BUFFER = 64 * 1024;

    private ExportDownload() {
    }

    /** Why a file of that size is refused, or null when it is within the limit. */
    static String overLimit(RemoteFile file, long maxBytes) {
        if (file.size() <= maxBytes) {
            return null;
        }
        return "The newest export, " + file.name() + ", is " + ByteSize.describe(file.size()) + ", more than the limit of "
                + ByteSize.describe(maxBytes) + " (maxBytes in the settings). If the district's rosters have grown that much, "
                + "raise maxBytes; otherwise ask the district what the file is.";
    }

    static Path fetch(FileServerSession session, RemoteFile file, long maxBytes, Path folder, String server, Progress progress)
            throws IOException {
        String tooLarge = overLimit(file, maxBytes);
        if (tooLarge != null) {
            throw FileServerException.fix(Checks.DOWNLOAD, tooLarge);
        }
        String phase = "Downloading " + file.name() + (file.size() >= 0 ? " (" + ByteSize.describe(file.size()) + ")" : "")
                + " from the district's " + server + " server";
        progress.report(phase, 0);
        Path temp;
        try {
            temp = Files.createTempFile(Files.createDirectories(folder), "sis-export-", ".zip");
        } catch (IOException e) {
            throw storeFailure(file, e);
        }
        boolean kept = false;
        long received = 0;
        try {
            try (InputStream in = session.download(file); OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[BUFFER];
                int lastPercent = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received += n;
                    if (received > maxBytes) {
                        throw FileServerException.fix(Checks.DOWNLOAD, "CDT stopped downloading " + file.name() + " at "
                                + ByteSize.describe(maxBytes) + ", the limit (maxBytes in the settings): the file is larger than "
                                + "the server listed. Ask the district what it is, or raise maxBytes.");
                    }
                    try {
                        out.write(buffer, 0, n);
                    } catch (IOException e) {
                        throw storeFailure(file, e);
                    }
                    if (file.size() > 0) {
                        int percent = (int) Math.min(99, received * 100 / file.size());
                        if (percent > lastPercent) {
                            lastPercent = percent;
                            progress.report(phase, percent);
                            if (progress.cancelled()) {
                                throw FileServerException.fix(Checks.DOWNLOAD, "The run was cancelled while " + file.name()
                                        + " was downloading; nothing was read.");
                            }
                        }
                    }
                }
            } catch (FileServerException e) {
                throw e;
            } catch (IOException e) {
                throw FileServerException.retry(Checks.DOWNLOAD, "The download of " + file.name() + " broke off after "
                        + ByteSize.describe(received) + " (" + e.getClass().getSimpleName() + "). Try again in a few minutes.", e);
            }
            session.finishDownload();
            if (file.size() >= 0 && received != file.size()) {
                throw FileServerException.retry(Checks.DOWNLOAD, file.name() + " changed while CDT downloaded it (listed at "
                        + ByteSize.describe(file.size()) + ", received " + ByteSize.describe(received) + "): the district may "
                        + "still be uploading it. Try again in a few minutes.", null);
            }
            String notZip = notAZip(temp, file.name());
            if (notZip != null) {
                throw FileServerException.fix(Checks.DOWNLOAD, notZip);
            }
            progress.report(phase, 100);
            kept = true;
            return temp;
        } finally {
            if (!kept) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Writing the download failed on our side (most often a full disk): retrying will not help. */
    private static FileServerException storeFailure(RemoteFile file, IOException e) {
        return new FileServerException(Checks.DOWNLOAD, "CDT could not store " + file.name() + " (" + ByteSize.describe(file.size())
                + ") while downloading it (" + e.getClass().getSimpleName() + "); its download folder may be full. Engineers: "
                + "give the function more temporary storage than maxBytes, or set cdt.connectors.ftp.download-folder.", 500, e);
    }

    /** Why the file is not a zip, judged by its first bytes, or null when it starts like one. */
    static String notAZip(Path file, String name) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)) {
            return null;
        }
        String looks;
        if (n == 0) {
            looks = "it is empty";
        } else if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            looks = "it is gzip-compressed, not zipped";
        } else if (printable(head, n)) {
            looks = "it looks like a text file, perhaps a single CSV";
        } else {
            looks = "its content is not a zip archive";
        }
        return name + " is not a zip file (" + looks + "). CDT reads a OneRoster export as one zip of CSV files: ask the "
                + "district to send that, or narrow the pattern setting to the right files.";
    }

    private static boolean printable(byte[] head, int n) {
        String s = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        return s.chars().allMatch(c -> c == '\t' || c == '\r' || c == '\n' || (c >= 0x20 && c < 0x7f) || c == 0xef || c == 0xbb || c == 0xbf);
    }
}
