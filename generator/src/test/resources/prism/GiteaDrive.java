package io.discogen.gitea;

import io.discogen.gitea.model.*;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiled with the client generated from the directory's gitea.io spec by {@code GiteaPrismTest}
 * and run against Prism's mock of it: GETs with query parameters, POSTs with JSON bodies, an
 * invalid body, and a call without credentials. Returns what it saw, one line per call.
 */
public final class GiteaDrive {
  private GiteaDrive() {}

  public static List<String> run(String rootUrl) {
    List<String> seen = new ArrayList<>();
    GiteaAPI gitea = new GiteaAPI(ClientOptions.builder().rootUrl(rootUrl)
        .credentials(GiteaAPI.tokenCredentials("sample-token")).build());

    ServerVersion version = gitea.miscellaneous().getVersion().execute();
    seen.add("version " + require(version.getVersion(), "version"));

    SearchResults found = gitea.repository().repoSearch()
        .setQ("discogen").setIncludeDesc(true).setMode("source").setSort("alpha").setPage(1L).setLimit(10L)
        .execute();
    seen.add("repoSearch " + require(found.getData(), "data").size() + " repos, first "
        + require(found.getData().get(0).getFullName(), "full_name"));

    List<Issue> issues = gitea.issue().issueListIssues("octo", "hello")
        .setStateValue("open").setLabels("bug,ui").setPage(1L).setLimit(5L)
        .execute();
    seen.add("issueListIssues " + issues.size() + " issues, first #" + require(issues.get(0).getNumber(), "number"));

    Issue created = gitea.issue().issueCreateIssue("octo", "hello",
        new CreateIssueOption().setTitle("Found a bug").setBody("Steps...").setLabels(List.of(1L, 2L)))
        .execute();
    seen.add("issueCreateIssue " + require(created.getTitle(), "title"));

    Repository repo = gitea.repository().createCurrentUserRepo(
        new CreateRepoOption().setName("discogen").setPrivate(true).setAutoInit(true).setDefaultBranch("main"))
        .execute();
    seen.add("createCurrentUserRepo " + require(repo.getFullName(), "full_name"));

    try {
      gitea.repository().createCurrentUserRepo(new CreateRepoOption().setPrivate(true)).execute(); // no name
      seen.add("invalid body accepted");
    } catch (ApiException e) {
      seen.add("invalid body " + e.statusCode());
    }

    GiteaAPI anonymous = new GiteaAPI(ClientOptions.builder().rootUrl(rootUrl).credentials(Credentials.none()).build());
    try {
      anonymous.miscellaneous().getVersion().execute();
      seen.add("no credentials accepted");
    } catch (ApiException e) {
      seen.add("no credentials " + e.statusCode());
    }
    return seen;
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalStateException(what + " missing from the response");
    }
    return value;
  }
}
