package io.relais.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;

/**
 * The step before a destructive or overwriting action (delete, discard, overwrite, bulk, withdraw, rotate), as Django
 * admin asks it: a page saying what will happen, with the same form posted again with {@code confirmed=yes}, or a way
 * back. It needs no script, so it works wherever the console does; the action is done only on the second post.
 */
final class Confirmation {

    static final String CONFIRMED = "confirmed";

    private final String title;
    private final List<String> lines = new ArrayList<>();
    private final String action;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private String button;
    private String back;
    private boolean danger = true;

    private Confirmation(String title, String action) {
        this.title = title;
        this.action = action;
    }

    static Confirmation of(String title, String action) {
        return new Confirmation(title, action);
    }

    static boolean given(String confirmed) {
        return "yes".equals(confirmed);
    }

    Confirmation line(String text) {
        if (text != null && !text.isBlank()) {
            lines.add(text);
        }
        return this;
    }

    Confirmation field(String name, Object value) {
        if (value != null) {
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(String.valueOf(value));
        }
        return this;
    }

    Confirmation fields(String name, List<?> values) {
        if (values != null) {
            values.forEach(v -> field(name, v));
        }
        return this;
    }

    Confirmation button(String text) {
        this.button = text;
        return this;
    }

    Confirmation back(String url) {
        this.back = url;
        return this;
    }

    Confirmation harmless() {
        this.danger = false;
        return this;
    }

    /** Fills the model of {@code console/confirm} and names it. */
    String show(Model model) {
        model.addAttribute("confirmTitle", title);
        model.addAttribute("confirmLines", lines);
        model.addAttribute("confirmAction", action);
        model.addAttribute("confirmFields", fields);
        model.addAttribute("confirmButton", button);
        model.addAttribute("confirmBack", back);
        model.addAttribute("confirmDanger", danger);
        return "console/confirm";
    }
}
