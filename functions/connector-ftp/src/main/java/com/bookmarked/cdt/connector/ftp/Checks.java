package com.bookmarked.cdt.connector.ftp;

/** The names of the steps of reaching a file server, as the connection test lists them. */
final class Checks {

    static final String SETTINGS = "Customer settings";
    static final String CREDENTIALS = "Credentials";
    static final String CONNECTION = "Connection";
    static final String HOST_KEY = "Host key";
    static final String TLS = "TLS certificate";
    static final String LOGIN = "Login";
    static final String FOLDER = "Folder";
    static final String NEWEST_FILE = "Newest file";
    static final String DOWNLOAD = "Download";

    private Checks() {
    }
}
