package io.discogen.runtime.testapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.discogen.runtime.json.JsonModel;
import java.util.List;

public final class ListWidgetsResponse extends JsonModel {
  @JsonProperty("widgets")
  private List<Widget> widgets;

  @JsonProperty("nextPageToken")
  private String nextPageToken;

  public List<Widget> getWidgets() {
    return widgets;
  }

  public String getNextPageToken() {
    return nextPageToken;
  }

  @Override
  protected Object[] fields() {
    return new Object[] {widgets, nextPageToken};
  }
}
