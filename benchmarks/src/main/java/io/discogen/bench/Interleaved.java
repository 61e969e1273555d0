package io.discogen.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Same-JVM, interleaved comparison of the {@link JsonBench} workloads: each round runs every
 * contender for a short slice, in turn, so a change of machine load hits all of them alike; the
 * ratio is taken per round and its median reported. A check on JMH's back-to-back numbers when the
 * machine is shared (JMH stays the published measurement). Also per operation: bytes allocated by
 * the calling thread, CPU time of the calling thread (what a load change cannot inflate: time spent
 * waiting for a core is not counted; the last column is the median per-round ratio of it), and
 * CPU time of the whole process (all threads: for the HTTP case that
 * includes the in-process server, the same for both sides).
 *
 * <p>{@code java -cp benchmarks.jar io.discogen.bench.Interleaved [sessions|instances|all|http] [rounds] [sliceMs]}
 */
public final class Interleaved {
  private Interleaved() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    long sliceMs = args.length > 2 ? Long.parseLong(args[2]) : 400;
    if (which.equals("http")) {
      HttpBench h = new HttpBench();
      h.start();
      try {
        Map<String, Callable<Object>> get = new LinkedHashMap<>();
        get.put("discogen", h::discogenGet);
        get.put("official", h::officialGet);
        get.put("jdkHttpClient", h::jdkGet);
        get.put("urlConnection", h::urlConnectionGet);
        run("loopback GET", get, rounds, sliceMs);
      } finally {
        h.stop();
      }
      return;
    }
    JsonBench b = new JsonBench();
    b.setup();
    for (String payload : which.equals("all") ? List.of("sessions", "instances") : List.of(which)) {
      boolean s = payload.equals("sessions");
      Map<String, Callable<Object>> decode = new LinkedHashMap<>();
      decode.put("discogen", s ? b::sessionsDecodeDiscogen : b::instancesDecodeDiscogen);
      decode.put("officialGson", s ? b::sessionsDecodeOfficialGson : b::instancesDecodeOfficialGson);
      decode.put("officialJackson2", s ? b::sessionsDecodeOfficialJackson2 : b::instancesDecodeOfficialJackson2);
      decode.put("tree", s ? b::sessionsDecodeJacksonTree : b::instancesDecodeJacksonTree);
      run(payload + " decode", decode, rounds, sliceMs);
      Map<String, Callable<Object>> encode = new LinkedHashMap<>();
      encode.put("discogen", s ? b::sessionsEncodeDiscogen : b::instancesEncodeDiscogen);
      encode.put("officialGson", s ? b::sessionsEncodeOfficialGson : b::instancesEncodeOfficialGson);
      encode.put("tree", s ? b::sessionsEncodeJacksonTree : b::instancesEncodeJacksonTree);
      run(payload + " encode", encode, rounds, sliceMs);
    }
  }

  static volatile Object sink;

  static void run(String title, Map<String, Callable<Object>> contenders, int rounds, long sliceMs) throws Exception {
    List<String> names = new ArrayList<>(contenders.keySet());
    int n = names.size();
    for (int w = 0; w < 3; w++) { // warm-up: three slices each
      for (String name : names) {
        slice(contenders.get(name), sliceMs * 2);
      }
    }
    double[][] opsPerSec = new double[n][rounds];
    double[][] bytesPerOp = new double[n][rounds];
    double[][] cpuPerOp = new double[n][rounds];
    double[][] threadCpuPerOp = new double[n][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < n; k++) {
        int i = (k + r) % n; // rotate the order each round
        double[] res = slice(contenders.get(names.get(i)), sliceMs);
        opsPerSec[i][r] = res[0];
        bytesPerOp[i][r] = res[1];
        cpuPerOp[i][r] = res[2];
        threadCpuPerOp[i][r] = res[3];
      }
    }
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf("%n== %s: %d rounds of %d ms, load %.1f%n", title, rounds, sliceMs, load);
    System.out.printf("%-18s %10s %10s %12s %12s %12s   %s   %s%n", "", "ops/s med", "min-max", "KB/op", "cpu us/op",
        "thread us/op", "discogen / this (median of per-round ratios, min-max)", "by thread CPU");
    for (int i = 0; i < n; i++) {
      double[] ratio = new double[rounds];
      double[] cpuRatio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = opsPerSec[0][r] / opsPerSec[i][r];
        cpuRatio[r] = threadCpuPerOp[i][r] / threadCpuPerOp[0][r];
      }
      double[] cs = cpuRatio.clone();
      Arrays.sort(cs);
      double[] sorted = opsPerSec[i].clone();
      Arrays.sort(sorted);
      double[] rs = ratio.clone();
      Arrays.sort(rs);
      System.out.printf("%-18s %10.1f %4.0f-%-5.0f %12.0f %12.1f %12.1f   %.2fx (%.2f-%.2f)   %.2fx (%.2f-%.2f)%n", names.get(i),
          median(opsPerSec[i]), sorted[0], sorted[rounds - 1], median(bytesPerOp[i]) / 1024, median(cpuPerOp[i]),
          median(threadCpuPerOp[i]), median(ratio), rs[0], rs[rounds - 1], median(cpuRatio), cs[0], cs[rounds - 1]);
    }
  }

  static double[] slice(Callable<Object> c, long ms) throws Exception {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long a0 = mx.getThreadAllocatedBytes(tid);
    long tc0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    long end = t0 + ms * 1_000_000;
    long ops = 0;
    long t;
    do {
      sink = c.call();
      ops++;
    } while ((t = System.nanoTime()) < end);
    long alloc = mx.getThreadAllocatedBytes(tid) - a0;
    long threadCpu = mx.getCurrentThreadCpuTime() - tc0;
    long cpu = os.getProcessCpuTime() - cpu0;
    return new double[] {ops * 1e9 / (t - t0), (double) alloc / ops, cpu / 1e3 / ops, threadCpu / 1e3 / ops};
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
