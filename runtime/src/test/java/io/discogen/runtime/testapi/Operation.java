package io.discogen.runtime.testapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.discogen.runtime.json.JsonModel;
import java.util.Map;

public final class Operation extends JsonModel {
  @JsonProperty("name")
  private String name;

  @JsonProperty("done")
  private Boolean done;

  @JsonProperty("error")
  private Status error;

  @JsonProperty("metadata")
  private Map<String, Object> metadata;

  @JsonProperty("response")
  private Map<String, Object> response;

  public String getName() {
    return name;
  }

  public Boolean getDone() {
    return done;
  }

  public Status getError() {
    return error;
  }

  public Map<String, Object> getMetadata() {
    return metadata;
  }

  public Map<String, Object> getResponse() {
    return response;
  }

  @Override
  protected Object[] fields() {
    return new Object[] {name, done, error, metadata, response};
  }
}
