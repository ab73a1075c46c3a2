package scratch;

import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import io.relais.translate.*;
import io.relais.translate.apertium.ApertiumEngine;
import io.relais.translate.eval.ChrF;

public class NamesDiff {
    static double s(String h, String r) { ChrF c = new ChrF(); c.add(h, r); return c.score(); }
    public static void main(String[] a) throws Exception {
        int limit = Integer.parseInt(a[0]);
        String route = a[1];
        String lang = route.substring(route.lastIndexOf('>') + 1);
        Map<String,String> code = Map.of("en","eng","it","ita","pt","por","es","spa","ca","cat");
        List<String> src = Files.readAllLines(Path.of("/work/shared/eval/flores200/devtest.fra")).subList(0, limit);
        List<String> ref = Files.readAllLines(Path.of("/work/shared/eval/flores200/devtest." + code.get(lang))).subList(0, limit);
        ApertiumEngine e = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of(), Duration.ofSeconds(60));
        e.useGlossary(GlossarySeed::termsFor);
        double total = 0;
        for (int i = 0; i < src.size(); i++) {
            e.keepNamesAsWords(false);
            String x = e.translateRoute(src.get(i), TextFormat.PLAIN, List.of(route.split(">"))).text();
            e.keepNamesAsWords(true);
            String y = e.translateRoute(src.get(i), TextFormat.PLAIN, List.of(route.split(">"))).text();
            if (!x.equals(y)) {
                double d = s(y, ref.get(i)) - s(x, ref.get(i));
                total += d;
                System.out.printf("%+.1f%n  FR  %s%n  OLD %s%n  NEW %s%n  REF %s%n", d, src.get(i), x, y, ref.get(i));
            }
        }
        System.out.println("sum " + total);
        e.close();
    }
}
