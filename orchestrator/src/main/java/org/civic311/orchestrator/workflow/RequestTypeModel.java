package org.civic311.orchestrator.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.civic311.orchestrator.catalog.Attribute;
import org.civic311.orchestrator.catalog.Datatype;

/**
 * What a deployed BPMN file must hold, checked before anything of it is deployed. Every process: each
 * {@code camunda:delegateExpression} names a delegate bean of the application. A request type (a process with
 * {@code open311.group}) also: a routing step ({@code ${routeRequest}}), a call of the shared department work that
 * passes the request's tracking number as its business key, and start-form fields Open311 can express.
 */
final class RequestTypeModel {

    static final String ROUTE_REQUEST = "${routeRequest}";
    static final String DEPARTMENT_WORK = "department-work";
    /** The department's completion finds the waiting department work by it (WorkDoneCorrelation). */
    static final String BUSINESS_KEY = "#{execution.processBusinessKey}";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_$][\\w$]*)\\s*}");
    /** Camunda form-field types DeployedRequestTypes turns into Open311 datatypes. */
    private static final Set<String> FIELD_TYPES = Set.of("string", "long", "boolean", "date", "enum");

    private final BpmnModelInstance model;

    private RequestTypeModel(BpmnModelInstance model) {
        this.model = model;
    }

    /** Empty when the file is no BPMN the model API can read: the engine's own parser reports that. */
    static Optional<RequestTypeModel> read(byte[] bpmn) {
        try {
            return Optional.of(new RequestTypeModel(Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Per request type (process id) in this file, its questions and their listed values (answer keys). */
    Map<String, Map<String, List<String>>> requestTypes() {
        Map<String, Map<String, List<String>>> types = new LinkedHashMap<>();
        for (Process process : requestTypeProcesses()) {
            types.put(process.getId(), questions(DeployedRequestTypes.attributes(process.getId(), process)));
        }
        return types;
    }

    /** The questions a resident answers, each with its listed values (answer keys; none for free text). */
    static Map<String, List<String>> questions(List<Attribute> attributes) {
        Map<String, List<String>> questions = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            if (attribute.variable()) {
                questions.put(attribute.code(), attribute.values().stream().map(Attribute.Value::key).toList());
            }
        }
        return questions;
    }

    /** What is wrong, each naming the element id; empty when the file may be deployed. */
    List<String> problems(Set<String> delegateBeans) {
        List<String> problems = new ArrayList<>();
        unknownDelegates(model.getDocument().getRootElement(), null, delegateBeans, problems);
        for (Process process : requestTypeProcesses()) {
            String id = process.getId();
            boolean routes = hasDelegateExpression(process.getDomElement(), ROUTE_REQUEST);
            if (!routes) {
                problems.add("Process '" + id + "' is a request type (open311.group) without a routing step: add a"
                        + " service task with delegate expression " + ROUTE_REQUEST + ".");
            }
            List<CallActivity> departmentWork = model.getModelElementsByType(CallActivity.class).stream()
                    .filter(call -> isInside(call.getDomElement(), process.getDomElement()))
                    .filter(call -> DEPARTMENT_WORK.equals(call.getCalledElement()))
                    .toList();
            if (departmentWork.isEmpty()) {
                problems.add("Process '" + id + "' is a request type (open311.group) without the department's work:"
                        + " add a call activity calling " + DEPARTMENT_WORK + ".");
            }
            departmentWork.stream().filter(call -> !passesTrackingNumber(call)).forEach(call -> problems.add(
                    "Call activity '" + call.getId() + "' of process '" + id + "' does not pass the request's tracking"
                            + " number to " + DEPARTMENT_WORK + ": add <camunda:in businessKey=\"" + BUSINESS_KEY
                            + "\"/> (in the Modeler: Inputs, Business key)."));
            formFields(process).forEach(field -> fieldProblem(id, field).ifPresent(problems::add));
        }
        return problems;
    }

    private static boolean passesTrackingNumber(CallActivity call) {
        return call.getExtensionElements() != null && call.getExtensionElements().getElementsQuery()
                .filterByType(CamundaIn.class).list().stream()
                .map(CamundaIn::getCamundaBusinessKey)
                .anyMatch(key -> key != null && key.replace("${", "#{").replace(" ", "").equals(BUSINESS_KEY));
    }

    private List<Process> requestTypeProcesses() {
        return model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable)
                .filter(p -> DeployedRequestTypes.properties(p.getExtensionElements())
                        .containsKey(DeployedRequestTypes.GROUP))
                .toList();
    }

    private static List<CamundaFormField> formFields(Process process) {
        return process.getChildElementsByType(StartEvent.class).stream()
                .map(StartEvent::getExtensionElements).filter(e -> e != null)
                .flatMap(e -> e.getElementsQuery().filterByType(CamundaFormData.class).list().stream())
                .flatMap(form -> form.getCamundaFormFields().stream())
                .toList();
    }

    private static Optional<String> fieldProblem(String processId, CamundaFormField field) {
        String type = field.getCamundaType();
        if (type != null && !FIELD_TYPES.contains(type)) {
            return Optional.of("Form field '" + field.getCamundaId() + "' of process '" + processId + "' has type '"
                    + type + "', which Open311 cannot express: use string, long, boolean, date or enum.");
        }
        String datatype = DeployedRequestTypes.properties(field.getCamundaProperties())
                .get(DeployedRequestTypes.DATATYPE);
        if (datatype != null && Datatype.fromOpen311(datatype).isEmpty()) {
            return Optional.of("Form field '" + field.getCamundaId() + "' of process '" + processId + "' has "
                    + DeployedRequestTypes.DATATYPE + "=" + datatype + ", which is no Open311 datatype.");
        }
        return Optional.empty();
    }

    private static void unknownDelegates(DomElement element, String nearestId, Set<String> beans,
                                         List<String> problems) {
        String id = element.getAttribute("id") != null ? element.getAttribute("id") : nearestId;
        String expression = delegateExpression(element);
        if (expression != null) {
            Matcher bean = BEAN.matcher(expression.strip());
            if (bean.matches() && !beans.contains(bean.group(1))) {
                problems.add("Element '" + id + "' calls delegate " + expression + ", but there is no delegate bean "
                        + bean.group(1) + "; known: " + String.join(", ", new java.util.TreeSet<>(beans)) + ".");
            }
        }
        element.getChildElements().forEach(child -> unknownDelegates(child, id, beans, problems));
    }

    private static boolean hasDelegateExpression(DomElement element, String expression) {
        if (expression.equals(stripped(delegateExpression(element)))) {
            return true;
        }
        return element.getChildElements().stream().anyMatch(child -> hasDelegateExpression(child, expression));
    }

    /** A task's {@code camunda:delegateExpression}, or a Camunda listener's {@code delegateExpression}. */
    private static String delegateExpression(DomElement element) {
        return CAMUNDA_NS.equals(element.getNamespaceURI()) ? element.getAttribute("delegateExpression")
                : element.getAttribute(CAMUNDA_NS, "delegateExpression");
    }

    private static String stripped(String value) {
        return value == null ? null : value.replace(" ", "");
    }

    private static boolean isInside(DomElement element, DomElement ancestor) {
        for (DomElement e = element; e != null; e = e.getParentElement()) {
            if (e.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }
}
