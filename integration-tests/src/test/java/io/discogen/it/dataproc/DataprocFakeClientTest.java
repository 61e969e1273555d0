package io.discogen.it.dataproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.discogen.it.TestClients;
import io.discogen.it.dataproc.FakeDataprocServer.Recorded;
import io.discogen.it.gen.dataprocsessions.Dataproc;
import io.discogen.it.gen.dataprocsessions.model.EnvironmentConfig;
import io.discogen.it.gen.dataprocsessions.model.ExecutionConfig;
import io.discogen.it.gen.dataprocsessions.model.JupyterConfig;
import io.discogen.it.gen.dataprocsessions.model.ListSessionsResponse;
import io.discogen.it.gen.dataprocsessions.model.Operation;
import io.discogen.it.gen.dataprocsessions.model.RuntimeConfig;
import io.discogen.it.gen.dataprocsessions.model.Session;
import io.discogen.it.gen.dataprocsessions.model.SessionOperationMetadata;
import io.discogen.it.gen.dataprocsessions.model.SessionStateHistory;
import io.discogen.it.gen.dataprocsessions.model.TerminateSessionRequest;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.OperationException;
import io.discogen.runtime.Operations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client generated from our {@code specs/dataproc-sessions.v1.json} against {@link
 * FakeDataprocServer}: paging (items, stream, pages), long-running operations polled until done or
 * failed, {@code requestId} de-duplication and a retried create, and what the fake sees on the wire.
 */
@Timeout(60)
class DataprocFakeClientTest {

    static final String PROJECT = "projects/it-project";
    static final String PARENT = PROJECT + "/locations/us-central1";
    static final String SESSIONS_PATH = "/v1/" + PARENT + "/sessions";
    static final String OPERATION_PATH = "/v1/" + PARENT + "/operations/[^/]+";

    FakeDataprocServer fake;
    Dataproc dataproc;

    @BeforeEach
    void start() throws IOException {
        fake = FakeDataprocServer.start().pollsUntilDone(1);
        dataproc = new Dataproc(TestClients.local(fake.rootUrl()));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    Dataproc.Projects.Locations.Sessions sessions() {
        return dataproc.projects().locations().sessions();
    }

    static List<String> names(Iterable<Session> sessions) {
        List<String> out = new ArrayList<>();
        sessions.forEach(s -> out.add(s.getName()));
        return out;
    }

    static List<String> ids(String parent, int n) {
        return IntStream.range(0, n).mapToObj(i -> parent + "/sessions/" + String.format("sess-%02d", i))
                .collect(Collectors.toList());
    }

    // ------------------------------------------------------------------ paging

    @Test
    void listIteratesStreamsAndWalksPages() {
        fake.seed(PARENT, IntStream.range(0, 7).mapToObj(i -> String.format("sess-%02d", i)).toArray(String[]::new));
        List<String> all = ids(PARENT, 7);

        assertEquals(all, names(sessions().list(PARENT).setPageSize(3).iterateAll()));
        List<Recorded> lists = fake.requests("GET", SESSIONS_PATH);
        assertEquals(3, lists.size(), lists::toString);
        assertNull(lists.get(0).param("pageToken"), "the first page is asked for without a token");
        for (Recorded r : lists) {
            assertEquals("3", r.param("pageSize"), r::toString);
        }
        assertNotNull(lists.get(1).param("pageToken"));
        assertNotNull(lists.get(2).param("pageToken"));

        assertEquals(all, sessions().list(PARENT).setPageSize(3).iterateAll().stream()
                .map(Session::getName).collect(Collectors.toList()));
        assertEquals(Session.State.ACTIVE, sessions().list(PARENT).setPageSize(2).iterateAll().stream()
                .skip(6).findFirst().orElseThrow().getState());

        int before = fake.requests("GET", SESSIONS_PATH).size();
        List<Integer> sizes = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (ListSessionsResponse page : sessions().list(PARENT).setPageSize(3).iterateAll().pages()) {
            sizes.add(page.getSessions().size());
            tokens.add(page.getNextPageToken());
            assertNull(page.getUnreachable(), "a single location reports nothing unreachable");
        }
        assertEquals(List.of(3, 3, 1), sizes);
        assertNull(tokens.get(2));
        // The client sent each page's token back unchanged to get the next one.
        List<Recorded> lastWalk = fake.requests("GET", SESSIONS_PATH).subList(before, before + 3);
        assertEquals(tokens.get(0), lastWalk.get(1).param("pageToken"));
        assertEquals(tokens.get(1), lastWalk.get(2).param("pageToken"));
    }

    @Test
    void pagesAreFetchedLazily() {
        fake.seed(PARENT, "aaaa", "bbbb", "cccc", "dddd", "eeee");
        int before = fake.requests().size();
        Iterator<Session> it = sessions().list(PARENT).setPageSize(2).iterateAll().iterator();
        assertEquals(before, fake.requests().size(), "nothing is fetched before iteration starts");
        it.next();
        it.next();
        assertEquals(before + 1, fake.requests().size());
        assertEquals(PARENT + "/sessions/cccc", it.next().getName());
        assertEquals(before + 2, fake.requests().size());
        assertEquals(2, sessions().list(PARENT).setPageSize(2).iterateAll().stream().limit(2).count());
    }

    @Test
    void listingEveryLocationReportsUnreachableOnes() {
        fake.seed(PARENT, "alpha", "bravo");
        fake.seed(PROJECT + "/locations/europe-west1", "charlie");
        fake.unreachable(PROJECT + "/locations/asia-east9");
        List<ListSessionsResponse> pages = new ArrayList<>();
        sessions().list(PROJECT + "/locations/-").setPageSize(2).iterateAll().pages().forEach(pages::add);
        assertEquals(2, pages.size());
        for (ListSessionsResponse p : pages) {
            assertEquals(List.of(PROJECT + "/locations/asia-east9"), p.getUnreachable());
        }
        assertEquals(List.of(PROJECT + "/locations/europe-west1/sessions/charlie", PARENT + "/sessions/alpha",
                        PARENT + "/sessions/bravo"),
                names(sessions().list(PROJECT + "/locations/-").setPageSize(2).iterateAll()));
    }

    @Test
    void filterTravelsWithEveryPage() {
        fake.seed(PARENT, "one1", "two2", "three", "four");
        sessions().terminate(PARENT + "/sessions/two2", new TerminateSessionRequest()).executeAndWait();
        List<String> active = names(sessions().list(PARENT).setFilter("state = ACTIVE").setPageSize(1).iterateAll());
        assertEquals(List.of(PARENT + "/sessions/four", PARENT + "/sessions/one1", PARENT + "/sessions/three"), active);
        for (Recorded r : fake.requests("GET", SESSIONS_PATH)) {
            assertEquals("state = ACTIVE", r.param("filter"), r::toString);
        }
    }

    // ------------------------------------------------------------------ long-running operations

    @Test
    void createPollsTheOperationUntilDone() {
        fake.pollsUntilDone(3);
        Session wanted = new Session()
                .setJupyterSession(new JupyterConfig().setKernel(JupyterConfig.Kernel.PYTHON).setDisplayName("IT kernel"))
                .setRuntimeConfig(new RuntimeConfig().setVersion("2.2").setProperties(Map.of("spark.executor.cores", "4")))
                .setEnvironmentConfig(new EnvironmentConfig().setExecutionConfig(new ExecutionConfig()
                        .setTtl(Duration.ofHours(1))
                        .setIdleTtl(Duration.ofMillis(900_500))
                        .setNetworkTags(List.of("a", "b"))))
                .setLabels(Map.of("team", "discogen"));

        Operation op = sessions().create(PARENT, wanted)
                .setSessionId("lro-session")
                .setRequestId("req-lro-1")
                .executeAndWait();

        assertEquals(Boolean.TRUE, op.getDone());
        assertNull(op.getError());
        assertEquals(3, fake.polls(op.getName()), "done on the third operations.get");
        assertEquals(3, fake.requests("GET", OPERATION_PATH).size());

        Session made = Operations.response(op, Session.class);
        assertEquals(PARENT + "/sessions/lro-session", made.getName());
        assertEquals(Session.State.ACTIVE, made.getState());
        assertEquals("ACTIVE", made.getStateValue());
        assertEquals(JupyterConfig.Kernel.PYTHON, made.getJupyterSession().getKernel());
        assertEquals(Duration.ofMillis(900_500), made.getEnvironmentConfig().getExecutionConfig().getIdleTtl());
        assertEquals(Map.of("team", "discogen"), made.getLabels());
        assertEquals(SessionStateHistory.State.CREATING, made.getStateHistory().get(0).getState());
        assertEquals(FakeDataprocServer.SESSION_TYPE, made.unknownFields().get("@type"));

        SessionOperationMetadata md = Operations.metadata(op, SessionOperationMetadata.class);
        assertEquals(SessionOperationMetadata.OperationType.CREATE, md.getOperationType());
        assertEquals(made.getName(), md.getSession());
        assertEquals(made.getUuid(), md.getSessionUuid());
        assertNotNull(md.getDoneTime());

        // What went over the wire: the path, both query parameters, and exactly this body.
        Recorded create = fake.requests("POST", SESSIONS_PATH).get(0);
        assertEquals("lro-session", create.param("sessionId"));
        assertEquals("req-lro-1", create.param("requestId"));
        assertTrue(create.contentType().startsWith("application/json"), create::contentType);
        assertEquals(FakeDataprocServer.JSON.valueToTree(Map.of(
                        "jupyterSession", Map.of("kernel", "PYTHON", "displayName", "IT kernel"),
                        "runtimeConfig", Map.of("version", "2.2", "properties", Map.of("spark.executor.cores", "4")),
                        "environmentConfig", Map.of("executionConfig", Map.of(
                                "ttl", "3600s", "idleTtl", "900.500s", "networkTags", List.of("a", "b"))),
                        "labels", Map.of("team", "discogen"))),
                create.json());

        Session fetched = sessions().get(made.getName()).execute();
        assertEquals(made.getUuid(), fetched.getUuid());
        assertEquals(Session.State.ACTIVE, fetched.getState());
    }

    @Test
    void anOperationThatEndsInErrorIsAnOperationException() {
        fake.pollsUntilDone(2).failCreationOf("doomed", 8, "Insufficient 'CPUS' quota. Requested 12.0, available 4.0.");
        OperationException e = assertThrows(OperationException.class, () -> sessions()
                .create(PARENT, new Session().setJupyterSession(new JupyterConfig().setKernel(JupyterConfig.Kernel.SCALA)))
                .setSessionId("doomed")
                .executeAndWait());
        assertEquals(8, e.code(), e::toString);
        assertTrue(e.getMessage().contains("Insufficient 'CPUS' quota"), e::getMessage);
        assertTrue(e.operationName().startsWith(PARENT + "/operations/"), e::operationName);
        assertEquals(2, fake.polls(e.operationName()));

        Session failed = sessions().get(PARENT + "/sessions/doomed").execute();
        assertEquals(Session.State.FAILED, failed.getState());
        assertTrue(failed.getStateMessage().contains("quota"), failed::toString);
    }

    @Test
    void terminateThenDeleteAreLongRunningToo() {
        fake.pollsUntilDone(2);
        String name = PARENT + "/sessions/short-lived";
        sessions().create(PARENT, new Session()).setSessionId("short-lived").executeAndWait();

        Operation terminated = sessions().terminate(name, new TerminateSessionRequest().setRequestId("term-1"))
                .executeAndWait();
        assertEquals(Session.State.TERMINATED, Operations.response(terminated, Session.class).getState());
        assertEquals(SessionOperationMetadata.OperationType.TERMINATE,
                Operations.metadata(terminated, SessionOperationMetadata.class).getOperationType());
        assertEquals(Session.State.TERMINATED, sessions().get(name).execute().getState());
        JsonNode terminateBody = fake.requests("POST", "/v1/" + name + ":terminate").get(0).json();
        assertEquals(FakeDataprocServer.JSON.valueToTree(Map.of("requestId", "term-1")), terminateBody);

        Operation deleted = sessions().delete(name).setRequestId("del-1").executeAndWait();
        assertEquals(Boolean.TRUE, deleted.getDone());
        assertEquals(SessionOperationMetadata.OperationType.DELETE,
                Operations.metadata(deleted, SessionOperationMetadata.class).getOperationType());
        assertEquals("del-1", fake.requests("DELETE", "/v1/" + name).get(0).param("requestId"));

        ApiException e = assertThrows(ApiException.class, () -> sessions().get(name).execute());
        assertEquals(404, e.statusCode(), e::toString);
        assertEquals("NOT_FOUND", e.errorStatus(), e::toString);
    }

    // ------------------------------------------------------------------ request ids and retries

    @Test
    void aRepeatedCreateWithTheSameRequestIdReturnsTheSameOperation() {
        fake.pollsUntilDone(5);
        Operation first = sessions().create(PARENT, new Session()).setSessionId("dedup").setRequestId("same-id").execute();
        Operation second = sessions().create(PARENT, new Session()).setSessionId("dedup").setRequestId("same-id").execute();
        assertFalse(Boolean.TRUE.equals(first.getDone()));
        assertEquals(first.getName(), second.getName());
        assertEquals(1, fake.sessionsCreated());
        assertEquals(2, fake.requests("POST", SESSIONS_PATH).size());

        // Without the request id the same create is a conflict: the session exists.
        ApiException e = assertThrows(ApiException.class,
                () -> sessions().create(PARENT, new Session()).setSessionId("dedup").setRequestId("other-id").execute());
        assertEquals(409, e.statusCode(), e::toString);
        assertEquals("ALREADY_EXISTS", e.errorStatus(), e::toString);
    }

    @Test
    void aRetriedCreateCarriesTheSameRequestId() {
        // The first create is done by the server but answered 503, like a response lost on the way.
        fake.failNextCreates(1);
        Operation op = sessions().create(PARENT, new Session().setLabels(Map.of("retry", "yes")))
                .setSessionId("retried")
                .executeAndWait();

        List<Recorded> creates = fake.requests("POST", SESSIONS_PATH);
        assertEquals(2, creates.size(), "one 503, one retry: " + creates);
        String requestId = creates.get(0).param("requestId");
        assertNotNull(requestId, "the client fills in a request id when none is set");
        assertFalse(requestId.isEmpty());
        assertEquals(requestId, creates.get(1).param("requestId"), "the retry reuses it");
        assertEquals(creates.get(0).body(), creates.get(1).body());
        assertEquals(1, fake.sessionsCreated(), "the server created exactly one session");
        assertEquals(PARENT + "/sessions/retried", Operations.response(op, Session.class).getName());
    }

    @Test
    void withoutRetriesTheLostResponseSurfacesAsUnavailable() {
        Dataproc noRetries = new Dataproc(TestClients.local(fake.rootUrl()).toBuilder()
                .retryPolicy(io.discogen.runtime.RetryPolicy.none()).build());
        fake.failNextCreates(1);
        ApiException e = assertThrows(ApiException.class, () -> noRetries.projects().locations().sessions()
                .create(PARENT, new Session()).setSessionId("lost-response").setRequestId("r-1").execute());
        assertEquals(503, e.statusCode(), e::toString);
        assertEquals("UNAVAILABLE", e.errorStatus(), e::toString);
        assertEquals(1, fake.sessionsCreated(), "the work was done even though the answer was an error");
    }

    // ------------------------------------------------------------------ the fake is strict

    @Test
    void anUnknownBodyFieldIsRejectedAsInvalidArgument() {
        Session s = new Session();
        s.setUnknownField("bogusField", 1);
        ApiException e = assertThrows(ApiException.class,
                () -> sessions().create(PARENT, s).setSessionId("bogus").setRequestId("b-1").execute());
        assertEquals(400, e.statusCode(), e::toString);
        assertEquals("INVALID_ARGUMENT", e.errorStatus(), e::toString);
        assertTrue(e.errorMessage().contains("bogusField"), e::errorMessage);
        assertEquals(0, fake.sessionsCreated());
    }

    @Test
    void theFakeRejectsWhatTheRealApiWould() throws Exception {
        URI root = fake.rootUrl();
        HttpClient http = HttpClient.newHttpClient();
        String create = root + "v1/" + PARENT + "/sessions";
        assertEquals(400, send(http, "POST", create, "{}").statusCode(), "sessionId is required");
        assertEquals(400, send(http, "POST", create + "?sessionId=ab", "{}").statusCode(), "sessionId too short");
        assertEquals(400, send(http, "POST", create + "?sessionId=good-id&bogus=1", "{}").statusCode());
        assertEquals(400, send(http, "POST", create + "?sessionId=good-id", "{\"state\":\"ACTIVE\"}").statusCode(),
                "output only");
        assertEquals(400, send(http, "POST", create + "?sessionId=good-id",
                "{\"jupyterSession\":{\"kernel\":\"RUBY\"}}").statusCode(), "bad enum");
        assertEquals(400, send(http, "POST", create + "?sessionId=good-id",
                "{\"environmentConfig\":{\"executionConfig\":{\"ttl\":3600}}}").statusCode(), "duration as number");
        assertEquals(400, send(http, "GET", create + "?pageToken=garbage", null).statusCode());
        assertEquals(400, send(http, "GET", create + "?pageSize=x", null).statusCode());
        assertEquals(404, send(http, "GET", root + "v1/" + PARENT + "/sessions/none", null).statusCode());
        HttpResponse<String> ok = send(http, "POST", create + "?sessionId=good-id&prettyPrint=false", "{}");
        assertEquals(200, ok.statusCode(), ok::body);
        assertEquals(1, fake.sessionsCreated());

        // A page token is bound to its listing.
        fake.seed(PARENT, "p1p1", "p2p2", "p3p3");
        JsonNode page = FakeDataprocServer.JSON.readTree(send(http, "GET", create + "?pageSize=1", null).body());
        String token = page.get("nextPageToken").asText();
        assertEquals(200, send(http, "GET", create + "?pageSize=1&pageToken=" + token, null).statusCode());
        assertEquals(400, send(http, "GET", root + "v1/" + PROJECT + "/locations/other/sessions?pageToken=" + token,
                null).statusCode());
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
