package org.civic311.orchestrator.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.civic311.orchestrator.routing.RuleFile;
import org.civic311.orchestrator.routing.RuleSet;
import org.civic311.orchestrator.routing.RulesRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node on the newest rules deployed. At first start (no deployment holds rules yet) it deploys the files of
 * {@code rules/}; from then on the database is the source of truth. Every few seconds
 * ({@code civic311.rules.check-interval}) it asks whether the deployments changed (their count and the newest one, a
 * cheap query) and, when the rule files did, compiles them and swaps the rules in force. Deleting a deployment in
 * Cockpit puts the files it replaced back in force.
 */
@Component
class RulesDeploymentWatch implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RulesDeploymentWatch.class);
    static final String FIRST_DEPLOYMENT = "rules";

    private final RepositoryService repository;
    private final DeployedRules rules;
    private Fingerprint seen;

    RulesDeploymentWatch(RepositoryService repository, DeployedRules rules) {
        this.repository = repository;
        this.rules = rules;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (rules.stored(repository).isEmpty()) {
            deployRulesFolder();
        }
        check();
    }

    @Scheduled(fixedDelayString = "${civic311.rules.check-interval:PT5S}",
            initialDelayString = "${civic311.rules.check-interval:PT5S}")
    synchronized void check() {
        Fingerprint now = fingerprint();
        if (now.equals(seen)) {
            return;
        }
        Map<String, StoredRuleFile> stored = rules.stored(repository);
        Map<String, String> origins = DeployedRules.originsOf(stored);
        if (!stored.isEmpty() && !rules.isInForce(origins)) {
            try {
                rules.putInForce(RuleSet.compile(stored.values().stream().map(StoredRuleFile::file).toList()), origins);
            } catch (RulesRejected e) {
                // checked when deployed, so only a change of the application's own classes can cause this
                log.error("The deployed rules do not compile here; the rules in force stay: {}", e.getMessage());
            }
        }
        seen = now;
    }

    private Fingerprint fingerprint() {
        List<Deployment> newest = repository.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 1);
        return new Fingerprint(repository.createDeploymentQuery().count(),
                newest.isEmpty() ? null : newest.get(0).getId());
    }

    private void deployRulesFolder() {
        try {
            DeploymentBuilder deployment = repository.createDeployment().name(FIRST_DEPLOYMENT).source("rules/")
                    .enableDuplicateFiltering(false);
            Resource[] files = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                    .getResources("classpath*:rules/*/*");
            int count = 0;
            for (Resource file : files) {
                if (file.getFilename() != null && RuleFile.isRuleFile(file.getFilename())) {
                    String folder = RuleFile.read(file.getFilename(), file.getContentAsByteArray()).knowledgeBase();
                    deployment.addInputStream("rules/" + folder + "/" + file.getFilename(), file.getInputStream());
                    count++;
                }
            }
            if (count > 0) {
                log.info("First start: deploying the {} rule files of rules/", count);
                deployment.deploy();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules/ from the class path", e);
        }
    }

    private record Fingerprint(long deployments, String newest) {
    }
}
