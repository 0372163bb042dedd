package io.github.kalshi4j.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.codegen.PrepareSpecs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an OpenAPI document (YAML or JSON) with swagger-parser into an {@link ApiShape}. External references are
 * resolved by the parser; component references are kept, because a {@code $ref} to an object is a class in the SDK.
 *
 * <p>YAML is first read with Jackson YAML and handed to swagger-parser as JSON: swagger-parser's own YAML loading
 * resolves mapping keys the YAML 1.1 way, so the order book's {@code yes}/{@code no} properties would arrive as
 * {@code "true"}/{@code "false"}; Jackson reports keys verbatim (YAML 1.2 semantics for our purpose).
 */
public final class OpenApiReader {

    private OpenApiReader() {
    }

    /**
     * Parses a document.
     *
     * @param bytes the document
     * @param label what it is, for reports
     * @throws IllegalArgumentException when it is not an OpenAPI document
     */
    public static ApiShape read(byte[] bytes, String label) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(asJson(bytes, label), null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalArgumentException(label + " is not an OpenAPI 3 document: " + result.getMessages());
        }
        return new OpenApiReader.Reading(api).shape(label);
    }

    /** The document as JSON text, converted from YAML by Jackson when needed (see the class comment). */
    static String asJson(byte[] bytes, String label) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.stripLeading().startsWith("{")) {
            return text;
        }
        try {
            return new ObjectMapper().writeValueAsString(PrepareSpecs.yamlMapper().readTree(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException(label + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** One parse's worth of state: the components every lookup resolves against. */
    private static final class Reading {
        private final OpenAPI api;
        private final Map<String, SchemaNode> components = new LinkedHashMap<>();
        private final SpecShapes shapes;

        Reading(OpenAPI api) {
            this.api = api;
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().forEach((name, schema) -> components.put(name, node(schema)));
            }
            this.shapes = new SpecShapes(components);
        }

        ApiShape shape(String label) {
            Map<String, OperationShape> operations = new LinkedHashMap<>();
            Set<String> bodies = new LinkedHashSet<>();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                OperationShape shape = operation(path, item, method, op);
                operations.put(shape.id(), shape);
                if (shape.body() != null && shape.body().spec() instanceof TypeRef.Named n && n.name().startsWith("$")) {
                    bodies.add(n.name().substring(1));
                }
            }));
            String version = api.getInfo() == null ? null : api.getInfo().getVersion();
            return new ApiShape(label, version, operations, shapes.componentShapes(), shapes.reachable(bodies),
                    Map.of(), Map.of());
        }

        private OperationShape operation(String path, PathItem item, PathItem.HttpMethod method, Operation op) {
            String id = op.getOperationId() != null ? op.getOperationId()
                    : method.name().toLowerCase(Locale.ROOT) + " " + path;
            Map<String, ParamShape> params = new LinkedHashMap<>();
            List<Parameter> all = new ArrayList<>();
            if (item.getParameters() != null) {
                all.addAll(item.getParameters());
            }
            if (op.getParameters() != null) {
                all.addAll(op.getParameters()); // operation-level parameters override path-level ones by key
            }
            for (Parameter p : all) {
                Parameter resolved = resolve(p);
                ParamShape shape = param(resolved);
                params.put(shape.key(), shape);
            }
            OperationShape.Types body = null;
            RequestBody rb = resolve(op.getRequestBody());
            if (rb != null) {
                Schema<?> s = json(rb.getContent());
                if (s != null) {
                    SchemaNode n = node(s);
                    body = new OperationShape.Types(shapes.specType(n, id + ".body"), shapes.javaType(n, id + ".body", false));
                }
            }
            OperationShape.Types response = null;
            if (op.getResponses() != null) {
                for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
                    if (r.getKey().startsWith("2")) {
                        Schema<?> s = json(resolve(r.getValue()).getContent());
                        if (s != null) {
                            SchemaNode n = node(s);
                            response = new OperationShape.Types(shapes.specType(n, id + ".response"),
                                    shapes.javaType(n, id + ".response", false));
                        }
                        break;
                    }
                }
            }
            String tag = op.getTags() == null || op.getTags().isEmpty() ? "" : op.getTags().get(0);
            return new OperationShape(id, method.name(), path, tag, authenticated(op), params, body, response, List.of());
        }

        private ParamShape param(Parameter p) {
            Schema<?> schema = p.getSchema() != null ? p.getSchema() : json(p.getContent());
            SchemaNode n = schema == null ? node(new Schema<>().type("string")) : node(schema);
            String in = p.getIn();
            boolean required = "path".equals(in) || Boolean.TRUE.equals(p.getRequired());
            Boolean explode = null;
            if (isArray(n)) {
                // OpenAPI defaults: query/cookie use style=form, whose explode default is true; path/header use simple.
                String style = p.getStyle() == null ? ("query".equals(in) || "cookie".equals(in) ? "form" : "simple")
                        : p.getStyle().toString();
                explode = p.getExplode() != null ? p.getExplode() : "form".equals(style);
            }
            return new ParamShape(p.getName(), in, shapes.specType(n, p.getName()),
                    shapes.javaType(n, p.getName(), SpecShapes.isMoneyName(p.getName())), required, explode);
        }

        private boolean isArray(SchemaNode n) {
            String ref = SpecShapes.refName(n.ref());
            SchemaNode target = ref == null ? n : components.get(ref);
            return target != null && "array".equals(target.type());
        }

        private boolean authenticated(Operation op) {
            List<SecurityRequirement> security = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
            return security != null && security.stream().anyMatch(r -> r != null && !r.isEmpty());
        }

        private static Schema<?> json(Content content) {
            if (content == null) {
                return null;
            }
            for (Map.Entry<String, MediaType> e : content.entrySet()) {
                if (e.getKey().contains("json") && e.getValue() != null) {
                    return e.getValue().getSchema();
                }
            }
            return null;
        }

        private Parameter resolve(Parameter p) {
            String ref = p.get$ref();
            if (ref != null && api.getComponents() != null && api.getComponents().getParameters() != null) {
                Parameter target = api.getComponents().getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
                if (target != null) {
                    return resolve(target);
                }
            }
            return p;
        }

        private RequestBody resolve(RequestBody rb) {
            if (rb != null && rb.get$ref() != null && api.getComponents() != null
                    && api.getComponents().getRequestBodies() != null) {
                String ref = rb.get$ref();
                RequestBody target = api.getComponents().getRequestBodies().get(ref.substring(ref.lastIndexOf('/') + 1));
                return target == null ? rb : resolve(target);
            }
            return rb;
        }

        private ApiResponse resolve(ApiResponse r) {
            if (r.get$ref() != null && api.getComponents() != null && api.getComponents().getResponses() != null) {
                String ref = r.get$ref();
                ApiResponse target = api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
                return target == null ? r : resolve(target);
            }
            return r;
        }
    }

    /** Adapts swagger-parser's schema model; nodes are created per visit, which is cheap. */
    static SchemaNode node(Schema<?> s) {
        return new SwaggerNode(s);
    }

    private record SwaggerNode(Schema<?> s) implements SchemaNode {
        @Override
        public String ref() {
            return s.get$ref();
        }

        @Override
        public String type() {
            if (s.getType() != null) {
                return s.getType();
            }
            return s.getTypes() != null && !s.getTypes().isEmpty() ? s.getTypes().iterator().next() : null;
        }

        @Override
        public String format() {
            return s.getFormat();
        }

        @Override
        public List<String> enumValues() {
            List<String> out = new ArrayList<>();
            if (s.getEnum() != null) {
                s.getEnum().forEach(v -> {
                    if (v != null) {
                        out.add(String.valueOf(v));
                    }
                });
            }
            return out;
        }

        @Override
        public String constValue() {
            return s.getConst() == null ? null : String.valueOf(s.getConst());
        }

        @Override
        public Map<String, SchemaNode> properties() {
            Map<String, SchemaNode> out = new LinkedHashMap<>();
            if (s.getProperties() != null) {
                s.getProperties().forEach((k, v) -> out.put(k, new SwaggerNode(v)));
            }
            return out;
        }

        @Override
        public List<String> required() {
            return s.getRequired() == null ? List.of() : s.getRequired();
        }

        @Override
        public SchemaNode items() {
            return s.getItems() == null ? null : new SwaggerNode(s.getItems());
        }

        @Override
        public SchemaNode additionalPropertiesSchema() {
            return s.getAdditionalProperties() instanceof Schema<?> ap ? new SwaggerNode(ap) : null;
        }

        @Override
        public boolean additionalPropertiesTrue() {
            return Boolean.TRUE.equals(s.getAdditionalProperties());
        }

        @Override
        public List<SchemaNode> allOf() {
            return wrap(s.getAllOf());
        }

        @Override
        public List<SchemaNode> oneOrAnyOf() {
            List<SchemaNode> out = new ArrayList<>(wrap(s.getOneOf()));
            out.addAll(wrap(s.getAnyOf()));
            return out;
        }

        // swagger-models declares these lists with the raw Schema type.
        @SuppressWarnings("rawtypes")
        private static List<SchemaNode> wrap(List<Schema> list) {
            List<SchemaNode> out = new ArrayList<>();
            if (list != null) {
                list.forEach(x -> out.add(new SwaggerNode(x)));
            }
            return out;
        }
    }
}
