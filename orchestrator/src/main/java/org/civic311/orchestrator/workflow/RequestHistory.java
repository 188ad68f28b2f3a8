package org.civic311.orchestrator.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The history level {@code request}, Civic311's default: each process instance (started, ended, and at which end
 * event), each user task (who worked an escalation, and when), each incident, and what staff did through the engine's
 * API. Not every activity a request passed, which the engine's own level {@code activity} keeps: a dozen rows per
 * request, with a dozen indexes each, more than all the rest of a request together, and nothing reads them, since the
 * request's story is in Civic311's own tables.
 * <p>
 * The engine refuses to start on a database that has another level on record. A change of level is a setting like
 * any other here: the level on record is made the configured one before the engine checks, and the change is logged.
 */
@Component
class RequestHistory extends AbstractProcessEnginePlugin {

    static final String NAME = "request";

    private static final Logger log = LoggerFactory.getLogger(RequestHistory.class);

    static final HistoryLevel LEVEL = new HistoryLevel() {

        private final Set<HistoryEventTypes> produced = EnumSet.of(
                HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
                HistoryEventTypes.PROCESS_INSTANCE_MIGRATE, HistoryEventTypes.PROCESS_INSTANCE_END,
                HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_UPDATE,
                HistoryEventTypes.TASK_INSTANCE_MIGRATE, HistoryEventTypes.TASK_INSTANCE_COMPLETE,
                HistoryEventTypes.TASK_INSTANCE_DELETE,
                HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_MIGRATE,
                HistoryEventTypes.INCIDENT_DELETE, HistoryEventTypes.INCIDENT_RESOLVE,
                HistoryEventTypes.INCIDENT_UPDATE,
                HistoryEventTypes.USER_OPERATION_LOG);

        @Override
        public int getId() {
            // The engine's own levels are 0 to 3.
            return 311;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType instanceof HistoryEventTypes type && produced.contains(type);
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            custom.addAll(configuration.getCustomHistoryLevels());
        }
        custom.add(LEVEL);
        configuration.setCustomHistoryLevels(custom);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (ProcessEngineConfigurationImpl.HISTORY_AUTO.equals(configuration.getHistory())) {
            return;
        }
        recordLevel(configuration.getDataSource(), configuration.getDatabaseTablePrefix(),
                configuration.getHistoryLevel());
    }

    /** Puts the configured level on record, where a database already has one; a new database gets it from the engine. */
    static void recordLevel(DataSource dataSource, String tablePrefix, HistoryLevel level) {
        String prefix = tablePrefix == null ? "" : tablePrefix;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + prefix + "ACT_GE_PROPERTY SET VALUE_ = ? "
                     + "WHERE NAME_ = 'historyLevel' AND VALUE_ <> ?")) {
            String id = Integer.toString(level.getId());
            update.setString(1, id);
            update.setString(2, id);
            if (update.executeUpdate() > 0) {
                log.warn("The engine's history level is now {} (camunda.bpm.history-level); the history kept so far "
                        + "stays as it was", level.getName());
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException noEngineTablesYet) {
            log.debug("No history level on record yet: {}", noEngineTablesYet.getMessage());
        }
    }
}
