package io.relais.engine;

import java.util.regex.Pattern;

/** Word counting shared by the engines, the memory and the verdict: a letter followed by letters, digits, ' or -. */
public final class Words {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’-]*");

    private Words() {
    }

    public static int count(String text) {
        return text == null ? 0 : (int) WORD.matcher(text).results().count();
    }
}
