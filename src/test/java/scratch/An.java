package scratch;
import java.time.Duration;
import java.util.*;
import java.nio.file.*;
import io.relais.translate.*;
import io.relais.translate.apertium.ApertiumEngine;
public class An {
  public static void main(String[] a) throws Exception {
    ApertiumEngine e = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of(), Duration.ofSeconds(60));
    for (int i = 0; i < 4; i++) {
      long t = System.nanoTime();
      String r = e.translateRoute("Selon la banque, la Société Générale a perdu de l'argent avec Shark Tank" + i + ".", TextFormat.PLAIN, List.of("fr","es")).text();
      System.out.println((System.nanoTime()-t)/1e6 + " ms " + r);
    }
    e.close();
  }
}
