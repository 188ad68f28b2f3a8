package org.civic311.orchestrator.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.civic311.orchestrator.catalog.RequestType;
import org.civic311.orchestrator.routing.RoutingCoverage;
import org.civic311.orchestrator.routing.RuleFile;
import org.civic311.orchestrator.routing.RuleSet;
import org.civic311.orchestrator.routing.RulesRejected;
import org.springframework.stereotype.Component;

/**
 * Checks every deployment before the engine deploys anything of it (a pre-deployer): its rule files (DRL, decision
 * tables) must compile with the rules in force, its BPMN files must hold what a request type needs, and no request
 * type may be left to triage alone (see {@link RoutingCoverage}). Anything wrong rejects the whole deployment with a
 * {@link ParseException}, which {@code /engine-rest} answers with 400 and the message; the running rules stay. When it
 * passes, the node that deployed puts its rules in force as the transaction commits; the others read them from the
 * database within seconds ({@link RulesDeploymentWatch}).
 */
@Component
class DeploymentCheck extends AbstractProcessEnginePlugin implements Deployer {

    private final DeployedRules rules;
    private final Set<String> delegateBeans;

    DeploymentCheck(DeployedRules rules, Map<String, JavaDelegate> delegates, Map<String, TaskListener> listeners) {
        this.rules = rules;
        Set<String> beans = new HashSet<>(delegates.keySet());
        beans.addAll(listeners.keySet());
        this.delegateBeans = Set.copyOf(beans);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        deployers.add(this);
        configuration.setCustomPreDeployers(deployers);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // a stored deployment read again into the cache: checked when it was made
        }
        List<RuleFile> proposed = new ArrayList<>();
        Map<String, Map<String, List<String>>> newTypes = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            if (RuleFile.isRuleFile(name)) {
                try {
                    proposed.add(RuleFile.read(name, resource.getBytes()));
                } catch (RulesRejected e) {
                    throw rejected(name, e.getMessage());
                }
            } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                RequestTypeModel model = RequestTypeModel.read(resource.getBytes()).orElse(null);
                if (model != null) {
                    List<String> problems = model.problems(delegateBeans);
                    if (!problems.isEmpty()) {
                        throw rejected(name, String.join(" ", problems));
                    }
                    newTypes.putAll(model.requestTypes());
                }
            }
        }
        if (proposed.isEmpty() && newTypes.isEmpty()) {
            return;
        }
        RepositoryService repository = Context.getProcessEngineConfiguration().getRepositoryService();
        RuleSet candidate = rules.inForce().rules();
        Map<String, String> origins = Map.of();
        String resources = String.join(", ", proposed.stream().map(RuleFile::name).toList());
        if (!proposed.isEmpty()) {
            Map<String, StoredRuleFile> files = new TreeMap<>(rules.stored(repository));
            if (files.isEmpty()) {
                RuleSet.classpathFiles().forEach(f -> files.put(f.path(), new StoredRuleFile("rules/", f)));
            }
            proposed.forEach(f -> files.put(f.path(), new StoredRuleFile(deployment.getId(), f)));
            try {
                candidate = RuleSet.compile(files.values().stream().map(StoredRuleFile::file).toList());
            } catch (RulesRejected e) {
                throw rejected(resources, e.getMessage());
            }
            origins = DeployedRules.originsOf(files);
        }
        Map<String, Map<String, List<String>>> types = new TreeMap<>(newTypes);
        if (!proposed.isEmpty()) {
            // new rules must still route every type already deployed
            for (RequestType type : new DeployedRequestTypes(repository).all()) {
                types.putIfAbsent(type.serviceCode(), RequestTypeModel.questions(type.attributes()));
            }
        }
        List<String> unrouted = RoutingCoverage.unrouted(candidate, types);
        if (!unrouted.isEmpty()) {
            throw rejected(proposed.isEmpty() ? String.join(", ", newTypes.keySet()) : resources,
                    "No routing rule other than the triage fallback routes request type(s) " + String.join(", ", unrouted)
                            + ". Deploy a routing rule for each (it may come in the same deployment).");
        }
        if (!proposed.isEmpty()) {
            RuleSet accepted = candidate;
            Map<String, String> acceptedOrigins = origins;
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    context -> rules.putInForce(accepted, acceptedOrigins));
        }
    }

    private static ParseException rejected(String resource, String message) {
        return new ParseException("The deployment is rejected, nothing of it is deployed: " + message, resource,
                List.of(new Rejection(message)), List.of());
    }

    /** Why a resource is rejected, in the form the engine reports parse errors. */
    private record Rejection(String getMessage) implements Problem {

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return null;
        }

        @Override
        public List<String> getElementIds() {
            return List.of();
        }
    }
}
