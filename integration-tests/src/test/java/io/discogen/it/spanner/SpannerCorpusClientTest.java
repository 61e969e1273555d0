package io.discogen.it.spanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.discogen.it.TestClients;
import io.discogen.it.emulator.SpannerEmulator;
import io.discogen.it.emulator.SpannerEmulatorExtension;
import io.discogen.it.gen.spanner.Spanner;
import io.discogen.it.gen.spanner.model.BatchCreateSessionsRequest;
import io.discogen.it.gen.spanner.model.BatchCreateSessionsResponse;
import io.discogen.it.gen.spanner.model.CreateDatabaseRequest;
import io.discogen.it.gen.spanner.model.CreateInstanceRequest;
import io.discogen.it.gen.spanner.model.CreateSessionRequest;
import io.discogen.it.gen.spanner.model.Database;
import io.discogen.it.gen.spanner.model.ExecuteSqlRequest;
import io.discogen.it.gen.spanner.model.Field;
import io.discogen.it.gen.spanner.model.Instance;
import io.discogen.it.gen.spanner.model.ListSessionsResponse;
import io.discogen.it.gen.spanner.model.Operation;
import io.discogen.it.gen.spanner.model.ResultSet;
import io.discogen.it.gen.spanner.model.Session;
import io.discogen.it.gen.spanner.model.Type;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.Operations;
import io.discogen.runtime.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client generated from the corpus {@code spanner.v1.json} against the Spanner emulator's REST
 * gateway: instance and database creation (long-running), the session calls, SQL with INT64 values
 * (strings on the wire), paging, and the gateway's flat error body mapped to {@link ApiException}.
 */
@ExtendWith(SpannerEmulatorExtension.class)
@Timeout(60)
class SpannerCorpusClientTest {

    static final String PROJECT = "projects/test-project";
    static final String CONFIG = PROJECT + "/instanceConfigs/emulator-config";
    static final String INSTANCE = PROJECT + "/instances/itinst";
    static final String DATABASE = INSTANCE + "/databases/itdb";

    static Spanner spanner;
    static Operation instanceOperation;
    static Operation databaseOperation;

    @BeforeAll
    static void createInstanceAndDatabase(SpannerEmulator emulator) {
        spanner = new Spanner(TestClients.local(emulator.restUrl()));
        instanceOperation = spanner.projects().instances()
                .create(PROJECT, new CreateInstanceRequest()
                        .setInstanceId("itinst")
                        .setInstance(new Instance()
                                .setConfig(CONFIG)
                                .setDisplayName("Discogen IT")
                                .setNodeCount(1)
                                .setLabels(Map.of("suite", "discogen"))))
                .executeAndWait();
        databaseOperation = createDatabase("itdb",
                "CREATE TABLE Numbers (Id INT64 NOT NULL, Name STRING(64)) PRIMARY KEY (Id)");
    }

    static Operation createDatabase(String id, String... extraStatements) {
        return spanner.projects().instances().databases()
                .create(INSTANCE, new CreateDatabaseRequest()
                        .setCreateStatement("CREATE DATABASE `" + id + "`")
                        .setExtraStatements(extraStatements.length == 0 ? null : List.of(extraStatements)))
                .executeAndWait();
    }

    static Spanner.Projects.Instances.Databases.Sessions sessions() {
        return spanner.projects().instances().databases().sessions();
    }

    @Test
    void instanceCreationIsALongRunningOperationWhoseResponseIsTheInstance() {
        assertEquals(Boolean.TRUE, instanceOperation.getDone());
        assertNull(instanceOperation.getError());
        assertTrue(instanceOperation.getName().startsWith(INSTANCE + "/operations/"), instanceOperation::toString);
        assertEquals("type.googleapis.com/google.spanner.admin.instance.v1.Instance",
                instanceOperation.getResponse().get("@type"));

        Instance created = Operations.response(instanceOperation, Instance.class);
        assertEquals(INSTANCE, created.getName());
        assertEquals(CONFIG, created.getConfig());
        assertEquals("Discogen IT", created.getDisplayName());
        assertEquals(Map.of("suite", "discogen"), created.getLabels());
        // The enum getter and its raw accessor agree; @type is kept as an unknown field.
        assertEquals(Instance.State.READY, created.getState(), created::toString);
        assertEquals("READY", created.getStateValue());
        assertEquals("type.googleapis.com/google.spanner.admin.instance.v1.Instance",
                created.unknownFields().get("@type"));

        Instance fetched = spanner.projects().instances().get(INSTANCE).execute();
        assertEquals(INSTANCE, fetched.getName());
        assertEquals(1, fetched.getNodeCount());
    }

    @Test
    void databaseCreationIsALongRunningOperationWhoseResponseIsTheDatabase() {
        assertEquals(Boolean.TRUE, databaseOperation.getDone());
        Database db = Operations.response(databaseOperation, Database.class);
        assertEquals(DATABASE, db.getName());
        assertEquals(Database.State.READY, db.getState(), db::toString);

        Database fetched = spanner.projects().instances().databases().get(DATABASE).execute();
        assertEquals(DATABASE, fetched.getName());
        assertEquals(Database.State.READY, fetched.getState(), fetched::toString);
    }

    @Test
    void sessionCreateGetDelete() {
        Instant before = Instant.now().minusSeconds(60);
        Session created = sessions().create(DATABASE, new CreateSessionRequest()
                        .setSession(new Session().setLabels(Map.of("env", "it"))))
                .execute();
        assertTrue(created.getName().startsWith(DATABASE + "/sessions/"), created::toString);
        assertTrue(created.getCreateTime().isAfter(before), created::toString);
        assertEquals(Map.of("env", "it"), created.getLabels());

        Session fetched = sessions().get(created.getName()).execute();
        assertEquals(created.getName(), fetched.getName());
        assertEquals(created.getCreateTime(), fetched.getCreateTime());

        assertNotNull(sessions().delete(created.getName()).execute());
        Set<String> remaining = sessions().list(DATABASE).iterateAll().stream()
                .map(Session::getName).collect(Collectors.toSet());
        assertFalse(remaining.contains(created.getName()), remaining::toString);
    }

    @Test
    void batchCreateAnswersTheSingularSessionKey() {
        BatchCreateSessionsResponse r = sessions().batchCreate(DATABASE, new BatchCreateSessionsRequest()
                        .setSessionCount(3)
                        .setSessionTemplate(new Session().setLabels(Map.of("batch", "yes"))))
                .execute();
        List<Session> made = r.getSession();
        assertNotNull(made, r::toString);
        assertEquals(3, made.size(), r::toString);
        assertEquals(3, made.stream().map(Session::getName).distinct().count());
        for (Session s : made) {
            assertTrue(s.getName().startsWith(DATABASE + "/sessions/"), s::toString);
            assertEquals(Map.of("batch", "yes"), s.getLabels(), s::toString);
        }
    }

    @Test
    void listWalksEveryPageOfSessions() {
        String db = INSTANCE + "/databases/pagingdb";
        createDatabase("pagingdb");
        Set<String> created = sessions().batchCreate(db, new BatchCreateSessionsRequest().setSessionCount(3))
                .execute().getSession().stream().map(Session::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(3, created.size());

        List<Integer> pageSizes = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (ListSessionsResponse page : sessions().list(db).setPageSize(1).iterateAll().pages()) {
            pageSizes.add(page.getSessions() == null ? 0 : page.getSessions().size());
            tokens.add(page.getNextPageToken());
        }
        assertEquals(List.of(1, 1, 1), pageSizes, () -> "pages " + pageSizes + ", tokens " + tokens);
        assertNull(tokens.get(tokens.size() - 1), "the last page carries no token");

        List<String> iterated = new ArrayList<>();
        for (Session s : sessions().list(db).setPageSize(1).iterateAll()) {
            iterated.add(s.getName());
        }
        assertEquals(created, new TreeSet<>(iterated));
        assertEquals(3, iterated.size(), iterated::toString);
        assertEquals(3, sessions().list(db).setPageSize(2).iterateAll().stream().count());
    }

    @Test
    void selectOneDecodesAnInt64AsAString() {
        String session = newSession();
        ResultSet rs = sessions().executeSql(session, new ExecuteSqlRequest().setSql("SELECT 1")).execute();
        assertEquals(List.of(List.of("1")), rs.getRows());
        List<Field> fields = rs.getMetadata().getRowType().getFields();
        assertEquals(1, fields.size());
        assertNull(fields.get(0).getName(), "an unnamed column has no name");
        assertEquals(Type.Code.INT64, fields.get(0).getType().getCode());
        assertEquals("INT64", fields.get(0).getType().getCodeValue());
    }

    @Test
    void queryWithAnInt64ParameterSentAsAString() {
        String session = newSession();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("x", Long.toString(9_007_199_254_740_993L)); // beyond a double's exact range
        params.put("name", "discogen");
        ResultSet rs = sessions().executeSql(session, new ExecuteSqlRequest()
                        .setSql("SELECT @x + 1 AS next, @name AS name, ARRAY<INT64>[1, 2] AS list, NULL AS nothing")
                        .setParams(params)
                        .setParamTypes(Map.of(
                                "x", new Type().setCode(Type.Code.INT64),
                                "name", new Type().setCode(Type.Code.STRING))))
                .execute();
        List<List<Object>> rows = rs.getRows();
        assertEquals(1, rows.size(), rs::toString);
        List<Object> row = rows.get(0);
        assertEquals("9007199254740994", row.get(0), "INT64 comes back as a JSON string, exactly");
        assertEquals(9_007_199_254_740_994L, Long.parseLong((String) row.get(0)));
        assertEquals("discogen", row.get(1));
        assertEquals(List.of("1", "2"), row.get(2));
        assertNull(row.get(3));

        List<Field> fields = rs.getMetadata().getRowType().getFields();
        assertEquals(List.of("next", "name", "list", "nothing"),
                fields.stream().map(Field::getName).collect(Collectors.toList()));
        assertEquals(Type.Code.INT64, fields.get(0).getType().getCode());
        assertEquals(Type.Code.ARRAY, fields.get(2).getType().getCode());
        assertEquals(Type.Code.INT64, fields.get(2).getType().getArrayElementType().getCode());
    }

    @Test
    void sqlNullsAreExplicitJsonNullsBothWays() {
        String session = newSession();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", null); // must go out as "p":null: left out, the query has an unbound parameter
        ResultSet rs = sessions().executeSql(session, new ExecuteSqlRequest()
                        .setSql("SELECT NULL, 1, @p IS NULL, @p")
                        .setParams(params)
                        .setParamTypes(Map.of("p", new Type().setCode(Type.Code.STRING))))
                .execute();
        assertEquals(List.of(Arrays.asList(null, "1", true, null)), rs.getRows(), rs::toString);
        // Re-encoded, the rows still hold the nulls in place, and decode to an equal result.
        assertEquals("[[null,\"1\",true,null]]", Json.get().tree(rs).get("rows").toString());
        assertEquals(rs, Json.get().read(Json.get().write(rs), ResultSet.class));
    }

    @Test
    void executeAsyncGivesTheSameAnswer() throws Exception {
        String session = newSession();
        CompletableFuture<ResultSet> a = sessions()
                .executeSql(session, new ExecuteSqlRequest().setSql("SELECT 'a' AS x")).executeAsync();
        CompletableFuture<ResultSet> b = sessions()
                .executeSql(session, new ExecuteSqlRequest().setSql("SELECT 'b' AS x")).executeAsync();
        assertEquals(List.of(List.of("a")), a.get(30, TimeUnit.SECONDS).getRows());
        assertEquals(List.of(List.of("b")), b.get(30, TimeUnit.SECONDS).getRows());

        CompletableFuture<ResultSet> bad = sessions()
                .executeSql(session, new ExecuteSqlRequest().setSql("SELEC 1")).executeAsync();
        ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ApiException, e::toString);
        assertEquals(400, ((ApiException) e.getCause()).statusCode());
    }

    @Test
    void invalidSqlIsAnInvalidArgumentApiException() {
        String session = newSession();
        ApiException e = assertThrows(ApiException.class, () ->
                sessions().executeSql(session, new ExecuteSqlRequest().setSql("SELEC 1")).execute());
        assertEquals(400, e.statusCode(), e::toString);
        assertTrue(e.rawBody().contains("\"code\":3"), e.rawBody());
        // Parsed from the gateway's flat {"code":3,"message":...} body (needs the runtime's error mapping).
        assertEquals("INVALID_ARGUMENT", e.errorStatus(), e::toString);
        assertNotNull(e.errorMessage(), e::toString);
        assertTrue(e.errorMessage().contains("SELEC"), e::errorMessage);
    }

    @Test
    void invalidInstanceIdIsAnInvalidArgumentApiException() {
        ApiException e = assertThrows(ApiException.class, () -> spanner.projects().instances()
                .create(PROJECT, new CreateInstanceRequest()
                        .setInstanceId("Bad_ID")
                        .setInstance(new Instance().setConfig(CONFIG).setDisplayName("bad").setNodeCount(1)))
                .executeAndWait());
        assertEquals(400, e.statusCode(), e::toString);
        assertTrue(e.rawBody().startsWith("{\"code\":3,"), e.rawBody());
        assertEquals("INVALID_ARGUMENT", e.errorStatus(), e::toString);
        assertTrue(e.errorMessage().startsWith("Instance ID must start with a lowercase letter"), e::errorMessage);
    }

    @Test
    void creatingAnExistingInstanceIsAlreadyExists() {
        ApiException e = assertThrows(ApiException.class, () -> spanner.projects().instances()
                .create(PROJECT, new CreateInstanceRequest()
                        .setInstanceId("itinst")
                        .setInstance(new Instance().setConfig(CONFIG).setDisplayName("again").setNodeCount(1)))
                .executeAndWait());
        assertEquals(409, e.statusCode(), e::toString);
        assertEquals("ALREADY_EXISTS", e.errorStatus(), e::toString);
        assertEquals("Instance already exists: " + INSTANCE, e.errorMessage());
    }

    @Test
    void anInt64ParameterSentAsANumberIsAFailedPrecondition() {
        String session = newSession();
        ApiException e = assertThrows(ApiException.class, () ->
                sessions().executeSql(session, new ExecuteSqlRequest()
                        .setSql("SELECT @x")
                        .setParams(Map.of("x", 41))
                        .setParamTypes(Map.of("x", new Type().setCode(Type.Code.INT64))))
                        .execute());
        assertEquals(400, e.statusCode(), e::toString);
        assertEquals("FAILED_PRECONDITION", e.errorStatus(), e::toString);
        assertTrue(e.errorMessage().contains("as INT64"), e::errorMessage);
    }

    @Test
    void malformedResourceNameIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class,
                () -> sessions().get("projects/test-project/not-a-session").execute());
    }

    private static String newSession() {
        return sessions().create(DATABASE, new CreateSessionRequest()).execute().getName();
    }
}
