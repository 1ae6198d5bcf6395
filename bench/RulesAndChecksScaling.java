// Measures how the rules stage and the checks stage grow with the data: generates synthetic
// trees (org.w3id.pakmig.synth.SyntheticData, seed 1) at each size, builds each in memory as
// cli/GraphBuild does, and times the rule engine and each check (median of --repeat rounds,
// each round measuring every size once, interleaved).
// Prints, per stage, microseconds per asserted triple and, between consecutive sizes and from
// the first to the last, the growth of that time per triple per doubling of the data (1.0:
// linear; issue 12's target is at most 1.2). Times are the CPU time of the measuring thread
// plus garbage-collection pauses, steadier than wall time on a shared machine (wall time of
// the two stages is printed too). One JVM: the smallest size runs once first, unmeasured, to
// warm up the JIT.
//
// Usage: java -Xmx6g -cp target/pakmig.jar bench/RulesAndChecksScaling.java CHECKOUT WORKDIR [--repeat N] SIZE...
//   e.g. java -Xmx6g -cp target/pakmig.jar bench/RulesAndChecksScaling.java . /tmp/scaling 20000 80000 200000
import java.nio.file.*;
import java.util.*;
import java.util.function.Supplier;
import org.apache.jena.graph.*;
import org.apache.jena.sparql.core.*;
import org.w3id.pakmig.cite.StatementCitations;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.load.*;
import org.w3id.pakmig.reason.RuleMaterialiser;
import org.w3id.pakmig.synth.SyntheticData;
import org.w3id.pakmig.validate.*;

public class RulesAndChecksScaling {
  /** Stage name to median milliseconds, in the order measured. */
  /** asserted: what the rules read (every graph's triples, citations apart); quads: every named graph, as docs/benchmarks.md counts. */
  record Size(long target, long asserted, long inferred, long quads, Map<String, Double> millis) {}

  public static void main(String[] args) throws Exception {
    Path checkout = Path.of(args[0]).toAbsolutePath(), work = Path.of(args[1]);
    int repeat = 3, i = 2;
    if (args[i].equals("--repeat")) { repeat = Integer.parseInt(args[i + 1]); i += 2; }
    List<Long> targets = new ArrayList<>();
    for (; i < args.length; i++) targets.add(Long.parseLong(args[i]));
    measure(checkout, work, targets.get(0), new LinkedHashMap<>());
    // Interleaved (each round measures every size once), so a busy spell on the machine
    // falls on all sizes alike; the report after each round gives the medians so far.
    Map<Long, Map<String, List<Double>>> runs = new LinkedHashMap<>();
    Map<Long, long[]> counts = new LinkedHashMap<>();
    for (int r = 0; r < repeat; r++) {
      for (long target : targets) {
        counts.put(target, measure(checkout, work, target, runs.computeIfAbsent(target, k -> new LinkedHashMap<>())));
      }
      List<Size> sizes = new ArrayList<>();
      for (long target : targets) {
        Map<String, Double> medians = new LinkedHashMap<>();
        runs.get(target).forEach((stage, ms) -> {
          List<Double> sorted = new ArrayList<>(ms);
          Collections.sort(sorted);
          medians.put(stage, sorted.get(sorted.size() / 2));
        });
        long[] c = counts.get(target);
        sizes.add(new Size(target, c[0], c[1], c[2], medians));
      }
      System.out.println("\nAfter round " + (r + 1) + " of " + repeat + " (medians):");
      report(sizes);
    }
  }

  /** One build of one size, its times added to {@code runs}; returns asserted, inferred and all quads. */
  static long[] measure(Path checkout, Path work, long target, Map<String, List<Double>> runs) {
    Path dir = work.resolve("synthetic-" + target);
    if (!Files.isDirectory(dir)) SyntheticData.write(target, 1, checkout, dir);
    SourceTree tree = SourceTree.directory(dir);
    DatasetLoader.Loaded loaded = DatasetLoader.load(tree);
    Graph union = loaded.union();
    Map<Node, Graph> citations = StatementCitations.separate(loaded.dataset(), union);
    long asserted = union.size();
    RuleMaterialiser rules = RuleMaterialiser.fromFile(tree.resolve(GraphBuild.RULES_FILE), GraphBuild.RULES_FILE);
    System.gc();
    Graph conclusions = time(runs, "rules", () -> rules.materialise(union));
    long inferred = conclusions.size();
    DatasetGraph dataset = GraphBuild.compose(loaded, citations, conclusions);
    long quads = 0;
    for (Node g : (Iterable<Node>) dataset::listGraphNodes) quads += dataset.getGraph(g).size();
    System.gc();
    IntegrityChecks checks = IntegrityChecks.from(tree);
    time(runs, "checks", () -> {
      List<Problem> problems = new ArrayList<>(checks.run(dataset, loaded.index()));
      problems.addAll(DuplicateCandidates.find(dataset, loaded.index()));
      problems.addAll(CitationCoverage.find(dataset, loaded.index()));
      if (!problems.isEmpty()) System.out.println(target + ": " + problems.size() + " problems, e.g. " + problems.get(0));
      return problems;
    });
    // Each check on its own (the SPARQL ones without making problems of their rows).
    for (IntegrityChecks.Check check : checks.checks()) {
      String name = check.name().replace("queries/checks/", "").replace("-violation.rq", "");
      time(runs, "  " + name, () -> rows(dataset, check));
    }
    time(runs, "  DuplicateCandidates", () -> DuplicateCandidates.find(dataset, loaded.index()));
    time(runs, "  CitationCoverage", () -> CitationCoverage.find(dataset, loaded.index()));
    return new long[] {asserted, inferred, quads};
  }

  /** A check's query alone, its rows counted (IntegrityChecks.run makes a problem of each). */
  static long rows(DatasetGraph dataset, IntegrityChecks.Check check) {
    try (var exec = org.apache.jena.sparql.exec.QueryExec.dataset(dataset).query(check.query()).build()) {
      var rows = exec.select();
      long n = 0;
      while (rows.hasNext()) { rows.next(); n++; }
      return n;
    }
  }

  /**
   * Runs one stage and records its time in ms. With CPU=true (the default) the time is the CPU
   * time of this thread plus the garbage collector's pauses: on a machine shared with other
   * work it is far steadier than wall time, which is recorded too ("wall" rows).
   */
  static <T> T time(Map<String, List<Double>> runs, String stage, Supplier<T> work) {
    long wall = System.nanoTime(), cpu = THREADS.getCurrentThreadCpuTime(), gc = gcMillis();
    T result = work.get();
    double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 + (gcMillis() - gc);
    runs.computeIfAbsent(stage, k -> new ArrayList<>()).add(cpuMs);
    if (!stage.startsWith(" ")) {
      runs.computeIfAbsent(stage + " (wall)", k -> new ArrayList<>()).add((System.nanoTime() - wall) / 1e6);
    }
    return result;
  }

  static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  static long gcMillis() {
    long ms = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
    return ms;
  }

  /** How much the time per triple grows per doubling of the data from size a to size b. */
  static double growth(Size a, Size b, String stage) {
    double perTriple = (b.millis().get(stage) / b.asserted()) / (a.millis().get(stage) / a.asserted());
    double doublings = Math.log((double) b.asserted() / a.asserted()) / Math.log(2);
    return Math.pow(perTriple, 1 / doublings);
  }

  static void report(List<Size> sizes) {
    System.out.println();
    StringBuilder head = new StringBuilder(String.format("%-48s", "target / asserted / inferred / all quads"));
    for (Size s : sizes) head.append(String.format(" | %,9d %,9d %,9d %,10d", s.target(), s.asserted(), s.inferred(), s.quads()));
    System.out.println(head.append(" | growth of time per asserted triple per doubling"));
    for (String stage : sizes.get(0).millis().keySet()) {
      StringBuilder line = new StringBuilder(String.format("%-48s", stage));
      for (Size s : sizes) {
        double ms = s.millis().get(stage);
        line.append(String.format(" | %10.0f ms %7.3f us/triple        ", ms, ms * 1000 / s.asserted()));
      }
      for (int k = 1; k < sizes.size(); k++) {
        line.append(String.format(" %5.2f", growth(sizes.get(k - 1), sizes.get(k), stage)));
      }
      if (sizes.size() > 2) {
        line.append(String.format("  overall %5.2f", growth(sizes.get(0), sizes.get(sizes.size() - 1), stage)));
      }
      System.out.println(line);
    }
    System.out.flush();
  }
}
