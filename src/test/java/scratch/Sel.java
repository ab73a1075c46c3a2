package scratch;

import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import io.relais.translate.*;
import io.relais.translate.apertium.ApertiumEngine;
import io.relais.translate.eval.ChrF;

public class Sel {
    static double s(String h, String r) { ChrF c = new ChrF(); c.add(h, r); return c.score(); }
    public static void main(String[] a) throws Exception {
        int limit = Integer.parseInt(a[0]);
        String lang = a[1];
        Map<String,String> code = Map.of("en","eng","it","ita","pt","por");
        List<String> src = Files.readAllLines(Path.of("/work/shared/eval/flores200/devtest.fra")).subList(0, limit);
        List<String> ref = Files.readAllLines(Path.of("/work/shared/eval/flores200/devtest." + code.get(lang))).subList(0, limit);
        List<String> routes = new ArrayList<>(List.of(a).subList(2, a.length));
        ApertiumEngine e = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of(), Duration.ofSeconds(60));
        e.useGlossary(GlossarySeed::termsFor);
        TargetFinishing f = new TargetFinishing(true, new SafeCorrections(Map.of()));
        List<List<String>> out = new ArrayList<>();
        List<List<UnknownMarks>> marks = new ArrayList<>();
        for (String r : routes) {
            List<String> o = new ArrayList<>(); List<UnknownMarks> m = new ArrayList<>();
            for (String s : src) { TranslatedText t = e.translateRoute(s, TextFormat.PLAIN, List.of(r.split(">"))); o.add(f.finish(t.text(), TextFormat.PLAIN, lang).text()); m.add(t.parts().get(0).marks()); }
            out.add(o); marks.add(m);
            System.out.printf("%s chrF %.2f%n", r, ChrF.corpus(o, ref));
        }
        String[] names = {"total", "total-k1", "total-k2", "at+hash", "unknown-only", "at+hash,k1", "total/len", "oracle"};
        for (int v = 0; v < names.length; v++) {
            List<String> pick = new ArrayList<>(); int alt = 0;
            for (int i = 0; i < src.size(); i++) {
                UnknownMarks m0 = marks.get(0).get(i), m1 = marks.get(1).get(i);
                boolean takeAlt = switch (v) {
                    case 0 -> m1.total() < m0.total();
                    case 1 -> m1.total() + 1 < m0.total();
                    case 2 -> m1.total() + 2 < m0.total();
                    case 3 -> m1.untransferred() + m1.ungenerated() < m0.untransferred() + m0.ungenerated();
                    case 4 -> m1.unknown() < m0.unknown();
                    case 5 -> m1.untransferred() + m1.ungenerated() + 1 < m0.untransferred() + m0.ungenerated();
                    case 6 -> m1.total() * 1.0 / Math.max(1, out.get(1).get(i).length()) < m0.total() * 1.0 / Math.max(1, out.get(0).get(i).length());
                    default -> s(out.get(1).get(i), ref.get(i)) > s(out.get(0).get(i), ref.get(i));
                };
                if (takeAlt) alt++;
                pick.add(out.get(takeAlt ? 1 : 0).get(i));
            }
            System.out.printf("%-14s %.2f  (alt %d)%n", names[v], ChrF.corpus(pick, ref), alt);
        }
        e.close();
    }
}
