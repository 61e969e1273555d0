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
import io.discogen.it.gen.spannersessions.Spanner;
import io.discogen.it.gen.spannersessions.model.BatchCreateSessionsRequest;
import io.discogen.it.gen.spannersessions.model.BatchCreateSessionsResponse;
import io.discogen.it.gen.spannersessions.model.BeginTransactionRequest;
import io.discogen.it.gen.spannersessions.model.CommitRequest;
import io.discogen.it.gen.spannersessions.model.CommitResponse;
import io.discogen.it.gen.spannersessions.model.CreateSessionRequest;
import io.discogen.it.gen.spannersessions.model.ExecuteBatchDmlRequest;
import io.discogen.it.gen.spannersessions.model.ExecuteBatchDmlResponse;
import io.discogen.it.gen.spannersessions.model.ExecuteSqlRequest;
import io.discogen.it.gen.spannersessions.model.Field;
import io.discogen.it.gen.spannersessions.model.KeySet;
import io.discogen.it.gen.spannersessions.model.ListSessionsResponse;
import io.discogen.it.gen.spannersessions.model.Mutation;
import io.discogen.it.gen.spannersessions.model.ReadOnly;
import io.discogen.it.gen.spannersessions.model.ReadRequest;
import io.discogen.it.gen.spannersessions.model.ReadWrite;
import io.discogen.it.gen.spannersessions.model.ResultSet;
import io.discogen.it.gen.spannersessions.model.RollbackRequest;
import io.discogen.it.gen.spannersessions.model.Session;
import io.discogen.it.gen.spannersessions.model.Statement;
import io.discogen.it.gen.spannersessions.model.Transaction;
import io.discogen.it.gen.spannersessions.model.TransactionOptions;
import io.discogen.it.gen.spannersessions.model.TransactionSelector;
import io.discogen.it.gen.spannersessions.model.Type;
import io.discogen.it.gen.spannersessions.model.Write;
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
                .create(PROJECT, new io.discogen.it.gen.spanner.model.CreateInstanceRequest()
                        .setInstanceId("specinst")
                        .setInstance(new io.discogen.it.gen.spanner.model.Instance()
                                .setConfig(PROJECT + "/instanceConfigs/emulator-config")
                                .setDisplayName("spec")
                                .setNodeCount(1)))
                .executeAndWait();
        admin.projects().instances().databases()
                .create(INSTANCE, new io.discogen.it.gen.spanner.model.CreateDatabaseRequest()
                        .setCreateStatement("CREATE DATABASE `specdb`")
                        .setExtraStatements(List.of("CREATE TABLE Items (Id INT64 NOT NULL, Name STRING(64),"
                                + " Payload BYTES(64)) PRIMARY KEY (Id)")))
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
    void readWriteTransactionWithDmlMutationsCommitAndRead() {
        String session = sessions().create(DATABASE, new CreateSessionRequest()).execute().getName();
        byte[] payload = {0, 1, (byte) 0xfe, (byte) 0xff, 'z'};

        Transaction tx = sessions().beginTransaction(session, new BeginTransactionRequest()
                        .setOptions(new TransactionOptions().setReadWrite(new ReadWrite())))
                .execute();
        fullyDeclared(tx);
        assertTrue(tx.getId() != null && tx.getId().length > 0, tx::toString);
        TransactionSelector inTx = new TransactionSelector().setId(tx.getId());

        ResultSet inserted = sessions().executeSql(session, new ExecuteSqlRequest()
                        .setSql("INSERT INTO Items (Id, Name, Payload) VALUES (@id, @name, @payload)")
                        .setParams(Map.of("id", "1", "name", "one",
                                "payload", java.util.Base64.getEncoder().encodeToString(payload)))
                        .setParamTypes(Map.of("id", new Type().setCode(Type.Code.INT64),
                                "name", new Type().setCode(Type.Code.STRING),
                                "payload", new Type().setCode(Type.Code.BYTES)))
                        .setTransaction(inTx)
                        .setSeqno(1L))
                .execute();
        fullyDeclared(inserted);
        fullyDeclared(inserted.getStats());
        assertEquals(1L, inserted.getStats().getRowCountExact(), "int64 rowCountExact, a string on the wire");

        ExecuteBatchDmlResponse batch = sessions().executeBatchDml(session, new ExecuteBatchDmlRequest()
                        .setTransaction(inTx)
                        .setSeqno(2L)
                        .setStatements(List.of(
                                new Statement().setSql("INSERT INTO Items (Id, Name) VALUES (2, 'two')"),
                                new Statement().setSql("INSERT INTO Items (Id, Name) VALUES (@id, 'three')")
                                        .setParams(Map.of("id", "3"))
                                        .setParamTypes(Map.of("id", new Type().setCode(Type.Code.INT64))))))
                .execute();
        fullyDeclared(batch);
        assertEquals(2, batch.getResultSets().size(), batch::toString);
        assertEquals(List.of(1L, 1L), batch.getResultSets().stream()
                .map(r -> r.getStats().getRowCountExact()).collect(Collectors.toList()));
        assertTrue(batch.getStatus() == null || batch.getStatus().getCode() == null || batch.getStatus().getCode() == 0,
                batch::toString);

        CommitResponse commit = sessions().commit(session, new CommitRequest()
                        .setTransactionId(tx.getId())
                        .setReturnCommitStats(true)
                        .setMutations(List.of(new Mutation().setInsert(new Write()
                                .setTable("Items")
                                .setColumns(List.of("Id", "Name"))
                                .setValues(List.of(List.of("4", "four"), List.of("5", "five")))))))
                .execute();
        fullyDeclared(commit);
        assertTrue(commit.getCommitTimestamp() != null, commit::toString);

        ResultSet read = sessions().read(session, new ReadRequest()
                        .setTable("Items")
                        .setColumns(List.of("Id", "Name", "Payload"))
                        .setKeySet(new KeySet().setAll(true)))
                .execute();
        fullyDeclared(read);
        List<List<Object>> rows = read.getRows();
        assertEquals(List.of("1", "2", "3", "4", "5"), rows.stream().map(r -> r.get(0)).collect(Collectors.toList()));
        assertEquals(List.of("one", "two", "three", "four", "five"),
                rows.stream().map(r -> r.get(1)).collect(Collectors.toList()));
        assertEquals(java.util.Base64.getEncoder().encodeToString(payload), rows.get(0).get(2), "BYTES is base64");
        assertNull(rows.get(1).get(2));

        // A second transaction, rolled back: nothing it wrote stays.
        Transaction rolledBack = sessions().beginTransaction(session, new BeginTransactionRequest()
                        .setOptions(new TransactionOptions().setReadWrite(new ReadWrite())))
                .execute();
        sessions().executeSql(session, new ExecuteSqlRequest()
                        .setSql("DELETE FROM Items WHERE TRUE")
                        .setTransaction(new TransactionSelector().setId(rolledBack.getId()))
                        .setSeqno(1L))
                .execute();
        sessions().rollback(session, new RollbackRequest().setTransactionId(rolledBack.getId())).execute();
        ResultSet count = sessions().executeSql(session, new ExecuteSqlRequest().setSql("SELECT COUNT(*) FROM Items"))
                .execute();
        assertEquals(List.of(List.of("5")), count.getRows());

        // A read-only transaction reports its read timestamp.
        Transaction ro = sessions().beginTransaction(session, new BeginTransactionRequest()
                        .setOptions(new TransactionOptions().setReadOnly(new ReadOnly()
                                .setStrong(true).setReturnReadTimestamp(true))))
                .execute();
        fullyDeclared(ro);
        assertTrue(ro.getReadTimestamp() != null && !ro.getReadTimestamp().isAfter(java.time.Instant.now().plusSeconds(5)),
                ro::toString);
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
