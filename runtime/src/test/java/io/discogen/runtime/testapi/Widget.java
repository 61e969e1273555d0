package io.discogen.runtime.testapi;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.discogen.runtime.json.JsonModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A model shaped like generated ones. */
public final class Widget extends JsonModel {
  @JsonProperty("name")
  private String name;

  @JsonProperty("sizeBytes")
  @JsonFormat(shape = JsonFormat.Shape.STRING)
  private Long sizeBytes;

  @JsonProperty("payload")
  private byte[] payload;

  @JsonProperty("createTime")
  private Instant createTime;

  @JsonProperty("ttl")
  private Duration ttl;

  /** Enum-typed property, stored raw. */
  @JsonProperty("state")
  private String state;

  @JsonProperty("labels")
  private Map<String, String> labels;

  @JsonProperty("tags")
  private List<String> tags;

  public String getName() {
    return name;
  }

  public Widget setName(String name) {
    this.name = name;
    return this;
  }

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public Widget setSizeBytes(Long sizeBytes) {
    this.sizeBytes = sizeBytes;
    return this;
  }

  public byte[] getPayload() {
    return payload;
  }

  public Widget setPayload(byte[] payload) {
    this.payload = payload;
    return this;
  }

  public Instant getCreateTime() {
    return createTime;
  }

  public Widget setCreateTime(Instant createTime) {
    this.createTime = createTime;
    return this;
  }

  public Duration getTtl() {
    return ttl;
  }

  public Widget setTtl(Duration ttl) {
    this.ttl = ttl;
    return this;
  }

  public String getState() {
    return state;
  }

  public Widget setState(String state) {
    this.state = state;
    return this;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public Widget setLabels(Map<String, String> labels) {
    this.labels = labels;
    return this;
  }

  public List<String> getTags() {
    return tags;
  }

  public Widget setTags(List<String> tags) {
    this.tags = tags;
    return this;
  }

  @Override
  protected Object[] fields() {
    return new Object[] {name, sizeBytes, payload, createTime, ttl, state, labels, tags};
  }
}
