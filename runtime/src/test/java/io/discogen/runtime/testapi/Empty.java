package io.discogen.runtime.testapi;

import io.discogen.runtime.json.JsonModel;

public final class Empty extends JsonModel {
  @Override
  protected Object[] fields() {
    return new Object[] {};
  }
}
