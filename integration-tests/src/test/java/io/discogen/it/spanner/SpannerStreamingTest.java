package io.discogen.it.spanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.discogen.it.TestClients;
import io.discogen.it.emulator.SpannerEmulator;
import io.discogen.it.emulator.SpannerEmulatorExtension;
import io.discogen.it.gen.spanner.Spanner;
import io.discogen.it.gen.spanner.model.CommitRequest;
import io.discogen.it.gen.spanner.model.CreateDatabaseRequest;
import io.discogen.it.gen.spanner.model.CreateInstanceRequest;
import io.discogen.it.gen.spanner.model.CreateSessionRequest;
import io.discogen.it.gen.spanner.model.ExecuteSqlRequest;
import io.discogen.it.gen.spanner.model.Field;
import io.discogen.it.gen.spanner.model.Instance;
import io.discogen.it.gen.spanner.model.KeySet;
import io.discogen.it.gen.spanner.model.Mutation;
import io.discogen.it.gen.spanner.model.PartialResultSet;
import io.discogen.it.gen.spanner.model.ReadRequest;
import io.discogen.it.gen.spanner.model.ReadWrite;
import io.discogen.it.gen.spanner.model.TransactionOptions;
import io.discogen.it.gen.spanner.model.Type;
import io.discogen.it.gen.spanner.model.Write;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.ResponseStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Spanner's server-streaming methods ({@code executeStreamingSql}, {@code streamingRead}) through
 * the client generated from the corpus {@code spanner.v1.json} and {@code executeStream()}, against
 * the emulator's REST gateway, which answers newline-delimited {@code {"result": PartialResultSet}}
 * messages.
 */
@ExtendWith(SpannerEmulatorExtension.class)
@Timeout(60)
class SpannerStreamingTest {

    static final String PROJECT = "projects/test-project";
    static final String INSTANCE = PROJECT + "/instances/streaminst";
    static final String DATABASE = INSTANCE + "/databases/streamdb";
    static final List<List<Object>> ROWS = List.of(
            List.of("1", "one"), List.of("2", "two"), List.of("3", "three"), List.of("4", "four"));

    static Spanner spanner;
    static String session;

    @BeforeAll
    static void createTableWithRows(SpannerEmulator emulator) {
        spanner = new Spanner(TestClients.local(emulator.restUrl()));
        spanner.projects().instances()
                .create(PROJECT, new CreateInstanceRequest()
                        .setInstanceId("streaminst")
                        .setInstance(new Instance()
                                .setConfig(PROJECT + "/instanceConfigs/emulator-config")
                                .setDisplayName("Discogen streaming")
                                .setNodeCount(1)))
                .executeAndWait();
        spanner.projects().instances().databases()
                .create(INSTANCE, new CreateDatabaseRequest()
                        .setCreateStatement("CREATE DATABASE `streamdb`")
                        .setExtraStatements(List.of(
                                "CREATE TABLE Numbers (Id INT64 NOT NULL, Name STRING(64)) PRIMARY KEY (Id)")))
                .executeAndWait();
        session = sessions().create(DATABASE, new CreateSessionRequest()).execute().getName();
        sessions().commit(session, new CommitRequest()
                        .setSingleUseTransaction(new TransactionOptions().setReadWrite(new ReadWrite()))
                        .setMutations(List.of(new Mutation().setInsert(new Write()
                                .setTable("Numbers")
                                .setColumns(List.of("Id", "Name"))
                                .setValues(ROWS)))))
                .execute();
    }

    static Spanner.Projects.Instances.Databases.Sessions sessions() {
        return spanner.projects().instances().databases().sessions();
    }

    /** Every message of the stream, read through the iterator. */
    static List<PartialResultSet> readAll(ResponseStream<PartialResultSet> stream) {
        List<PartialResultSet> all = new ArrayList<>();
        for (PartialResultSet p : stream) {
            all.add(p);
        }
        return all;
    }

    /** The rows of a result: the messages' values, concatenated (no value here is chunked), cut into rows. */
    static List<List<Object>> rows(List<PartialResultSet> messages) {
        List<Object> values = new ArrayList<>();
        for (PartialResultSet p : messages) {
            assertFalse(Boolean.TRUE.equals(p.getChunkedValue()), p::toString);
            if (p.getValues() != null) {
                values.addAll(p.getValues());
            }
        }
        int width = messages.get(0).getMetadata().getRowType().getFields().size();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i += width) {
            rows.add(values.subList(i, i + width));
        }
        return rows;
    }

    @Test
    void executeStreamingSqlStreamsTheRows() {
        List<PartialResultSet> messages;
        try (ResponseStream<PartialResultSet> stream = sessions().executeStreamingSql(session,
                new ExecuteSqlRequest().setSql("SELECT Id, Name FROM Numbers ORDER BY Id")).executeStream()) {
            messages = readAll(stream);
            assertEquals(messages.size(), stream.messagesRead());
        }
        assertFalse(messages.isEmpty());
        List<Field> fields = messages.get(0).getMetadata().getRowType().getFields();
        assertEquals(List.of("Id", "Name"), fields.stream().map(Field::getName).collect(Collectors.toList()));
        assertEquals(Type.Code.INT64, fields.get(0).getType().getCode());
        assertEquals(Type.Code.STRING, fields.get(1).getType().getCode());
        // The gateway's {"result": ...} envelope was opened: nothing is left as an unknown field.
        assertFalse(messages.get(0).unknownFields().containsKey("result"), messages.get(0)::toString);
        assertEquals(ROWS, rows(messages));
    }

    @Test
    void aUnionOfSelectsAsAJavaStream() {
        try (ResponseStream<PartialResultSet> stream = sessions().executeStreamingSql(session,
                new ExecuteSqlRequest().setSql("SELECT 1 UNION ALL SELECT 2")).executeStream()) {
            List<Object> values = stream.stream()
                    .flatMap(p -> p.getValues() == null ? java.util.stream.Stream.empty() : p.getValues().stream())
                    .sorted().collect(Collectors.toList());
            assertEquals(List.of("1", "2"), values);
        }
    }

    @Test
    void streamingReadStreamsTheTable() throws Exception {
        ReadRequest read = new ReadRequest()
                .setTable("Numbers")
                .setColumns(List.of("Id", "Name"))
                .setKeySet(new KeySet().setAll(true));
        try (ResponseStream<PartialResultSet> stream = sessions().streamingRead(session, read).executeStream()) {
            assertEquals(ROWS, rows(readAll(stream)));
        }
        // The same, asynchronously: the future holds the open stream.
        try (ResponseStream<PartialResultSet> stream = sessions().streamingRead(session, read)
                .executeStreamAsync().get(30, TimeUnit.SECONDS)) {
            assertEquals(ROWS, rows(readAll(stream)));
        }
    }

    @Test
    void anInvalidQueryIsAnApiExceptionBeforeAnyMessage() {
        ApiException e = assertThrows(ApiException.class, () -> sessions().executeStreamingSql(session,
                new ExecuteSqlRequest().setSql("SELEC 1")).executeStream());
        assertEquals(400, e.statusCode(), e::toString);
        assertTrue(e.errorMessage().contains("SELEC"), e::toString);
        assertNotEquals(null, e.errorStatus(), e::toString);
    }

    @Test
    void aQueryParameterTravelsInTheStreamedCall() {
        try (ResponseStream<PartialResultSet> stream = sessions().executeStreamingSql(session,
                new ExecuteSqlRequest()
                        .setSql("SELECT Name FROM Numbers WHERE Id = @id")
                        .setParams(Map.of("id", "3"))
                        .setParamTypes(Map.of("id", new Type().setCode(Type.Code.INT64))))
                .executeStream()) {
            assertEquals(List.of(List.of("three")), rows(readAll(stream)));
        }
    }
}
