package dev.antigravity.lambdas.domain.control;

import dev.antigravity.lambdas.domain.ConfigurationException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what, per action. Written {@code rollback=U1,U2;promote=U1;freeze=U1,U3;resume=U1}: an action not
 * listed is allowed to nobody (a forgotten line must fail closed, not open).
 */
public final class ControlPermissions {
    private final Map<ControlAction, Set<String>> allowed;

    private ControlPermissions(Map<ControlAction, Set<String>> allowed) {
        this.allowed = allowed;
    }

    public static ControlPermissions parse(String text) {
        Map<ControlAction, Set<String>> allowed = new EnumMap<>(ControlAction.class);
        if (text == null || text.isBlank()) {
            return new ControlPermissions(allowed);
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            ControlAction action = ControlAction.byId(parts[0].trim())
                    .orElseThrow(() -> new ConfigurationException("unknown action '" + parts[0].trim()
                            + "' in the allowed users (one of rollback, promote, freeze," + " resume)"));
            if (parts.length < 2) {
                throw new ConfigurationException("allowed users: '" + entry.trim() + "' names no user");
            }
            Set<String> users = allowed.computeIfAbsent(action, a -> new TreeSet<>());
            for (String user : parts[1].split(",")) {
                if (!user.isBlank()) {
                    users.add(user.trim());
                }
            }
        }
        return new ControlPermissions(allowed);
    }

    public boolean allows(ControlAction action, String userId) {
        return allowed.getOrDefault(action, Set.of()).contains(userId);
    }
}
