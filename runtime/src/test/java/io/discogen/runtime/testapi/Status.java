package io.discogen.runtime.testapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.discogen.runtime.json.JsonModel;
import java.util.List;
import java.util.Map;

public final class Status extends JsonModel {
  @JsonProperty("code")
  private Integer code;

  @JsonProperty("message")
  private String message;

  @JsonProperty("details")
  private List<Map<String, Object>> details;

  public Integer getCode() {
    return code;
  }

  public String getMessage() {
    return message;
  }

  public List<Map<String, Object>> getDetails() {
    return details;
  }

  @Override
  protected Object[] fields() {
    return new Object[] {code, message, details};
  }
}
