package dk.bindeled.infra.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real three-node Kafka cluster in KRaft mode in this JVM, for the fault tests: every node is a combined
 * broker and controller, all three are the controller quorum's voters, and each node's storage is formatted
 * with the same cluster id, like {@link EmbeddedKraftBroker} (same entry points, same restartable data).
 * Topics get replication factor 3 and {@code min.insync.replicas} 2 by default, as in production, so with
 * {@code acks=all} an acknowledged record is on at least two nodes and the cluster survives losing any one.
 * {@link #stop(int)} shuts one node's {@link KafkaRaftServer} down; {@link #start(int)} brings it back.
 */
public final class EmbeddedKraftCluster implements AutoCloseable {

    public static final int NODES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKraftCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final String clusterId = Uuid.randomUuid().toString();
    private final int[] ports = new int[NODES];
    private final int[] controllerPorts = new int[NODES];
    private final KafkaRaftServer[] servers = new KafkaRaftServer[NODES];

    /** A cluster on six free loopback ports, its nodes' data under {@code dataDir}. */
    public EmbeddedKraftCluster(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
        for (int i = 0; i < NODES; i++) {
            ports[i] = EmbeddedKraftBroker.freePort();
            controllerPorts[i] = EmbeddedKraftBroker.freePort();
        }
        // A node that hits a fatal fault halts its process; here that would be the whole test JVM with every other
        // node and the service under test. The node's thread gets an exception instead, and the test its failure.
        Exit.setExitProcedure(EmbeddedKraftCluster::refuseExit);
        Exit.setHaltProcedure(EmbeddedKraftCluster::refuseExit);
    }

    private static void refuseExit(int status, String message) {
        LOG.error("A Kafka node asked to end the JVM ({}): {}", status, message);
        throw new IllegalStateException("Kafka node fault (exit " + status + "): " + message);
    }

    /** Every node's address: clients find the live ones among them. */
    public String bootstrapServers() {
        return IntStream.range(0, NODES).mapToObj(i -> "127.0.0.1:" + ports[i]).collect(Collectors.joining(","));
    }

    /** The node id Kafka knows node {@code index} (0-based) by, as in a partition's leader or replicas. */
    public static int nodeId(int index) {
        return index + 1;
    }

    public synchronized boolean isRunning(int index) {
        return servers[index] != null;
    }

    /**
     * Starts every node that is not running, at the same time: a node's broker waits for the controller quorum,
     * which needs a majority of the voters, so one started alone would never come up.
     */
    public EmbeddedKraftCluster start() {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            int index = i;
            starting.add(CompletableFuture.runAsync(() -> start(index)));
        }
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            if (e instanceof java.util.concurrent.TimeoutException) {
                throw new IllegalStateException("The embedded Kafka cluster did not start within " + START_TIMEOUT, e);
            }
            Throwable cause = e instanceof java.util.concurrent.ExecutionException || e instanceof CompletionException ? e.getCause() : e;
            throw new IllegalStateException("The embedded Kafka cluster failed to start: " + cause, cause);
        }
        LOG.info("Kafka (KRaft) cluster of {} nodes listening on {}", NODES, bootstrapServers());
        return this;
    }

    /** Starts one node (0-based) on its data and ports; the other two must be running for it to come up. */
    public void start(int index) {
        KafkaRaftServer server;
        Path nodeDir = dataDir.resolve("node-" + nodeId(index));
        try {
            Files.createDirectories(nodeDir);
            Path configFile = nodeDir.resolve("server.properties");
            Properties props = config(index, nodeDir);
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "Bindeled embedded KRaft cluster node " + nodeId(index));
            }
            synchronized (this) {
                if (servers[index] != null) {
                    return;
                }
                EmbeddedKraftBroker.formatOnce(nodeDir, configFile, clusterId);
                server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
                servers[index] = server;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Kafka node " + nodeId(index) + " in " + nodeDir, e);
        }
        // Outside the lock: startup blocks until the quorum answers, which needs the other nodes starting too.
        server.startup();
        EmbeddedKraftBroker.awaitListening(ports[index], START_TIMEOUT);
        LOG.info("Kafka node {} listening on 127.0.0.1:{}", nodeId(index), ports[index]);
    }

    /** Shuts one node (0-based) down; its data stays for {@link #start(int)}. */
    public void stop(int index) {
        KafkaRaftServer server;
        synchronized (this) {
            server = servers[index];
            servers[index] = null;
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            LOG.info("Kafka node {} on 127.0.0.1:{} stopped", nodeId(index), ports[index]);
        }
    }

    /**
     * Stops every node at the same time: one by one, the last would wait for a quorum that is already gone.
     */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            int index = i;
            stopping.add(CompletableFuture.runAsync(() -> stop(index)));
        }
        try {
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("The embedded Kafka cluster did not stop cleanly: {}", e.toString());
        }
        Exit.resetExitProcedure();
        Exit.resetHaltProcedure();
    }

    private Properties config(int index, Path nodeDir) {
        String voters = IntStream.range(0, NODES).mapToObj(i -> nodeId(i) + "@127.0.0.1:" + controllerPorts[i])
                .collect(Collectors.joining(","));
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(nodeId(index)));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + ports[index] + ",CONTROLLER://127.0.0.1:" + controllerPorts[index]);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports[index]);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", nodeDir.resolve("logs").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        // Production's durability: a topic declared without a replication factor gets these.
        p.setProperty("default.replication.factor", "3");
        p.setProperty("min.insync.replicas", "2");
        p.setProperty("offsets.topic.replication.factor", "3");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "3");
        p.setProperty("transaction.state.log.min.isr", "2");
        p.setProperty("share.coordinator.state.topic.replication.factor", "3");
        p.setProperty("share.coordinator.state.topic.min.isr", "2");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // A node that stops answering is fenced within seconds, not the default 9, so a test does not wait long.
        p.setProperty("broker.session.timeout.ms", "3000");
        p.setProperty("broker.heartbeat.interval.ms", "500");
        return p;
    }
}
