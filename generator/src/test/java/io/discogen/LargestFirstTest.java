package io.discogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The scheduler that renders APIs, and each API's files, on every core. */
class LargestFirstTest {
  static final Duration LIMIT = Duration.ofSeconds(30); // a deadlock fails instead of hanging the build

  @Test
  void resultsKeepTheInputOrder() {
    List<Integer> items = IntStream.range(0, 500).boxed().toList();
    List<Integer> out = assertTimeoutPreemptively(LIMIT, () -> Generator.largestFirst(items, i -> i == 321 ? 1_000 : i % 7,
        i -> i * 2));
    assertEquals(items.stream().map(i -> i * 2).toList(), out);
  }

  @Test
  void theHeaviestAreTakenFirstTiesInInputOrder() {
    // The order items are claimed in. Which claimed item a thread starts running first is up to the
    // OS scheduler, so that is not asserted (it once failed under load: the second claim ran first).
    List<Integer> items = IntStream.range(0, 10).boxed().toList();
    assertEquals(List.of(7, 4, 9, 3, 8, 2, 1, 6, 0, 5),
        List.of(Generator.heaviestFirst(items, i -> i == 7 ? 1_000 : i % 5)));
  }

  @Test
  void nestedCallsInsideEveryItemFinish() {
    // The generator's shape: APIs in parallel, each API's files in parallel inside. Every outer
    // item waits for its own inner items only, never for a helper queued behind its own thread.
    List<Integer> apis = IntStream.range(0, 200).boxed().toList();
    List<List<Integer>> out = assertTimeoutPreemptively(LIMIT, () -> Generator.largestFirst(apis, a -> a, a ->
        Generator.largestFirst(IntStream.range(0, a % 13).boxed().toList(), f -> f, f -> a * 100 + f)));
    for (int a = 0; a < apis.size(); a++) {
      int api = a;
      assertEquals(IntStream.range(0, a % 13).mapToObj(f -> api * 100 + f).toList(), out.get(a));
    }
  }

  @Test
  void bothCoresWorkWhileItemsRemain() throws Exception {
    // Two items that each wait for the other to have started: finishes only if two threads take items
    // at the same time (on one core the common pool still has one helper thread).
    CountDownLatch both = new CountDownLatch(2);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    assertTimeoutPreemptively(LIMIT, () -> Generator.largestFirst(List.of(1, 2), i -> 0, i -> {
      threads.add(Thread.currentThread().getName());
      both.countDown();
      try {
        assertTrue(both.await(20, TimeUnit.SECONDS), "the other item never started");
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return i;
    }));
    assertEquals(2, threads.size());
  }

  @Test
  void aFailureIsRethrownAsItIsAndTheRestIsSkipped() {
    AtomicInteger ran = new AtomicInteger();
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    List<Integer> items = IntStream.range(0, 1_000).boxed().toList();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> assertTimeoutPreemptively(LIMIT, () ->
        Generator.largestFirst(items, i -> i == 0 ? 1 : 0, i -> {
          ran.incrementAndGet();
          if (i == 0) {
            throw boom;
          }
          try {
            Thread.sleep(1); // 1,000 items take a second; the failure comes first
          } catch (InterruptedException x) {
            throw new IllegalStateException(x);
          }
          return i;
        })));
    assertSame(boom, e);
    assertTrue(ran.get() < items.size(), "items after the failure are not run: " + ran.get());

    StackOverflowError deep = new StackOverflowError();
    assertSame(deep, assertThrows(StackOverflowError.class, () -> Generator.largestFirst(List.of(1, 2, 3), i -> 0, i -> {
      throw deep;
    })));
  }
}
