package org.civic311.orchestrator.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.civic311.orchestrator.routing.RuleFile;
import org.civic311.orchestrator.routing.RuleSet;
import org.civic311.orchestrator.routing.RulesInForce;
import org.civic311.orchestrator.routing.RulesRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule files of the engine's deployments, the newest of each folder and name (e.g. {@code routing/routing.drl}),
 * and which of them this node has in force. Deployments never change, so what was read of one is kept.
 */
@Component
class DeployedRules {

    private static final Logger log = LoggerFactory.getLogger(DeployedRules.class);

    /**
     * Oldest first. The deployment time has only whole seconds on some databases; the time in a time-based id
     * (the engine's default ids) orders deployments of the same second.
     */
    static final Comparator<Deployment> OLDEST_FIRST = Comparator
            .comparing((Deployment d) -> d.getDeploymentTime() == null ? new Date(0) : d.getDeploymentTime())
            .thenComparingLong(d -> idTime(d.getId()))
            .thenComparing(Deployment::getId);

    private final RulesInForce inForce;
    private final Map<String, List<String>> ruleResourceNames = new ConcurrentHashMap<>();
    private final Map<String, RuleFile> read = new ConcurrentHashMap<>();
    /** Per path, the deployment whose file is in force; empty while the files of rules/ on the class path are. */
    private Map<String, String> origins = Map.of();

    DeployedRules(RulesInForce inForce) {
        this.inForce = inForce;
    }

    RulesInForce inForce() {
        return inForce;
    }

    /** Per path ({@code routing/routing.drl}), the newest stored file; empty when no deployment holds rules. */
    Map<String, StoredRuleFile> stored(RepositoryService repository) {
        Map<String, StoredRuleFile> newest = new TreeMap<>();
        List<Deployment> deployments = repository.createDeploymentQuery().list().stream().sorted(OLDEST_FIRST).toList();
        for (Deployment deployment : deployments) {
            for (String name : ruleResourceNames.computeIfAbsent(deployment.getId(),
                    id -> repository.getDeploymentResourceNames(id).stream().filter(RuleFile::isRuleFile).toList())) {
                RuleFile file = read(repository, deployment.getId(), name);
                if (file != null) {
                    newest.put(file.path(), new StoredRuleFile(deployment.getId(), file));
                }
            }
        }
        return newest;
    }

    synchronized boolean isInForce(Map<String, String> candidate) {
        return origins.equals(candidate);
    }

    /** Swaps the rules every decision uses from now on. */
    synchronized void putInForce(RuleSet rules, Map<String, String> newOrigins) {
        origins = Map.copyOf(newOrigins);
        String source = String.join(", ", new java.util.TreeSet<>(newOrigins.values()));
        inForce.replace(rules, "deployment " + source);
        log.info("Rules in force: {} from deployment(s) {}", newOrigins.keySet(), source);
    }

    static Map<String, String> originsOf(Map<String, StoredRuleFile> stored) {
        Map<String, String> origins = new TreeMap<>();
        stored.forEach((path, file) -> origins.put(path, file.deploymentId()));
        return origins;
    }

    private RuleFile read(RepositoryService repository, String deploymentId, String name) {
        String key = deploymentId + "/" + name;
        RuleFile known = read.get(key);
        if (known != null) {
            return known;
        }
        try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
            RuleFile file = RuleFile.read(name, in.readAllBytes());
            read.put(key, file);
            return file;
        } catch (RulesRejected e) {
            // only a deployment made before rule files were checked can hold one
            log.warn("Deployment {} holds {}, which is not a rule file in force: {}", deploymentId, name,
                    e.getMessage());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long idTime(String id) {
        try {
            UUID uuid = UUID.fromString(Objects.requireNonNull(id));
            return uuid.version() == 1 ? uuid.timestamp() : 0;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 0;
        }
    }
}
