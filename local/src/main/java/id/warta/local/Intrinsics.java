package id.warta.local;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsics for a local stack: parameters take their local values,
 * a Ref to a resource is its logical id (local table names are logical ids), and an Arn is a
 * well-formed local one.
 */
public final class Intrinsics {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final SamTemplate template;
    private final Map<String, String> parameters;
    private final String region;

    public Intrinsics(SamTemplate template, Map<String, String> parameters, String region) {
        this.template = template;
        this.parameters = Map.copyOf(parameters);
        this.region = region;
    }

    public String resolveString(Object value) {
        Object resolved = resolve(value);
        return resolved == null ? "" : resolved.toString();
    }

    @SuppressWarnings("unchecked")
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            String key = (String) map.keySet().iterator().next();
            Object argument = map.values().iterator().next();
            switch (key) {
                case "Ref":
                    return ref((String) argument);
                case "Fn::GetAtt":
                    List<Object> parts = (List<Object>) argument;
                    return attribute((String) parts.get(0), (String) parts.get(1));
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::If":
                    List<Object> branches = (List<Object>) argument;
                    return resolve(condition((String) branches.get(0)) ? branches.get(1) : branches.get(2));
                case "Fn::Join":
                    List<Object> join = (List<Object>) argument;
                    return String.join((String) join.get(0),
                            ((List<Object>) resolve(join.get(1))).stream().map(this::resolveString).toList());
                default:
                    if (key.startsWith("Fn::")) {
                        throw new IllegalStateException("Intrinsic not supported locally: " + key);
                    }
            }
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::resolve).toList();
        }
        return value;
    }

    public boolean condition(String name) {
        return evaluate(template.conditions().get(name));
    }

    @SuppressWarnings("unchecked")
    private boolean evaluate(Object expression) {
        Map<String, Object> map = (Map<String, Object>) expression;
        String key = map.keySet().iterator().next();
        Object argument = map.get(key);
        return switch (key) {
            case "Fn::Not" -> !evaluate(((List<Object>) argument).get(0));
            case "Fn::Equals" -> {
                List<Object> pair = (List<Object>) argument;
                yield resolveString(pair.get(0)).equals(resolveString(pair.get(1)));
            }
            case "Fn::And" -> ((List<Object>) argument).stream().allMatch(this::evaluate);
            case "Fn::Or" -> ((List<Object>) argument).stream().anyMatch(this::evaluate);
            case "Condition" -> condition((String) argument);
            default -> throw new IllegalStateException("Condition not supported locally: " + key);
        };
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> "000000000000";
            case "AWS::Partition" -> "aws";
            case "AWS::StackName" -> "warta-local";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> {
                if (parameters.containsKey(name)) {
                    yield parameters.get(name);
                }
                if (template.resources().containsKey(name)) {
                    yield name;
                }
                throw new IllegalStateException("Unknown Ref " + name);
            }
        };
    }

    private String attribute(String resource, String attribute) {
        if (!template.resources().containsKey(resource)) {
            throw new IllegalStateException("Unknown resource " + resource);
        }
        return switch (attribute) {
            case "Arn" -> "arn:aws:dynamodb:" + region + ":000000000000:table/" + resource;
            case "StreamArn" -> "arn:aws:dynamodb:" + region + ":000000000000:table/" + resource + "/stream/local";
            default -> resource + "." + attribute;
        };
    }

    @SuppressWarnings("unchecked")
    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = (String) list.get(0);
            variables = (Map<String, Object>) list.get(1);
        } else {
            text = (String) argument;
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (variables.containsKey(name)) {
                replacement = resolveString(variables.get(name));
            } else if (name.contains(".")) {
                String[] parts = name.split("\\.", 2);
                replacement = attribute(parts[0], parts[1]);
            } else {
                replacement = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
