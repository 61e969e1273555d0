package io.discogen.samples.spanner;

import io.discogen.runtime.ClientOptions;
import io.discogen.samples.spanner.client.Spanner;
import io.discogen.samples.spanner.client.model.BatchCreateSessionsRequest;
import io.discogen.samples.spanner.client.model.CreateSessionRequest;
import io.discogen.samples.spanner.client.model.ExecuteSqlRequest;
import io.discogen.samples.spanner.client.model.ResultSet;
import io.discogen.samples.spanner.client.model.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Drives a client generated from {@code specs/spanner-sessions.v1.json}: create, batchCreate, get,
 * list (paged), executeSql and delete sessions.
 *
 * <p>By default it talks to an embedded fake it starts itself. With {@code --emulator URL} (the
 * Spanner emulator's REST gateway, e.g. {@code http://127.0.0.1:9020/}) it first creates the
 * instance and database there — instance administration is not part of the sessions spec, so that
 * step uses plain HTTP — and then runs the same calls against the real emulator.
 */
public final class SpannerSessionsSample {
  static final String DATABASE = "projects/sample-project/instances/sample-instance/databases/sample-db";

  private SpannerSessionsSample() {}

  public static void main(String[] args) throws Exception {
    String emulator = args.length == 2 && args[0].equals("--emulator") ? args[1] : null;
    if (args.length != 0 && emulator == null) {
      throw new IllegalArgumentException("usage: SpannerSessionsSample [--emulator REST_URL]");
    }
    if (emulator != null) {
      System.out.println("Using the Spanner emulator at " + emulator);
      createInstanceAndDatabase(emulator);
      run(new Spanner(ClientOptions.builder().rootUrl(emulator).build()), DATABASE);
      return;
    }
    try (FakeSpannerServer fake = FakeSpannerServer.start()) {
      System.out.println("Using the embedded fake Spanner API at " + fake.rootUrl());
      run(new Spanner(ClientOptions.builder().rootUrl(fake.rootUrl()).build()), DATABASE);
    }
  }

  /** The calls the sample makes; returns the number of sessions it listed. */
  public static int run(Spanner spanner, String database) {
    Spanner.Projects.Instances.Databases.Sessions sessions = spanner.projects().instances().databases().sessions();

    Session one = sessions.create(database, new CreateSessionRequest()
        .setSession(new Session().setLabels(Map.of("purpose", "discogen-sample")))).execute();
    System.out.println("Created " + one.getName() + " at " + one.getCreateTime());

    List<Session> batch = sessions.batchCreate(database, new BatchCreateSessionsRequest().setSessionCount(3))
        .execute()
        .getSession();
    System.out.println("Batch-created " + batch.size() + " sessions");

    Session got = sessions.get(one.getName()).execute();
    System.out.println("Got " + got.getName() + " labels=" + got.getLabels());

    int listed = 0;
    for (Session s : sessions.list(database).setPageSize(2).iterateAll()) {
      listed++;
    }
    System.out.println("Listed " + listed + " sessions in pages of 2");

    ResultSet rs = sessions.executeSql(one.getName(), new ExecuteSqlRequest().setSql("SELECT 1, 'two'")).execute();
    System.out.println("SELECT 1, 'two' -> " + rs.getRows() + " typed " + rs.getMetadata().getRowType().getFields().stream()
        .map(f -> f.getType().getCodeValue()).toList());

    for (Session s : batch) {
      sessions.delete(s.getName()).execute();
    }
    sessions.delete(one.getName()).execute();
    System.out.println("Deleted " + (batch.size() + 1) + " sessions. Done.");
    return listed;
  }

  /** Emulator set-up through plain REST: instance admin is outside the sessions spec. */
  static void createInstanceAndDatabase(String rootUrl) throws IOException, InterruptedException {
    String root = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
    post(root + "v1/projects/sample-project/instances",
        "{\"instanceId\":\"sample-instance\",\"instance\":{\"config\":\"projects/sample-project/instanceConfigs/emulator-config\","
            + "\"displayName\":\"Sample\",\"nodeCount\":1}}");
    post(root + "v1/projects/sample-project/instances/sample-instance/databases",
        "{\"createStatement\":\"CREATE DATABASE `sample-db`\"}");
  }

  private static void post(String url, String body) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 && r.statusCode() != 409) { // 409: already there from an earlier run
      throw new IOException("emulator set-up failed: " + r.statusCode() + " " + r.body());
    }
  }
}
