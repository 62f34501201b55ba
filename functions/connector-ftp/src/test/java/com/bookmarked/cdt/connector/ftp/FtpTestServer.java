package com.bookmarked.cdt.connector.ftp;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.ftplet.UserManager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A real FTP server (Apache MINA FtpServer) on 127.0.0.1 and a free port, passive mode on free
 * ports, serving a folder as the user's home; optionally FTPS (explicit or implicit) with a
 * keystore made for the test, and optionally without the commands an old server lacks.
 */
final class FtpTestServer implements AutoCloseable {

    static final String USER = "district-ftp";
    static final String PASSWORD = "ftp-correct-horse-9";

    private final FtpServer server;
    private final Listener listener;

    /**
     * @param tls the keystore to serve FTPS with, or null for plain FTP
     * @param refused FTP commands the server answers with 502 (e.g. MLSD, to act like an older server)
     */
    FtpTestServer(Path home, TestCertificates.Keystore tls, boolean implicit, Set<String> refused) throws FtpException {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress("127.0.0.1");
        listenerFactory.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts("0");
        data.setPassiveAddress("127.0.0.1");
        if (tls != null) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(tls.file().toFile());
            ssl.setKeystorePassword(tls.password());
            ssl.setKeystoreType("PKCS12");
            listenerFactory.setSslConfiguration(ssl.createSslConfiguration());
            listenerFactory.setImplicitSsl(implicit);
            data.setImplicitSsl(implicit);
        }
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listenerFactory.createListener());

        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager userManager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toString());
        userManager.save(user);
        factory.setUserManager(userManager);
        if (!refused.isEmpty()) {
            // the server clears this map when it stops: it must be mutable
            factory.setFtplets(new HashMap<>(Map.of("refuse", new DefaultFtplet() {
                @Override
                public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
                    if (refused.contains(request.getCommand().toUpperCase())) {
                        session.write(new DefaultFtpReply(FtpReply.REPLY_502_COMMAND_NOT_IMPLEMENTED, "Command not implemented."));
                        return FtpletResult.SKIP;
                    }
                    return FtpletResult.DEFAULT;
                }
            })));
        }
        server = factory.createServer();
        server.start();
        listener = factory.getListener("default");
    }

    int port() {
        return listener.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
