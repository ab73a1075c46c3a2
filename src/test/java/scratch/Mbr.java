package scratch;

import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import io.relais.translate.*;
import io.relais.translate.apertium.ApertiumEngine;
import io.relais.translate.eval.ChrF;

public class Mbr {
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
        List<List<Integer>> marks = new ArrayList<>();
        for (String r : routes) {
            List<String> o = new ArrayList<>(); List<Integer> m = new ArrayList<>();
            long t0 = System.nanoTime();
            for (String s : src) { TranslatedText t = e.translateRoute(s, TextFormat.PLAIN, List.of(r.split(">"))); o.add(f.finish(t.text(), TextFormat.PLAIN, lang).text()); m.add(t.unknownWords()); }
            out.add(o); marks.add(m);
            System.out.printf("%s chrF %.2f  %.1fs%n", r, ChrF.corpus(o, ref), (System.nanoTime()-t0)/1e9);
        }
        // strategies among the first two routes
        List<String> oracle = new ArrayList<>(), mbr = new ArrayList<>(), mbrAll = new ArrayList<>(), mk = new ArrayList<>(), mbrMk = new ArrayList<>();
        int nMain = Integer.getInteger("main", 2);
        for (int i = 0; i < src.size(); i++) {
            int best = 0; double bs = -1;
            for (int c = 0; c < nMain; c++) { double x = s(out.get(c).get(i), ref.get(i)); if (x > bs) { bs = x; best = c; } }
            oracle.add(out.get(best).get(i));
            // mbr: agreement with all other routes
            int b2 = 0; double s2 = -1e9; int b3 = 0; double s3 = -1e9;
            for (int c = 0; c < nMain; c++) {
                double agree = 0; int n = 0;
                for (int d = 0; d < routes.size(); d++) if (d != c) { agree += s(out.get(c).get(i), out.get(d).get(i)); n++; }
                agree /= n;
                if (agree > s2 + 1e-9) { s2 = agree; b2 = c; }
                int w = Math.max(1, src.get(i).split("\\s+").length);
                double sc = agree - 100.0 * marks.get(c).get(i) / w;
                if (sc > s3 + 1e-9) { s3 = sc; b3 = c; }
            }
            mbr.add(out.get(b2).get(i)); mbrMk.add(out.get(b3).get(i));
            int b4 = 0; double s4 = -1e9;
            for (int c = 0; c < nMain; c++) { int w = Math.max(1, src.get(i).split("\\s+").length); double sc = -100.0 * marks.get(c).get(i) / w; if (sc > s4 + 1e-9) { s4 = sc; b4 = c; } }
            mk.add(out.get(b4).get(i));
        }
        org.languagetool.JLanguageTool lt = new org.languagetool.JLanguageTool(org.languagetool.Languages.getLanguageForShortCode(Map.of("en","en-US","pt","pt-PT","it","it").get(lang)));
        List<String> byLt = new ArrayList<>(), byLtMk = new ArrayList<>(), bySpell = new ArrayList<>();
        for (int i = 0; i < src.size(); i++) {
            double[] sc = new double[nMain]; double[] sp = new double[nMain];
            int w = Math.max(1, src.get(i).split("\\s+").length);
            for (int c = 0; c < nMain; c++) {
                for (org.languagetool.rules.RuleMatch m : lt.check(out.get(c).get(i))) { sc[c] += 1; if (m.getRule().isDictionaryBasedSpellingRule()) sp[c] += 1; }
            }
            int b = 0, b2 = 0, b3 = 0;
            for (int c = 1; c < nMain; c++) {
                if (sc[c] < sc[b]) b = c;
                if (sc[c] + marks.get(c).get(i) < sc[b2] + marks.get(b2).get(i)) b2 = c;
                if (sc[c] - sp[c] + marks.get(c).get(i) < sc[b3] - sp[b3] + marks.get(b3).get(i)) b3 = c;
            }
            byLt.add(out.get(b).get(i)); byLtMk.add(out.get(b2).get(i)); bySpell.add(out.get(b3).get(i));
        }
        System.out.printf("lt %.2f  lt+marks %.2f  ltNoSpell+marks %.2f%n", ChrF.corpus(byLt, ref), ChrF.corpus(byLtMk, ref), ChrF.corpus(bySpell, ref));
        System.out.printf("oracle %.2f  marks %.2f  mbr %.2f  mbr+marks %.2f%n", ChrF.corpus(oracle, ref), ChrF.corpus(mk, ref), ChrF.corpus(mbr, ref), ChrF.corpus(mbrMk, ref));
        e.close();
    }
}
