package io.cocoon4j.cli.net;

import io.cocoon4j.network.local.LocalNetwork;
import io.cocoon4j.network.toncenter.ToncenterServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * An in-memory local network served on a free port, with the cocoon home and endpoint pointed at it
 * for in-process commands, and an owner-only password file.
 */
record TestEndpoint(LocalNetwork network, ToncenterServer server, Path passwordFile) implements AutoCloseable {

    static TestEndpoint start(Path home) throws Exception {
        LocalNetwork network = LocalNetwork.inMemory();
        ToncenterServer server = ToncenterServer.start(network, 0, Optional.empty());
        System.setProperty("cocoon.home", home.toString());
        System.setProperty("cocoon.local_endpoint", server.endpoint());
        Path pw = home.resolve("pw");
        Files.writeString(pw, "a-good-password\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        return new TestEndpoint(network, server, pw);
    }

    @Override
    public void close() {
        System.clearProperty("cocoon.home");
        System.clearProperty("cocoon.local_endpoint");
        server.close();
        network.close();
    }
}
