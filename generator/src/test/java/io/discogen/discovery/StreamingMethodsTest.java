package io.discogen.discovery;

import static io.discogen.discovery.Specs.method;
import static io.discogen.discovery.Specs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.discogen.ir.ApiModel;
import io.discogen.ir.Method;
import io.discogen.spec.SpecReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server-streaming rule ({@link Derivations#streamsResponse}) over the real documents that have
 * such methods: exactly these are marked, nothing else in them.
 */
class StreamingMethodsTest {

  private static List<String> streaming(String file) throws Exception {
    ApiModel api = SpecReader.read(Corpus.dir("discovery-2024").resolve(file), file);
    return api.allMethods().stream().filter(Method::streamsResponse).map(Method::id).sorted().toList();
  }

  @Test
  void firestore() throws Exception {
    assertEquals(List.of(
        "firestore.projects.databases.documents.batchGet",
        "firestore.projects.databases.documents.runAggregationQuery",
        "firestore.projects.databases.documents.runQuery"), streaming("firestore.v1.json"));
  }

  @Test
  void spanner() throws Exception {
    assertEquals(List.of(
        "spanner.projects.instances.databases.sessions.executeStreamingSql",
        "spanner.projects.instances.databases.sessions.streamingRead"), streaming("spanner.v1.json"));
  }

  @Test
  void aiplatform() throws Exception {
    assertEquals(List.of(
        "aiplatform.projects.locations.endpoints.serverStreamingPredict",
        "aiplatform.projects.locations.endpoints.streamGenerateContent",
        "aiplatform.projects.locations.endpoints.streamRawPredict",
        "aiplatform.projects.locations.featurestores.entityTypes.streamingReadFeatureValues",
        "aiplatform.projects.locations.publishers.models.serverStreamingPredict",
        "aiplatform.projects.locations.publishers.models.streamGenerateContent",
        "aiplatform.projects.locations.publishers.models.streamRawPredict"), streaming("aiplatform.v1.json"));
  }

  @Test
  void theNameCountsNotTheResourceNorAnotherApisBatchGet() throws Exception {
    ApiModel api = parse("""
        "schemas": {"R": {"id": "R", "type": "object", "properties": {"a": {"type": "string"}}}},
        "resources": {"dataStreams": {"methods": {
            "get": {"id": "demo.dataStreams.get", "httpMethod": "GET", "path": "s", "response": {"$ref": "R"}},
            "streamNothing": {"id": "demo.dataStreams.streamNothing", "httpMethod": "POST", "path": "n"}}},
          "documents": {"methods": {
            "batchGet": {"id": "demo.documents.batchGet", "httpMethod": "POST", "path": "d", "response": {"$ref": "R"}}}}}
        """);
    assertFalse(method(api, "demo.dataStreams.get").streamsResponse());
    assertFalse(method(api, "demo.dataStreams.streamNothing").streamsResponse()); // returns nothing
    assertFalse(method(api, "demo.documents.batchGet").streamsResponse()); // not Firestore's
  }
}
