package org.civic311.orchestrator.workflow;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * What staff may do, granted at start to the staff groups (from the settings or the directory alike):
 * <ul>
 *   <li>every staff group: Tasklist, its shared filter {@value #FILTER}, and reading process definitions (the
 *       process names and forms Tasklist shows). Which tasks they see and complete is the engine's own rule: a
 *       task's candidate group gets read and work (claim, complete) on that task when the task is created, so a department's
 *       supervisors get that department's escalations and no other;</li>
 *   <li>directors: besides, every task, to see and complete.</li>
 * </ul>
 * Nobody but the administrators may deploy, start or change processes, or use Cockpit and Admin.
 */
@Component
class StaffRights extends AbstractProcessEnginePlugin {

    /** The Tasklist filter every member of staff has: all the tasks they may see. */
    static final String FILTER = "Open tasks";
    static final String TASKLIST = "tasklist";

    private final StaffGroups groups;

    StaffRights(StaffGroups groups) {
        this.groups = groups;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        String filter = sharedFilter(engine);
        Grants grants = new Grants(engine.getAuthorizationService());
        for (String group : groups.all().keySet()) {
            grants.toGroup(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
            grants.toGroup(group, Resources.FILTER, filter, Permissions.READ);
            grants.toGroup(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grants.toGroup(group, Resources.GROUP, group, Permissions.READ);
        }
        grants.toGroup(StaffGroups.DIRECTORS, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
    }

    /** An empty task query: the engine leaves in it only the tasks the user may read. */
    private static String sharedFilter(ProcessEngine engine) {
        FilterService filters = engine.getFilterService();
        Filter existing = filters.createTaskFilterQuery().filterName(FILTER).singleResult();
        if (existing != null) {
            return existing.getId();
        }
        Filter filter = filters.newTaskFilter(FILTER);
        filter.setQuery(engine.getTaskService().createTaskQuery());
        filter.setProperties(Map.of("description", "The tasks you may work on", "priority", -10,
                "refresh", true));
        return filters.saveFilter(filter).getId();
    }
}
