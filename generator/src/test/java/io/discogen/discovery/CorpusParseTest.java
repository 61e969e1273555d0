package io.discogen.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.discogen.ir.ApiModel;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every document of the shared corpus: none may have a problem, and a few well-known facts
 * must come out right. Kept in the default test run (a few seconds).
 */
class CorpusParseTest {
  private static final Map<String, ApiModel> APIS = new LinkedHashMap<>();
  private static final List<String> FAILURES = new ArrayList<>();
  private static int documents;

  @BeforeAll
  static void parseAll() throws Exception {
    long start = System.nanoTime();
    for (String set : List.of("discovery-2024", "discovery-2023")) {
      for (Path p : Corpus.documents(set)) {
        String display = set + "/" + p.getFileName();
        documents++;
        try {
          APIS.put(display, SpecReader.read(p, display));
        } catch (SpecException e) {
          FAILURES.add(e.getMessage().lines().limit(5).reduce("", (a, b) -> a + "\n  " + b));
        }
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<Method> all = APIS.values().stream().flatMap(a -> a.allMethods().stream()).toList();
    System.out.printf(
        "Parsed %d corpus documents in %d ms: %d methods, %d paged (%d without a known items"
            + " list), %d long-running, %d with requestId, %d media uploads, %d media downloads%n",
        documents,
        millis,
        all.size(),
        all.stream().filter(m -> m.pagination() != null).count(),
        all.stream().filter(m -> m.pagination() != null && m.pagination().itemsProperty() == null).count(),
        all.stream().filter(m -> m.longRunning() != null).count(),
        all.stream().filter(m -> m.requestIdParameter() != null).count(),
        all.stream().filter(m -> m.mediaUpload() != null).count(),
        all.stream().filter(m -> m.mediaDownload() != null).count());
  }

  @Test
  void everyDocumentParsesWithoutProblems() {
    assertEquals(464, documents, "corpus size");
    if (!FAILURES.isEmpty()) {
      fail(FAILURES.size() + " documents rejected:" + String.join("", FAILURES.subList(0, Math.min(20, FAILURES.size()))));
    }
  }

  @Test
  void everyNamedReferenceResolvesAndIdsAreUnique() {
    for (var e : APIS.entrySet()) {
      ApiModel api = e.getValue();
      Map<String, Schema> index = api.schemaIndex();
      Set<String> ids = new HashSet<>();
      countIds(api, ids);
      assertEquals(index.size(), ids.size(), e.getKey() + ": duplicate schema ids");
      for (Schema s : index.values()) {
        if (s instanceof ObjectSchema o) {
          o.properties().forEach(p -> assertResolves(p.type(), index, e.getKey() + " " + o.id()));
        }
      }
      for (Method m : api.allMethods()) {
        m.parameters().forEach(p -> assertResolves(p.type(), index, e.getKey() + " " + m.id()));
        if (m.request() != null) {
          assertResolves(m.request(), index, m.id());
        }
        if (m.response() != null) {
          assertResolves(m.response(), index, m.id());
        }
      }
    }
  }

  private static void countIds(ApiModel api, Set<String> ids) {
    List<Schema> todo = new ArrayList<>(api.schemas());
    todo.addAll(api.commonEnums());
    api.allMethods().forEach(m -> todo.addAll(m.enums()));
    while (!todo.isEmpty()) {
      Schema s = todo.remove(todo.size() - 1);
      assertTrue(ids.add(s.id()), "duplicate id " + s.id());
      if (s instanceof ObjectSchema o) {
        todo.addAll(o.nested());
      }
    }
  }

  private static void assertResolves(TypeRef t, Map<String, Schema> index, String where) {
    if (t instanceof TypeRef.Named n) {
      assertNotNull(index.get(n.schemaId()), where + ": " + n.schemaId());
    } else if (t instanceof TypeRef.ListOf l) {
      assertResolves(l.element(), index, where);
    } else if (t instanceof TypeRef.MapOf m) {
      assertResolves(m.value(), index, where);
    }
  }

  private static Method method(String doc, String id) {
    ApiModel api = APIS.get(doc);
    assertNotNull(api, doc);
    return api.allMethods().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no method " + id));
  }

  @Test
  void dataprocSessions() {
    String doc = "discovery-2024/dataproc.v1.json";
    Method list = method(doc, "dataproc.projects.locations.sessions.list");
    assertEquals("sessions", list.pagination().itemsProperty());
    assertEquals(new TypeRef.Named("Session"), list.pagination().itemType());

    Method create = method(doc, "dataproc.projects.locations.sessions.create");
    assertNotNull(create.longRunning());
    assertEquals("dataproc.projects.locations.operations.get", create.longRunning().pollMethodId());
    assertEquals("name", create.longRunning().pollNameParameter());
    assertEquals("requestId", create.requestIdParameter());

    Method clusterCreate = method(doc, "dataproc.projects.regions.clusters.create");
    assertEquals(
        "dataproc.projects.regions.operations.get", clusterCreate.longRunning().pollMethodId());
    assertNull(method(doc, "dataproc.projects.locations.operations.get").longRunning());
  }

  @Test
  void storageMedia() {
    String doc = "discovery-2024/storage.v1.json";
    Method insert = method(doc, "storage.objects.insert");
    assertNotNull(insert.mediaUpload());
    assertEquals("/upload/storage/v1/b/{bucket}/o", insert.mediaUpload().simplePath());
    assertTrue(insert.mediaUpload().multipart());
    assertNotNull(method(doc, "storage.objects.get").mediaDownload());
    Method list = method(doc, "storage.objects.list");
    assertEquals("items", list.pagination().itemsProperty());
    assertEquals("storage/v1/", APIS.get(doc).endpoints().servicePath());
  }

  @Test
  void otherFacts() {
    Method spanner = method("discovery-2024/spanner.v1.json", "spanner.projects.instances.list");
    assertEquals("instances", spanner.pagination().itemsProperty());

    Method aggregated =
        method("discovery-2024/compute.v1.json", "compute.instances.aggregatedList");
    assertNotNull(aggregated.pagination());
    assertNull(aggregated.pagination().itemsProperty());
    assertNull(aggregated.pagination().itemType());
    // Compute operations have no "done": not long-running in the google.longrunning sense.
    assertNull(method("discovery-2024/compute.v1.json", "compute.instances.insert").longRunning());

    Method sql = method("discovery-2024/sqladmin.v1beta4.json", "sql.instances.list");
    assertEquals("items", sql.pagination().itemsProperty());

    Method drive = method("discovery-2024/drive.v3.json", "drive.files.create");
    assertEquals(5L << 40, drive.mediaUpload().maxSize());
  }
}
