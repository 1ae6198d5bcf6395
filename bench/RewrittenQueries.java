// Times the three rewritten catalogue queries against their previous text (kept in
// src/test/resources/org/w3id/pakmig/query/before/) on the real graph, in-process, interleaved.
// Usage: java -cp target/pakmig.jar bench/RewrittenQueries.java .
import java.nio.file.*;
import java.util.*;
import org.apache.jena.query.*;
import org.apache.jena.sparql.exec.*;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.load.SourceTree;
public class RewrittenQueries {
  static long run(org.apache.jena.sparql.core.DatasetGraph ds, Query q) {
    long t = System.nanoTime();
    try (QueryExec e = QueryExec.dataset(ds).query(q).build()) { var rs = e.select(); while (rs.hasNext()) rs.next(); }
    return System.nanoTime() - t;
  }
  public static void main(String[] a) throws Exception {
    Path root = Path.of(a[0]);
    var ds = GraphBuild.run(SourceTree.directory(root)).dataset();
    for (String n : List.of("issues-and-responses", "routes-overview", "drivers-per-district")) {
      Query before = QueryFactory.create(Files.readString(root.resolve("src/test/resources/org/w3id/pakmig/query/before/" + n + ".rq")));
      Query now = QueryFactory.create(Files.readString(root.resolve("queries/" + n + ".rq")));
      for (int i = 0; i < 10; i++) { run(ds, before); run(ds, now); }
      long[] b = new long[15], c = new long[15];
      for (int i = 0; i < 15; i++) { b[i] = run(ds, before); c[i] = run(ds, now); }
      Arrays.sort(b); Arrays.sort(c);
      System.out.printf("| %s | %.1f | %.1f | %.2f |%n", n, b[7] / 1e6, c[7] / 1e6, (double) c[7] / b[7]);
    }
  }
}
