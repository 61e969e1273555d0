package io.discogen.samples.dataproc;

import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.GoogleCredentialsAdapter;
import io.discogen.runtime.Operations;
import io.discogen.samples.dataproc.client.Dataproc;
import io.discogen.samples.dataproc.client.model.JupyterConfig;
import io.discogen.samples.dataproc.client.model.Operation;
import io.discogen.samples.dataproc.client.model.Session;
import io.discogen.samples.dataproc.client.model.SessionOperationMetadata;
import java.util.Map;

/**
 * Drives a client generated from {@code specs/dataproc-sessions.v1.json}: creates a session and
 * waits for the long-running operation, gets it, lists sessions across pages, terminates and
 * deletes it.
 *
 * <p>By default it talks to an embedded fake of the sessions API that it starts itself. With
 * {@code --root-url URL} (e.g. {@code https://dataproc.googleapis.com/}) it talks to that endpoint
 * with Application Default Credentials; {@code --project} and {@code --location} choose where.
 */
public final class DataprocSessionsSample {
  private DataprocSessionsSample() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = flags(args);
    String rootUrl = flags.get("root-url");
    String project = flags.getOrDefault("project", "sample-project");
    String location = flags.getOrDefault("location", "us-central1");

    FakeDataprocServer fake = null;
    ClientOptions.Builder options = ClientOptions.builder();
    if (rootUrl == null) {
      fake = FakeDataprocServer.start();
      options.rootUrl(fake.rootUrl());
      System.out.println("Using the embedded fake Dataproc API at " + fake.rootUrl());
    } else {
      options.rootUrl(rootUrl).credentials(GoogleCredentialsAdapter.applicationDefault());
      System.out.println("Using " + rootUrl + " with Application Default Credentials");
    }
    try {
      run(new Dataproc(options.build()), "projects/" + project + "/locations/" + location);
    } finally {
      if (fake != null) {
        fake.close();
      }
    }
  }

  static void run(Dataproc dataproc, String parent) {
    Dataproc.Projects.Locations.Sessions sessions = dataproc.projects().locations().sessions();

    // 1. Create a session; the client fills requestId, so a retried create is de-duplicated.
    Session wanted = new Session()
        .setJupyterSession(new JupyterConfig().setKernel(JupyterConfig.Kernel.PYTHON).setDisplayName("Sample"))
        .setLabels(Map.of("purpose", "discogen-sample"));
    Operation created = sessions.create(parent, wanted).setSessionId("sample-session").executeAndWait();
    Session session = Operations.response(created, Session.class);
    SessionOperationMetadata metadata = Operations.metadata(created, SessionOperationMetadata.class);
    System.out.println("Created " + session.getName() + " (" + metadata.getOperationTypeValue() + " done)");

    // 2. Get it back.
    Session got = sessions.get(session.getName()).execute();
    System.out.println("Got " + got.getName() + ": state " + got.getState() + ", kernel "
        + got.getJupyterSession().getKernel() + ", created " + got.getCreateTime());

    // 3. A few more, then list all of them across pages of two.
    for (int i = 1; i <= 3; i++) {
      sessions.create(parent, new Session()).setSessionId("sample-extra-" + i).executeAndWait();
    }
    int count = 0;
    for (Session s : sessions.list(parent).setPageSize(2).iterateAll()) {
      System.out.println("  listed " + s.getName() + " [" + s.getState() + "]");
      count++;
    }
    System.out.println("Listed " + count + " sessions in pages of 2");

    // 4. Terminate and delete, each a long-running operation.
    sessions.terminate(session.getName(), new io.discogen.samples.dataproc.client.model.TerminateSessionRequest())
        .executeAndWait();
    System.out.println("Terminated " + session.getName());
    for (Session s : sessions.list(parent).iterateAll()) {
      sessions.delete(s.getName()).executeAndWait();
    }
    System.out.println("Deleted all sessions");

    // 5. Errors are typed: a get of the deleted session is a 404 with Google's error body.
    try {
      sessions.get(session.getName()).execute();
      throw new IllegalStateException("expected NOT_FOUND");
    } catch (ApiException e) {
      System.out.println("Get after delete: " + e.statusCode() + " " + e.errorStatus());
    }
    System.out.println("Done.");
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --flag value pairs, got " + args[i]);
      }
      flags.put(args[i].substring(2), args[i + 1]);
    }
    return flags;
  }
}
