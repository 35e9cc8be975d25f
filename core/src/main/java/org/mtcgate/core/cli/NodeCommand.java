package org.mtcgate.core.cli;

import org.mtcgate.core.config.NodeConfig;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.node.Node;
import org.mtcgate.core.node.NodeException;
import org.mtcgate.filter.yaml.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mtcgate node}: runs the node until it is stopped (SIGINT/SIGTERM), then stops it cleanly; with
 * {@code --check}, only reads the config and the files it names and says whether the node would take them.
 */
@Command(name = "node", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run the node with the roles its config selects, or check its config without starting.")
final class NodeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The sample config of the installation (scripts/mtcgate names it), else config/ under the working directory. */
    @Option(names = {"-c", "--config"}, defaultValue = "${sys:mtcgate.home:-.}/config/mtcgate.yaml",
            description = "node config (default ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--check", arity = "0..1", paramLabel = "CONFIG", fallbackValue = "",
            description = "check CONFIG (or the -c config) and the files it names, then exit: 0 if the node would take them, else 1")
    String check;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (check != null) {
            return check(check.isEmpty() ? config : Path.of(check), out, err);
        }
        NodeConfig cfg;
        try {
            cfg = NodeConfigFile.load(config);
        } catch (ConfigException e) {
            err.println("config refused: " + e.getMessage());
            return 1;
        }
        Node node;
        try {
            node = Node.start(cfg, Clock.systemUTC());
        } catch (NodeException e) {
            err.println("node not started: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // One line when the stop begins and one when it is done: under systemd these two lines are the stop.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("mtcgate node '" + cfg.name() + "' stopping");
            out.flush();
            node.close();
            out.println("mtcgate node '" + cfg.name() + "' stopped");
            out.flush();
            // log4j's own hook is off (log4j2.xml): what the node logs while closing would otherwise be lost
            org.apache.logging.log4j.LogManager.shutdown();
            stopped.countDown();
        }, "mtcgate-shutdown"));
        out.println("mtcgate node '" + cfg.name() + "' running roles " + cfg.roles());
        node.diameterAddress().ifPresent(a -> out.println("  Tsp (" + (cfg.diameter().insecureLab() ? "plain TCP, INSECURE LAB" : "mutual TLS")
                + ") on " + a.getAddress().getHostAddress() + ":" + a.getPort() + " as " + cfg.diameter().identity()));
        // The BSF's Ub is a listener of its own; Zn and Zpn share the Diameter one above.
        node.ubAddress().ifPresent(a -> out.println("  BSF " + cfg.bsf().serverName() + ": Ub on https://" + a.getHostString()
                + ":" + a.getPort() + "/; Zn and Zpn on the Diameter listener"));
        if (cfg.ss7() != null) {
            out.println("  SS7 GT " + cfg.ss7().localGt() + ", point code " + cfg.ss7().pointCode() + ", M3UA/TCP:");
            cfg.ss7().peers().forEach(p -> out.println("    " + p.name() + " (PC " + p.pointCode() + "): " + p.describe()
                    + (p.gtPrefixes().isEmpty() ? "" : ", GTs " + String.join(" ", p.gtPrefixes()) + "*")));
        }
        node.consolePort().ifPresent(p -> out.println("  console: ssh -p " + p + " <user>@" + cfg.console().host()));
        node.metricsPort().ifPresent(p -> out.println("  metrics: http://" + cfg.metricsListen().getHostString() + ":" + p + "/metrics"));
        out.println("  audit: " + cfg.audit().dir().resolve("audit.jsonl"));
        out.println("  policy " + cfg.policyFile() + " (digest " + node.filter().policy().digest() + "), data in " + cfg.dataDir());
        out.println("stop with Ctrl-C");
        out.flush();
        stopped.await();
        return 0;
    }

    private static int check(Path file, PrintWriter out, PrintWriter err) {
        try {
            ConfigCheck.run(file).forEach(out::println);
            return 0;
        } catch (ConfigException e) {
            err.println("config refused: " + e.getMessage());
            return 1;
        }
    }
}
