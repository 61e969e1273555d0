package io.discogen.it.spanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.discogen.it.TestClients;
import io.discogen.it.emulator.SpannerEmulator;
import io.discogen.it.emulator.SpannerEmulatorExtension;
import io.discogen.it.gen.spannersessions.BatchCreateSessionsRequest;
import io.discogen.it.gen.spannersessions.BatchCreateSessionsResponse;
import io.discogen.it.gen.spannersessions.CreateSessionRequest;
import io.discogen.it.gen.spannersessions.ExecuteSqlRequest;
import io.discogen.it.gen.spannersessions.Field;
import io.discogen.it.gen.spannersessions.ListSessionsResponse;
import io.discogen.it.gen.spannersessions.ResultSet;
import io.discogen.it.gen.spannersessions.Session;
import io.discogen.it.gen.spannersessions.Spanner;
import io.discogen.it.gen.spannersessions.Type;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.json.JsonModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client generated from our own {@code specs/spanner-sessions.v1.json} against the Spanner
 * emulator's REST gateway. The gateway rejects unknown request fields, so every accepted request
 * proves the spec's request shapes; every response is checked to decode with no field the spec
 * does not declare. Instance and database are made with the corpus client (our spec has no admin
 * methods).
 */
@ExtendWith(SpannerEmulatorExtension.class)
@Timeout(60)
class SpannerSessionsSpecTest {

    static final String PROJECT = "projects/test-project";
    static final String INSTANCE = PROJECT + "/instances/specinst";
    static final String DATABASE = INSTANCE + "/databases/specdb";

    static Spanner spanner;

    @BeforeAll
    static void createInstanceAndDatabase(SpannerEmulator emulator) {
        var admin = new io.discogen.it.gen.spanner.Spanner(TestClients.local(emulator.restUrl()));
        admin.projects().instances()
                .create(PROJECT, new io.discogen.it.gen.spanner.CreateInstanceRequest()
                        .setInstanceId("specinst")
                        .setInstance(new io.discogen.it.gen.spanner.Instance()
                                .setConfig(PROJECT + "/instanceConfigs/emulator-config")
                                .setDisplayName("spec")
                                .setNodeCount(1)))
                .executeAndWait();
        admin.projects().instances().databases()
                .create(INSTANCE, new io.discogen.it.gen.spanner.CreateDatabaseRequest()
                        .setCreateStatement("CREATE DATABASE `specdb`"))
                .executeAndWait();
        spanner = new Spanner(TestClients.local(emulator.restUrl()));
    }

    static Spanner.Projects.Instances.Databases.Sessions sessions() {
        return spanner.projects().instances().databases().sessions();
    }

    /** The spec declares every field the emulator sent. */
    static void fullyDeclared(JsonModel m) {
        assertEquals(Map.of(), m.unknownFields(), () -> m.getClass().getSimpleName() + " has undeclared fields: " + m);
    }

    @Test
    void createGetDelete() {
        Session created = sessions().create(DATABASE, new CreateSessionRequest()
                        .setSession(new Session().setLabels(Map.of("spec", "ours"))))
                .execute();
        fullyDeclared(created);
        assertTrue(created.getName().startsWith(DATABASE + "/sessions/"), created::toString);
        assertEquals(Map.of("spec", "ours"), created.getLabels());
        assertTrue(created.getCreateTime() != null && created.getApproximateLastUseTime() != null, created::toString);

        Session fetched = sessions().get(created.getName()).execute();
        fullyDeclared(fetched);
        assertEquals(created.getName(), fetched.getName());
        assertEquals(created.getCreateTime(), fetched.getCreateTime());
        // The emulator leaves labels out of sessions.get (sessions.list has them); see EMULATORS.md.
        Session listed = sessions().list(DATABASE).iterateAll().stream()
                .filter(s -> s.getName().equals(created.getName())).findFirst().orElseThrow();
        assertEquals(Map.of("spec", "ours"), listed.getLabels());

        sessions().delete(created.getName()).execute();
        // Deleting is idempotent on the emulator: a second delete also succeeds.
        sessions().delete(created.getName()).execute();
        Set<String> names = sessions().list(DATABASE).iterateAll().stream()
                .map(Session::getName).collect(Collectors.toSet());
        assertFalse(names.contains(created.getName()), names::toString);
    }

    @Test
    void batchCreateThenListEveryPage() {
        BatchCreateSessionsResponse batch = sessions().batchCreate(DATABASE, new BatchCreateSessionsRequest()
                        .setSessionCount(4)
                        .setSessionTemplate(new Session().setLabels(Map.of("batch", "spec"))))
                .execute();
        fullyDeclared(batch);
        assertEquals(4, batch.getSession().size(), batch::toString);
        batch.getSession().forEach(SpannerSessionsSpecTest::fullyDeclared);
        Set<String> made = batch.getSession().stream().map(Session::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        List<Integer> sizes = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (ListSessionsResponse page : sessions().list(DATABASE).setPageSize(1).iterateAll().pages()) {
            fullyDeclared(page);
            sizes.add(page.getSessions().size());
            page.getSessions().forEach(s -> listed.add(s.getName()));
        }
        assertTrue(listed.containsAll(made), () -> "listed " + listed + ", made " + made);
        assertTrue(sizes.size() >= 4 && sizes.stream().allMatch(n -> n == 1),
                () -> "pageSize=1 should give one session per page, got pages of " + sizes);

        Set<String> iterated = new TreeSet<>();
        sessions().list(DATABASE).setPageSize(1).iterateAll().forEach(s -> iterated.add(s.getName()));
        assertEquals(listed, iterated);
    }

    @Test
    void executeSqlWithAnInt64Parameter() {
        String session = sessions().create(DATABASE, new CreateSessionRequest()).execute().getName();

        ResultSet one = sessions().executeSql(session, new ExecuteSqlRequest().setSql("SELECT 1")).execute();
        fullyDeclared(one);
        fullyDeclared(one.getMetadata());
        assertEquals(List.of(List.of("1")), one.getRows());
        assertEquals(Type.Code.INT64, one.getMetadata().getRowType().getFields().get(0).getType().getCode());

        ResultSet rs = sessions().executeSql(session, new ExecuteSqlRequest()
                        .setSql("SELECT @x * 2 AS doubled, CAST(@x AS STRING) AS text")
                        .setParams(Map.of("x", "4611686018427387903"))
                        .setParamTypes(Map.of("x", new Type().setCode(Type.Code.INT64))))
                .execute();
        fullyDeclared(rs);
        assertEquals(List.of(List.of("9223372036854775806", "4611686018427387903")), rs.getRows());
        List<Field> fields = rs.getMetadata().getRowType().getFields();
        fields.forEach(SpannerSessionsSpecTest::fullyDeclared);
        assertEquals(List.of("doubled", "text"), fields.stream().map(Field::getName).collect(Collectors.toList()));
        assertEquals(List.of(Type.Code.INT64, Type.Code.STRING),
                fields.stream().map(f -> f.getType().getCode()).collect(Collectors.toList()));
        assertNull(rs.getStats());
    }

    @Test
    void invalidSqlIsAnInvalidArgumentApiException() {
        String session = sessions().create(DATABASE, new CreateSessionRequest()).execute().getName();
        ApiException e = assertThrows(ApiException.class, () ->
                sessions().executeSql(session, new ExecuteSqlRequest().setSql("SELECT FROM WHERE")).execute());
        assertEquals(400, e.statusCode(), e::toString);
        assertEquals("INVALID_ARGUMENT", e.errorStatus(), e::toString);
    }
}
